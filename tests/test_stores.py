"""The two embedded stores — pyoxigraph (compiled, the default) and rdflib's pure-Python
memory store — are independent SPARQL engines: every catalog query must answer the same on
both, and both must hold the same graphs."""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic
from server_compare import SAMPLE_PARAMS
from server_compare import rows as _canonical

import andtsgraph


@pytest.fixture(scope="module")
def rdflib_kg():
    return andtsgraph.load(store="memory")


def test_the_default_store_is_oxigraph(kg):
    assert kg.backend.name == "oxigraph"


def test_both_stores_hold_the_same_graphs(kg, rdflib_kg):
    assert kg.graph_names() == rdflib_kg.graph_names()
    assert len(kg) == len(rdflib_kg)
    for name in kg.graph_names():
        assert isomorphic(kg.graph(name), rdflib_kg.graph(name)), name


@pytest.mark.parametrize("query", [q.name for q in andtsgraph.catalog()])
def test_every_catalog_query_answers_the_same_on_both_stores(kg, rdflib_kg, query):
    entry = next(q for q in andtsgraph.catalog() if q.name == query)
    samples = SAMPLE_PARAMS.get(query, [{}])
    if any(p.name == "plan" for p in entry.params):
        samples = [*samples, {**samples[0], "plan": "vasteras-2022-2025"}]
    for params in samples:
        fast, slow = kg.query(query, **params), rdflib_kg.query(query, **params)
        assert fast.columns == slow.columns
        assert _canonical(fast) == _canonical(slow), (query, params)
