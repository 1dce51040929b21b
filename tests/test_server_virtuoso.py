"""A real Virtuoso (Debian ``virtuoso-opensource``) on free loopback ports, from a private
configuration: push through its authenticated endpoints with Digest, then every catalog query
and the report through ``--endpoint`` must give the embedded answers, although Virtuoso's
default graph holds its own system graphs, it gives BOUND() as 1/0, keeps durations as numbers
and refuses blank nodes in INSERT DATA."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rdflib.compare import isomorphic
from server_compare import CATALOG, assert_same_answers

import andtsgraph
from andtsgraph import report
from andtsgraph.errors import QueryError
from andtsgraph.remote import EndpointError


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """One Virtuoso for the module; yields its base URL; stopped by PID."""
    from virtuoso_server import virtuoso_server

    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as (url, _sql_port):
        yield url


def _cli(*args: str, password: str = "dba") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "andtsgraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ANDTSGRAPH_PASSWORD": password},
    )


@pytest.fixture(scope="module")
def pushed(kg, virtuoso):
    """The bundled graph pushed with the command line, Digest, Graph Store Protocol."""
    proc = _cli(
        "push",
        f"{virtuoso}/sparql-auth",
        "--gsp",
        f"{virtuoso}/sparql-graph-crud-auth",
        "--user",
        "dba",
        "--lang",
        "en",
    )
    assert proc.returncode == 0, proc.stderr
    return proc


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


def _sections(text: str) -> tuple[str, str]:
    """The report without its validation section, and that section."""
    start = text.index("Validering (SHACL)")
    end = text.index("\n\n", start)
    return text[:start] + text[end:], text[start:end]


def test_the_report_gives_the_same_figures(kg, remote, virtuoso):
    # Plans, gaps and the collaboration network: the same figures. The validation section is
    # left out here: Virtuoso keeps an xsd:duration as a number ("P1Y" as "12"), which the
    # validation engine's lexical check reads as malformed (see the README).
    local = report.to_text(report.build_report(kg, None, "sv"))
    remote_text = report.to_text(report.build_report(remote, None, "sv"))
    assert _sections(remote_text)[0] == _sections(local)[0]
    proc = _cli("report", "--endpoint", f"{virtuoso}/sparql")
    assert proc.returncode == 0, proc.stderr
    assert _sections(proc.stdout.strip())[0] == _sections(local.strip())[0]
    assert "Luckor" in _sections(local)[0] or "luckor" in _sections(local)[0]


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
