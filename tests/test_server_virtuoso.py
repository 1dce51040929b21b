"""A real Virtuoso (Debian ``virtuoso-opensource``) on free loopback ports, from a private
configuration: push through its authenticated endpoints with Digest, then every catalog query
and the report through ``--endpoint`` must give the embedded answers, although Virtuoso's
default graph holds its own system graphs, it gives BOUND() as 1/0, keeps durations as numbers
and refuses blank nodes in INSERT DATA."""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic
from server_compare import CATALOG, assert_same_answers
from server_fixtures import run_cli
from virtuoso_server import PASSWORD, USER

import andtsgraph
from andtsgraph import report
from andtsgraph.errors import AndtsWarning, QueryError
from andtsgraph.namespaces import GRAPH
from andtsgraph.remote import EndpointError, remove

pytestmark = pytest.mark.usefixtures("english_messages")  # they read English messages


@pytest.fixture(scope="module")
def virtuoso(virtuoso_url):
    """The session's Virtuoso (tests/server_fixtures.py)."""
    return virtuoso_url


@pytest.fixture(scope="module")
def pushed(virtuoso_push):
    """The bundled graph pushed with the command line, Digest, Graph Store Protocol."""
    return virtuoso_push


def _cli(*args: str, password: str = PASSWORD):
    return run_cli(*args, env={"ANDTSGRAPH_PASSWORD": password})


@pytest.fixture(scope="module")
def remote(pushed, virtuoso):
    # The public, read-only endpoint: no credentials needed to read.
    return andtsgraph.connect(f"{virtuoso}/sparql")


def test_push_with_digest_through_the_graph_store(kg, pushed):
    lines = pushed.stdout.splitlines()
    assert [line.split()[1] for line in lines] == kg.graph_names()
    assert all(line.endswith("(gsp)") for line in lines)
    assert f"pushed {len(kg.graph_names())} graphs, {len(kg)} triples" in pushed.stderr


def test_only_the_project_graphs_no_system_graph(kg, remote, virtuoso):
    assert remote.graph_names() == kg.graph_names()
    assert len(remote) == len(kg)
    # Virtuoso's default graph is the union of all graphs, its own system graphs included.
    everything = andtsgraph.connect(f"{virtuoso}/sparql").backend
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(everything.raw_select(text, scoped=False).rows[0][0]) > len(kg)
    assert int(everything.raw_select(text).rows[0][0]) == len(kg)


def test_round_trip_is_lossless(kg, remote):
    for name in kg.graph_names():
        assert isomorphic(remote.graph(name), kg.graph(name)), name


@pytest.mark.parametrize("query", CATALOG)
def test_every_catalog_query_answers_the_same_on_virtuoso(kg, remote, query):
    assert_same_answers(kg, remote, query)


def test_booleans_and_durations_come_back_as_they_are(kg, remote):
    curated = {r["activity"]: r["curated"] for r in remote.query("activities-by-target-group")}
    assert set(curated.values()) == {True, False}
    periods = [str(r["period"]) for r in remote.query("indicator-targets", plan="vasteras")]
    assert periods == [str(r["period"]) for r in kg.query("indicator-targets", plan="vasteras")]
    assert "P1Y" in periods  # Västerås states yearly targets
    texts = [r["targets"] for r in remote.query("indicators", plan="vasteras") if r["targets"]]
    assert any(t.endswith(" per P1Y") for t in texts)


