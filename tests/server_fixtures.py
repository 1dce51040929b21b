"""The real servers of the test suite, each started once per test session and stopped by PID,
and the answers they are compared with, computed once.

- ``oxigraph_dataset``: an Oxigraph server in each configuration (as installed; with
  ``--union-default-graph``), holding another team's data and then the bundled graph pushed
  with ``andtsgraph.push``. Tests read it; the few that push again write the same graphs back.
- ``virtuoso_url`` and ``virtuoso_push``: a private Virtuoso, and the bundled graph pushed to it
  with the command line (Digest, Graph Store Protocol).
- ``embedded_report``: the embedded store's report text, which every server must give.

Registered for the whole suite by ``pytest_plugins`` in ``tests/conftest.py``. The command line
runs in-process (:func:`run_cli`): the same ``main()`` and exit status as ``python -m
andtsgraph``, without starting an interpreter each time.
"""

from __future__ import annotations

import contextlib
import io
import os
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

import andtsgraph

__all__ = [
    "FOREIGN",
    "CliRun",
    "embedded_report",
    "english_messages",
    "oxigraph_dataset",
    "run_cli",
    "sparql_update",
    "virtuoso_push",
    "virtuoso_url",
]


@dataclass(frozen=True)
class CliRun:
    """One in-process run of the command line: exit status, standard output and error."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliRun:
    """Run ``andtsgraph ARGS`` in this process with ``env`` added to the environment."""
    from andtsgraph.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(args))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return CliRun(status, out.getvalue(), err.getvalue())


#: Another team's data, in a named graph and in the unnamed graph: it looks like a plan, so a
#: query that reads the server's default graph would count it.
FOREIGN = """
PREFIX andts: <https://w3id.org/andtsgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {
  GRAPH <https://example.org/other-team> {
    <https://example.org/plan/x> a andts:MunicipalPlan ; dcterms:title "Not ours"@sv .
    <https://example.org/plan/x/a1> a andts:Activity ; andts:inPlan <https://example.org/plan/x> ;
        rdfs:label "Främmande insats"@sv .
  }
  <https://example.org/plan/y> a andts:RegionalPlan ; dcterms:title "Default graph"@sv .
}
"""


def sparql_update(url: str, text: str) -> None:
    """Send an update to an Oxigraph server directly (the test's own doing, not andtsgraph's)."""
    request = urllib.request.Request(
        f"{url}/update", data=text.encode(), headers={"Content-Type": "application/sparql-update"}
    )
    urllib.request.urlopen(request, timeout=60).read()


@pytest.fixture(scope="session", params=["as-installed", "union-default-graph"])
def oxigraph_dataset(request, kg, tmp_path_factory) -> Iterator[tuple[str, list]]:
    """(base URL, what push reported) of an Oxigraph server holding another team's data and the
    bundled graph; one per configuration for the session."""
    from oxigraph_server import oxigraph_server

    union = request.param == "union-default-graph"
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), union_default_graph=union) as url:
        sparql_update(url, FOREIGN)
        pushed = andtsgraph.push(kg, url)
        yield url, pushed


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory) -> Iterator[str]:
    """A private Virtuoso on free loopback ports for the session; its base URL."""
    from virtuoso_server import virtuoso_server

    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as (url, _sql_port):
        yield url


@pytest.fixture(scope="session")
def virtuoso_push(kg, virtuoso_url) -> CliRun:
    """The bundled graph pushed to Virtuoso with the command line: Digest, Graph Store."""
    from virtuoso_server import PASSWORD, USER

    run = run_cli(
        "push",
        f"{virtuoso_url}/sparql-auth",
        "--gsp",
        f"{virtuoso_url}/sparql-graph-crud-auth",
        "--user",
        USER,
        "--lang",
        "en",
        env={"ANDTSGRAPH_PASSWORD": PASSWORD},
    )
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def english_messages() -> Iterator[None]:
    """The library's messages in English for one test (the server tests read them; a
    command run with ``--lang`` still speaks that language)."""
    from andtsgraph.messages import using_language

    with using_language("en"):
        yield


@pytest.fixture(scope="session")
def embedded_report(kg) -> str:
    """The embedded store's report (text, Swedish): every section, validation included."""
    from andtsgraph import report

    return report.to_text(report.build_report(kg, None, "sv"))
