"""A real Oxigraph server (PyPI ``oxigraph``) on a loopback port: push the bundled graph,
read it back losslessly, compare every catalog query with the embedded store (two
independent SPARQL engines), and the failure paths of a shared server."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest
from rdflib.compare import isomorphic

import andtsgraph
from andtsgraph.errors import QueryError
from andtsgraph.remote import EndpointError

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


def _canonical(result) -> list[tuple]:
    """Rows as sortable tuples; GROUP_CONCAT lists (whose order SPARQL leaves open) sorted."""
    rows = []
    for record in result:
        row = []
        for value in record.values():
            if isinstance(value, str) and "; " in value:
                value = "; ".join(sorted(value.split("; ")))
            elif isinstance(value, str) and ", " in value and value.count(", ") < 10:
                value = ", ".join(sorted(value.split(", ")))
            row.append("" if value is None else str(value))
        rows.append(tuple(row))
    return sorted(rows)


def test_push_reports_every_graph(kg, pushed_server):
    _, pushed = pushed_server
    assert [p.graph for p in pushed] == kg.graph_names()
    assert sum(p.triples for p in pushed) == len(kg)
    assert {p.method for p in pushed} == {"gsp"}


def test_round_trip_is_lossless(kg, pushed_server):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    assert server.graph_names() == kg.graph_names()
    assert len(server) == len(kg)
    for name in kg.graph_names():
        assert isomorphic(server.graph(name), kg.graph(name)), name


def test_round_trip_through_construct_without_graph_store(kg, pushed_server):
    url, _ = pushed_server
    server = andtsgraph.connect(f"{url}/query")  # no /store given: whole graphs come by CONSTRUCT
    name = "https://w3id.org/andtsgraph/graph/plan/kronoberg-2022-2026"
    assert isomorphic(server.graph(name), kg.graph(name))


@pytest.mark.parametrize("query", [q.name for q in andtsgraph.catalog()])
def test_every_catalog_query_answers_the_same_on_the_server(kg, pushed_server, query):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    for params in SAMPLE_PARAMS.get(query, [{}]):
        local = kg.query(query, **params)
        remote = server.query(query, **params)
        assert remote.columns == local.columns
        assert _canonical(remote) == _canonical(local), (query, params)


@pytest.mark.parametrize(
    "query", [q.name for q in andtsgraph.catalog() if any(p.name == "plan" for p in q.params)]
)
def test_plan_parameter_binds_the_same_on_both_engines(kg, pushed_server, query):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    for plan in ("kronoberg-2022-2026", "vasteras-2022-2025"):
        params = {"plan": plan, **({"text": "ANDTS"} if query == "search-activities" else {})}
        local = kg.query(query, **params)
        assert _canonical(server.query(query, **params)) == _canonical(local), (query, plan)
        # And binding really restricts: every row belongs to that plan.
        if "plan" in local.columns:
            assert {r["plan"] for r in local} <= {f"https://w3id.org/andtsgraph/plan/{plan}"}


def test_the_plans_of_a_connected_server(pushed_server, kg):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    assert server.plans.to_records() == kg.plans.to_records()


HOSTILE = [
    '"} ; DROP ALL',
    "x' } } DROP ALL ; SELECT * { ?s ?p ?o",
    '\\" . } INSERT DATA { <a:b> <a:b> <a:b> }',
    "}\nDROP ALL #",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_cannot_change_the_query(kg, pushed_server, value):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    before_local, before_remote = len(kg), len(server)
    # Bound as a plain string: the search finds nothing, and nothing else happens.
    assert list(kg.query("search-activities", text=value)) == []
    assert list(server.query("search-activities", text=value)) == []
    assert (len(kg), len(server)) == (before_local, before_remote)


def test_hostile_iri_is_refused_not_escaped(kg, pushed_server):
    url, _ = pushed_server
    server = andtsgraph.connect(url)
    for graph in (kg, server):
        with pytest.raises(QueryError, match="not a valid IRI"):
            graph.query("actor-activities", actor="https://x.org/> } DROP ALL { <https://x.org/")


def test_push_refuses_to_overwrite_without_replace(kg, pushed_server):
    url, _ = pushed_server
    with pytest.raises(EndpointError, match=r"already hold data on the server .* use --replace"):
        andtsgraph.push(kg, url)


def test_push_replace_overwrites_and_sparql_update_fallback(kg, tmp_path):
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path / "store") as url:
        # SPARQL Update only (no Graph Store Protocol endpoint given).
        pushed = andtsgraph.push(kg, f"{url}/query", update_endpoint=f"{url}/update")
        assert {p.method for p in pushed} == {"update"}
        extra = kg.graph_names()[0]
        stale = "<https://example.org/s> <https://example.org/p> 'stale'"
        body = f"INSERT DATA {{ GRAPH <{extra}> {{ {stale} }} }}"
        urllib.request.urlopen(
            urllib.request.Request(
                f"{url}/update",
                data=body.encode(),
                headers={"Content-Type": "application/sparql-update"},
            )
        ).read()
        again = andtsgraph.push(kg, url, replace=True)
        assert {p.method for p in again} == {"gsp"}
        server = andtsgraph.connect(url)
        assert len(server) == len(kg)  # the stale triple is gone: graphs were replaced, not merged
        for name in kg.graph_names():
            assert isomorphic(server.graph(name), kg.graph(name))


def test_cli_push_and_query_against_the_server(kg, tmp_path):
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path / "cli") as url:
        push = subprocess.run(
            [sys.executable, "-m", "andtsgraph", "push", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert push.returncode == 0, push.stderr
        assert f"pushed {len(kg.graph_names())} graphs, {len(kg)} triples" in push.stderr
        again = subprocess.run(
            [sys.executable, "-m", "andtsgraph", "push", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert again.returncode == 2 and "use --replace" in again.stderr
        query = subprocess.run(
            [
                sys.executable,
                "-m",
                "andtsgraph",
                "query",
                "search-activities",
                "--param",
                "text=langning",
                "--endpoint",
                url,
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert query.returncode == 0, query.stderr
        rows = json.loads(query.stdout)
        assert [r["activity"].rsplit("/", 1)[-1] for r in rows] == ["a-07-1", "a-07-2"]


# ---- failure paths ---------------------------------------------------------------------------


def test_server_down_is_one_clear_error():
    from oxigraph_server import free_port

    port = free_port()  # nothing listens there
    with pytest.raises(
        EndpointError, match=rf"cannot reach http://127.0.0.1:{port}/query: .*refused"
    ):
        andtsgraph.connect(f"http://127.0.0.1:{port}").query("plans")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "andtsgraph",
            "query",
            "plans",
            "--endpoint",
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"andtsgraph: error: cannot reach http://127.0.0.1:{port}/query: Connection refused"
    ]


def test_wrong_path_is_404_and_credentials_are_never_shown(pushed_server):
    url, _ = pushed_server
    host = url.removeprefix("http://")
    with pytest.raises(EndpointError) as info:
        andtsgraph.connect(f"http://alice:s3cret@{host}/no-such-endpoint").query("plans")
    assert "HTTP 404" in str(info.value)
    assert "s3cret" not in str(info.value) and "alice" not in str(info.value)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "andtsgraph",
            "query",
            "plans",
            "--endpoint",
            f"http://alice:s3cret@{host}/nope",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "s3cret" not in proc.stderr + proc.stdout


def test_bad_query_is_http_400_query_error(pushed_server):
    url, _ = pushed_server
    with pytest.raises(QueryError, match=r"rejected the query \(HTTP 400\)"):
        andtsgraph.connect(url).query("SELECT ?x WHERE { ?x ?y }")


def test_basic_auth_and_token_are_sent_but_not_printed(monkeypatch, pushed_server):
    url, _ = pushed_server
    monkeypatch.setenv("MY_TOKEN", "t0ken-value")
    server = andtsgraph.connect(url, token_env="MY_TOKEN")
    assert server.backend.endpoint.headers() == {"Authorization": "Bearer t0ken-value"}
    assert "t0ken" not in repr(server.backend) + repr(server.backend.endpoint)
    assert len(server.query("plans")) == 4  # Oxigraph ignores the header; the request still works
    with pytest.raises(EndpointError, match="NOT_SET_VAR"):
        andtsgraph.connect(url, token_env="NOT_SET_VAR")
    basic = andtsgraph.connect(url, auth=("alice", "pw"))
    assert basic.backend.endpoint.headers()["Authorization"] == "Basic YWxpY2U6cHc="


def test_timeout_is_enforced_on_the_client(kg, tmp_path):
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path / "slow") as url:
        andtsgraph.push(kg, url)
        server = andtsgraph.connect(url, timeout=1)
        # A triple cross product of ~4,500 triples: ~10^11 rows, far beyond a second.
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        with pytest.raises(EndpointError, match=r"within 1 s \(timed out\)"):
            server.query(slow)
