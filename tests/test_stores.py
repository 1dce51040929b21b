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


def test_both_stores_answer_ask_and_construct_through_the_same_seam(kg, rdflib_kg):
    from andtsgraph.backends.embedded import EmbeddedStore

    # Växjö's plan is issued by Växjö kommun (its ANDTS-plan 2022–2027); Polisen
    # publishes none of the bundled plans.
    ask = "ASK { ?p a andts:Plan ; dcterms:publisher actor:vaxjo-kommun }"
    construct = "CONSTRUCT { ?p a andts:Plan } WHERE { ?p a andts:Plan ; dcterms:publisher actor:vaxjo-kommun }"
    for graph in (kg, rdflib_kg):
        assert isinstance(graph.backend, EmbeddedStore)
        assert graph.ask(ask)
        assert not graph.ask(ask.replace("vaxjo-kommun", "polisen"))
        built = graph.construct(construct)
        assert {str(s) for s in built.subjects()} == {
            "https://w3id.org/andtsgraph/plan/vaxjo-2022-2027"
        }
    with pytest.raises(andtsgraph.QueryError, match="SELECT"):
        rdflib_kg.backend.select("ASK { ?s ?p ?o }", {}, {})


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_service_is_refused_unless_the_store_was_made_to_allow_it(store):
    from andtsgraph.backends import make_backend

    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    kg = andtsgraph.load(store=store, bundled=False)
    with pytest.raises(andtsgraph.QueryError, match=r"\(SERVICE\)"):
        kg.query(text)
    assert make_backend(store, allow_service=True).allow_service
    assert not make_backend(store).allow_service


def test_a_server_is_not_a_store_to_load_into():
    with pytest.raises(andtsgraph.ChoiceError, match=r"andtsgraph\.connect\(URL\)"):
        andtsgraph.load(store="remote")
