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
