"""What tests/conftest.py does to keep the suite fast changes no answer: pyshacl's SPARQL-based
constraints, translated once per text, report what they report when parsed for every focus
node."""

from __future__ import annotations

import conftest
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from rdflib import Graph

from andtsgraph.validation.engines import pyshacl as engine

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:NoSelfLink a sh:NodeShape ;
    sh:targetSubjectsOf ex:knows ;
    sh:sparql [ sh:message "knows itself" ;
        sh:select "SELECT $this ?value WHERE { $this <urn:ex:knows> ?value . FILTER (?value = $this) }" ] .
"""
DATA = """
@prefix ex: <urn:ex:> .
ex:a ex:knows ex:a .
ex:b ex:knows ex:c .
ex:c ex:knows ex:c , ex:b .
"""


def _found(data: Graph, shapes: Graph) -> list[tuple[str, str]]:
    return sorted((str(r.focus), str(r.value)) for r in engine.run(data, shapes))


def test_a_sparql_constraint_is_translated_once_and_reports_what_it_reports_unprepared(
    monkeypatch,
):
    shapes = Graph().parse(data=SHAPES, format="turtle")
    data = Graph().parse(data=DATA, format="turtle")
    before = len(conftest._PREPARED)
    prepared = _found(data, shapes)
    # One text for three focus nodes: one translation kept.
    assert len(conftest._PREPARED) == before + 1
    assert prepared == [("urn:ex:a", "urn:ex:a"), ("urn:ex:c", "urn:ex:c")]
    # pyshacl as it is, parsing the text again for every focus node.
    monkeypatch.setattr(SPARQLBasedConstraint, "_validate_sparql_query", conftest._UNPREPARED[0])
    assert _found(data, shapes) == prepared
    assert len(conftest._PREPARED) == before + 1