def test_the_report_gives_the_same_figures(remote, virtuoso, embedded_report):
    # Every section, validation included: the compiled SHACL queries run on Virtuoso, which
    # holds "P1Y" as the number 12 and gives sameTerm() with an IRI no value inside ||.
    assert report.to_text(report.build_report(remote, None, "sv")) == embedded_report
    assert "Validering (SHACL)" in embedded_report
    assert "ingår inte i något nätverk" in embedded_report  # the shape Virtuoso missed
    proc = _cli("report", "--endpoint", f"{virtuoso}/sparql", "--lang", "sv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == embedded_report.strip()


def test_validation_gives_the_same_results(kg, remote):
    from andtsgraph.validation import validate

    local, there = validate(kg, severity="info"), validate(remote, severity="info")
    assert there.to_records() == local.to_records()
    shapes = {r["shape"].rsplit("#", 1)[1] for r in local.to_records()}
    assert "ResponsibleActorCollaboration" in shapes  # sh:or over sh:in: Virtuoso missed it
    assert "TargetPeriod" not in shapes  # Västerås's "P1Y" periods are well formed on both


DURATIONS = """
@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/andtsgraph/graph/test/durations> {
  <https://w3id.org/andtsgraph/plan/t/target-1> andts:perPeriod "P6M"^^xsd:duration .
  <https://w3id.org/andtsgraph/plan/t/target-2> andts:perPeriod "P1YT1H"^^xsd:duration .
}
"""


def test_a_duration_virtuoso_keeps_otherwise_is_announced(virtuoso, tmp_path):
    # Through SPARQL Update, with no blank node: Virtuoso refuses a duration in INSERT DATA
    # (SR553), so push takes the INSERT template; it then keeps "P1YT1H" as 12 months.
    path = tmp_path / "durations.trig"
    path.write_text(DURATIONS, encoding="utf-8")
    small = andtsgraph.load([path], bundled=False, store="memory")
    name = f"{GRAPH}test/durations"
    assert name in small.graph_names()
    where = {"update_endpoint": f"{virtuoso}/sparql-auth", "auth": (USER, PASSWORD)}
    try:
        with pytest.warns(
            AndtsWarning, match=r"test/durations: P1YT1H (came back as|kom tillbaka som) P1Y"
        ):
            pushed = andtsgraph.push(small, f"{virtuoso}/sparql-auth", **where)
        assert {p.method for p in pushed} == {"update"}
        back = andtsgraph.connect(f"{virtuoso}/sparql").backend
        back.refresh()
        periods = {str(o) for _, _, o in back.graph(name)}
        assert periods == {"P6M", "P1Y"}  # P6M as written; the hour is lost on the server
    finally:
        remove(small, f"{virtuoso}/sparql-auth", **where)


def test_the_update_path_keeps_blank_nodes(kg, remote, virtuoso):
    # Virtuoso refuses blank nodes in INSERT DATA; push sends them as INSERT … WHERE {}.
    pushed = andtsgraph.push(
        kg,
        f"{virtuoso}/sparql-auth",
        update_endpoint=f"{virtuoso}/sparql-auth",
        auth=("dba", "dba"),
        replace=True,
    )
    assert {p.method for p in pushed} == {"update"}
    name = "https://w3id.org/andtsgraph/graph/plan/vasteras-2022-2025"  # has blank nodes
    assert isomorphic(remote.graph(name), kg.graph(name))
    assert len(remote) == len(kg)


def test_wrong_password_is_refused_with_the_servers_status(kg, virtuoso):
    proc = _cli(
        "push",
        f"{virtuoso}/sparql-auth",
        "--gsp",
        f"{virtuoso}/sparql-graph-crud-auth",
        "--user",
        "dba",
        "--replace",
        password="wrong",
    )
    assert proc.returncode == 2
    assert "refused the credentials (HTTP 401)" in proc.stderr
    assert "wrong" not in proc.stderr and "Traceback" not in proc.stderr


def test_the_servers_own_message_is_shown(kg, virtuoso):
    # The public endpoint may not write: Virtuoso says why, and that is what the user sees.
    with pytest.raises(EndpointError, match=r"HTTP \d{3}: .*(permission|Permission)"):
        andtsgraph.push(
            kg, f"{virtuoso}/sparql", update_endpoint=f"{virtuoso}/sparql", replace=True
        )
    with pytest.raises(QueryError, match=r"rejected the query \(HTTP 400\): .*SP030"):
        andtsgraph.connect(f"{virtuoso}/sparql").query("SELECT ?x WHERE { ?x ?y }")
