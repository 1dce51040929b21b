"""A real Oxigraph server (PyPI ``oxigraph``) on a loopback port, in both configurations: as
installed (its default graph is the unnamed graph only) and with ``--union-default-graph``,
each also holding another team's data. Push the bundled graph, read it back losslessly, and
compare every catalog query, the report, gaps, hubs, info and validation with the embedded
store: the answers must not depend on the server's configuration or on what else it holds."""

from __future__ import annotations

import json

import pytest
from rdflib.compare import isomorphic
from server_compare import CATALOG, SAMPLE_PARAMS, assert_same_answers, rows
from server_fixtures import run_cli

import andtsgraph
from andtsgraph import report
from andtsgraph.errors import QueryError
from andtsgraph.remote import EndpointError

pytestmark = pytest.mark.usefixtures("english_messages")  # they read English messages

__all__ = ["SAMPLE_PARAMS", "_canonical"]  # test_stores compares the two embedded stores with them


def _canonical(result) -> list[tuple]:
    """Rows as sortable tuples, list cells sorted (for the embedded stores' comparison)."""
    out = []
    for record in result:
        row = []
        for value in record.values():
            if isinstance(value, str) and "; " in value:
                value = "; ".join(sorted(value.split("; ")))
            elif isinstance(value, str) and ", " in value and value.count(", ") < 10:
                value = ", ".join(sorted(value.split(", ")))
            row.append("" if value is None else str(value))
        out.append(tuple(row))
    return sorted(out)


def _cli(*args: str, env: dict | None = None):
    return run_cli(*args, env=env)


@pytest.fixture(scope="module")
def server(oxigraph_dataset):
    """The session's Oxigraph server in each configuration, holding another team's data and
    the bundled graph (tests/server_fixtures.py)."""
    return oxigraph_dataset


@pytest.fixture(scope="module")
def remote(server):
    return andtsgraph.connect(server[0])


def test_push_reports_every_graph(kg, server):
    _, pushed = server
    assert [p.graph for p in pushed] == kg.graph_names()
    assert sum(p.triples for p in pushed) == len(kg)
    assert {p.method for p in pushed} == {"gsp"}


def test_push_result_has_the_three_outputs(kg, server):
    _, pushed = server
    records = pushed.to_records()
    assert records[0] == {
        "graph": kg.graph_names()[0],
        "triples": pushed[0].triples,
        "method": "gsp",
    }
    frame = pushed.to_dataframe()
    assert list(frame.columns) == ["graph", "triples", "method"]
    assert frame["triples"].sum() == len(kg) and str(frame["triples"].dtype) == "int64"
    assert json.loads(pushed.to_json()) == records
    assert json.loads(pushed[0].to_json()) == records[0]


def test_the_dataset_is_exactly_the_project_graphs(kg, remote):
    assert remote.graph_names() == kg.graph_names()  # not the other team's graph
    assert len(remote) == len(kg)
    assert remote.plans.to_records() == kg.plans.to_records()
    activities = remote.query("SELECT ?a WHERE { ?a a andts:Activity }")
    assert "https://example.org/plan/x/a1" not in {str(r["a"]) for r in activities}
    assert len(activities) == len(kg.query("SELECT ?a WHERE { ?a a andts:Activity }"))


def test_round_trip_is_lossless(kg, remote):
    for name in kg.graph_names():
        assert isomorphic(remote.graph(name), kg.graph(name)), name


def test_round_trip_through_construct_without_graph_store(kg, server):
    url, _ = server
    plain = andtsgraph.connect(f"{url}/query")  # no /store given: whole graphs come by CONSTRUCT
    name = "https://w3id.org/andtsgraph/graph/plan/vasteras-2022-2025"  # has blank nodes
    assert isomorphic(plain.graph(name), kg.graph(name))


@pytest.mark.parametrize("query", CATALOG)
def test_every_catalog_query_answers_the_same_on_the_server(kg, remote, query):
    assert_same_answers(kg, remote, query)


@pytest.mark.parametrize(
    "query", [q.name for q in andtsgraph.catalog() if any(p.name == "plan" for p in q.params)]
)
def test_plan_parameter_binds_the_same_on_both_engines(kg, remote, query):
    for plan in ("kronoberg-2022-2026", "vasteras-2022-2025"):
        params = {"plan": plan, **({"text": "ANDTS"} if query == "search-activities" else {})}
        local = kg.query(query, **params)
        assert rows(remote.query(query, **params)) == rows(local), (query, plan)
        if "plan" in local.columns:  # binding really restricts: every row is of that plan
            assert {str(r["plan"]) for r in local} <= {f"https://w3id.org/andtsgraph/plan/{plan}"}


