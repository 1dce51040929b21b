"""What the server tests compare: every catalog query's answer, row by row and inside list
cells, on a server and on the embedded store."""

from __future__ import annotations

import andtsgraph

#: Parameters for the catalog queries that need (or are better tested with) some.
SAMPLE_PARAMS = {
    "search-activities": [{"text": "langning"}, {"text": "ANDTS", "plan": "vaxjo-2022-2027"}],
    "actor-activities": [
        {},
        {"actor": "https://w3id.org/andtsgraph/actor/polisen", "role": "partner"},
    ],
    "activity-partners": [
        {},
        {"activity": "https://w3id.org/andtsgraph/plan/kronoberg-2022-2026/a-04-4"},
    ],
    "activities-by-substance": [
        {},
        {"substance": "https://w3id.org/andtsgraph/vocab/substance/dopning"},
    ],
    "activities-by-target-group": [
        {},
        {"group": "https://w3id.org/andtsgraph/vocab/target-group/foraldrar"},
    ],
    "activities-by-prevention-level": [
        {},
        {"level": "https://w3id.org/andtsgraph/vocab/prevention-level/indikerad", "plan": "vaxjo"},
    ],
    "actors": [
        {},
        {"actor": "https://w3id.org/andtsgraph/actor/livsstil-kronoberg/beredningsgruppen"},
    ],
}

CATALOG = [q.name for q in andtsgraph.catalog()]


def rows(result) -> list[tuple[str, ...]]:
    """The rows as text, sorted (engines may break ties of ORDER BY differently); list cells
    are compared as they are, so the order of the items inside them counts."""
    return sorted(
        tuple(
            "" if value is None else f"{type(value).__name__}:{value}" for value in record.values()
        )
        for record in result
    )


def assert_same_answers(local, remote, query: str) -> int:
    """Assert ``query`` (with each sample of parameters) answers the same on both; return the
    number of rows compared."""
    compared = 0
    for params in SAMPLE_PARAMS.get(query, [{}]):
        expected, got = local.query(query, **params), remote.query(query, **params)
        assert got.columns == expected.columns, (query, params)
        assert rows(got) == rows(expected), (query, params)
        compared += len(expected)
    return compared
