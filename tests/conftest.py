"""Shared fixtures: the bundled knowledge graph, loaded once per test session."""

from __future__ import annotations

import pytest

import andtsgraph


@pytest.fixture(scope="session")
def kg() -> andtsgraph.KnowledgeGraph:
    """The whole bundled knowledge graph (ontology, vocabularies, actors, links, all plans)."""
    return andtsgraph.load()


@pytest.fixture(scope="session")
def plans_by_id(kg):
    """The loaded plans keyed by id."""
    return {p.id: p for p in kg.plans}


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    """A real Oxigraph server on a free loopback port, empty; stopped by PID at the end."""
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="session")
def pushed_server(kg, oxigraph_url):
    """The Oxigraph server holding the bundled graph, pushed with andtsgraph.push()."""
    pushed = andtsgraph.push(kg, oxigraph_url)
    return oxigraph_url, pushed