def test_list_cells_keep_one_order(kg, remote):
    # Kronoberg's a-04-1 names two responsible actors: the list is sorted on every engine.
    row = next(
        r
        for r in remote.query("activities", plan="kronoberg")
        if str(r["activity"]).endswith("/a-04-1")
    )
    assert row["responsible"] == "Länsstyrelsen Kronoberg; Polisen"


def test_the_report_gives_the_same_figures(remote, embedded_report):
    local = embedded_report
    assert report.to_text(report.build_report(remote, None, "sv")) == local
    assert "Validering (SHACL)" in local and "kronoberg-2022-2026" in local


HOSTILE = [
    '"} ; DROP ALL',
    "x' } } DROP ALL ; SELECT * { ?s ?p ?o",
    '\\" . } INSERT DATA { <a:b> <a:b> <a:b> }',
    "}\nDROP ALL #",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_cannot_change_the_query(kg, remote, value):
    before = (len(kg), len(remote))
    assert list(kg.query("search-activities", text=value)) == []
    assert list(remote.query("search-activities", text=value)) == []
    assert (len(kg), len(remote)) == before


def test_hostile_iri_is_refused_not_escaped(kg, remote, english):
    for graph in (kg, remote):
        with pytest.raises(QueryError, match="not a valid IRI"):
            graph.query("actor-activities", actor="https://x.org/> } DROP ALL { <https://x.org/")


def test_bad_query_shows_the_servers_own_message(remote):
    with pytest.raises(QueryError, match=r"rejected the query \(HTTP 400\): .*\S"):
        remote.query("SELECT ?x WHERE { ?x ?y }")


def test_wrong_path_is_404(server):
    url, _ = server
    with pytest.raises(
        EndpointError, match=r"no SPARQL endpoint at .*/no-such-endpoint \(HTTP 404\)"
    ):
        andtsgraph.connect(f"{url}/no-such-endpoint").query("plans")


def test_timeout_is_a_total_deadline_on_a_real_server(server, english):
    url, _ = server
    slow = andtsgraph.connect(url, timeout=1)
    # A triple cross product of ~4,500 triples: ~10^11 rows, far beyond a second.
    with pytest.raises(EndpointError, match=r"within 1 s \(timed out\)"):
        slow.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")


def test_sparql_update_path_gives_the_same_graphs(kg, server):
    url, _ = server
    pushed = andtsgraph.push(kg, f"{url}/query", update_endpoint=f"{url}/update", replace=True)
    assert {p.method for p in pushed} == {"update"}
    again = andtsgraph.connect(url)
    assert len(again) == len(kg)
    for name in kg.graph_names():
        assert isomorphic(again.graph(name), kg.graph(name)), name


# ---- the command line (in-process; the as-installed server is the harder case) -----------------


def _run(capsys, *args: str) -> tuple[int, str, str]:
    from andtsgraph.cli import main

    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


AS_INSTALLED = pytest.mark.parametrize("oxigraph_dataset", ["as-installed"], indirect=True)


@AS_INSTALLED
def test_cli_query_info_gaps_hubs_report_against_the_server(server, capsys):
    url, _ = server
    status, out, err = _run(
        capsys,
        "query",
        "search-activities",
        "-p",
        "text=langning",
        "--endpoint",
        url,
        "--format",
        "json",
    )
    assert status == 0, err
    assert [r["activity"].rsplit("/", 1)[-1] for r in json.loads(out)] == ["a-07-1", "a-07-2"]
    for command in (["info", "--json"], ["gaps", "--json"], ["hubs", "--json"], ["report"]):
        local = _run(capsys, *command)
        remote = _run(capsys, *command, "--endpoint", url)
        assert remote[0] == local[0] == 0, remote[2]
        assert remote[1] == local[1], command
        assert local[1].strip()


@AS_INSTALLED
def test_cli_validate_against_the_server(server, capsys):
    url, _ = server
    local = _run(capsys, "validate", "--format", "json")
    remote = _run(capsys, "validate", "--format", "json", "--endpoint", url)
    assert remote[0] == local[0] == 0, remote[2]
    assert json.loads(remote[1]) == json.loads(local[1])
    assert json.loads(local[1])  # there are warnings to compare


@AS_INSTALLED
def test_cli_push_again_refuses_then_replaces(kg, server):
    url, _ = server
    again = _cli("push", url, "--lang", "en")
    assert again.returncode == 2 and "use --replace" in again.stderr
    replaced = _cli("push", url, "--replace", "--lang", "en")
    assert replaced.returncode == 0, replaced.stderr
    assert (
        f"pushed {len(kg.graph_names())} graphs, {len(kg)} triples (0 already there)"
        in replaced.stderr
    )
    assert [line.split()[1] for line in replaced.stdout.splitlines()] == kg.graph_names()
