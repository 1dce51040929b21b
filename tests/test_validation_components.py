"""Every SHACL Core constraint component and target on fixtures of our own (issue 15): the
SPARQL engine on pyoxigraph, its queries on rdflib's SPARQL engine, and pyshacl (the oracle)
give the results written down here by hand from SHACL 1.0. No network: the W3C suite is a
benchmark (benchmarks/shacl_conformance.py), not a test."""

from __future__ import annotations

import pytest
from rdflib import Graph

from andtsgraph.validation import UnsupportedShapes, validate_graph
from andtsgraph.validation.engines import select_graph, sparql

PREFIXES = """@prefix ex: <http://example.org/> . @prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""

# (component, shapes, data, expected (focus, component) results)
CASES = [
    (
        "class",
        "ex:S sh:targetNode ex:a, ex:b ; sh:class ex:C .",
        "ex:a a ex:D . ex:D rdfs:subClassOf ex:C . ex:b a ex:E .",
        [("b", "Class")],
    ),
    (
        "datatype",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:datatype xsd:date .",
        'ex:a ex:p "2024-01-01"^^xsd:date . ex:b ex:p "2024-13-45"^^xsd:date . ex:c ex:p "x" .',
        [("b", "Datatype"), ("c", "Datatype")],
    ),
    (
        "nodeKind",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:nodeKind sh:IRI .",
        'ex:a ex:p ex:x . ex:b ex:p "x" .',
        [("b", "NodeKind")],
    ),
    (
        "minCount",
        "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 2 .",
        "ex:a a ex:C ; ex:p 1, 2 . ex:b a ex:C ; ex:p 1 .",
        [("b", "MinCount")],
    ),
    (
        "maxCount",
        "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:maxCount 1 .",
        "ex:a a ex:C ; ex:p 1 . ex:b a ex:C ; ex:p 1, 2 .",
        [("b", "MaxCount")],
    ),
    (
        "ranges",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:minInclusive 1 ; sh:maxExclusive 10 .",
        'ex:a ex:p 5 . ex:b ex:p 0 . ex:c ex:p 10 . ex:d ex:p "5" .',
        [
            ("b", "MinInclusive"),
            ("c", "MaxExclusive"),
            ("d", "MaxExclusive"),
            ("d", "MinInclusive"),
        ],
    ),
    (
        "minExclusive/maxInclusive",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:minExclusive 1 ; sh:maxInclusive 3 .",
        "ex:a ex:p 2 . ex:b ex:p 1 . ex:c ex:p 4 .",
        [("b", "MinExclusive"), ("c", "MaxInclusive")],
    ),
    (
        "lengths",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:minLength 2 ; sh:maxLength 3 .",
        'ex:a ex:p "ab" . ex:b ex:p "a" . ex:c ex:p "abcd" .',
        [("b", "MinLength"), ("c", "MaxLength")],
    ),
    (
        "pattern",
        'ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:pattern "^a" ; sh:flags "i" .',
        'ex:a ex:p "Abc" . ex:b ex:p "bc" .',
        [("b", "Pattern")],
    ),
    (
        "languageIn",
        'ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:languageIn ( "sv" ) .',
        'ex:a ex:p "hej"@sv-SE . ex:b ex:p "hi"@en . ex:c ex:p "x" .',
        [("b", "LanguageIn"), ("c", "LanguageIn")],
    ),
    (
        "uniqueLang",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:uniqueLang true .",
        'ex:a ex:p "hej"@sv, "hi"@en . ex:b ex:p "hej"@sv, "tja"@sv .',
        [("b", "UniqueLang")],
    ),
    (
        "equals",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:equals ex:q .",
        "ex:a ex:p 1 ; ex:q 1 . ex:b ex:p 1 ; ex:q 2 .",
        [("b", "Equals"), ("b", "Equals")],
    ),
    (
        "disjoint",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:disjoint ex:q .",
        "ex:a ex:p 1 ; ex:q 2 . ex:b ex:p 1 ; ex:q 1 .",
        [("b", "Disjoint")],
    ),
    (
        "lessThan",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:lessThan ex:q .",
        'ex:a ex:p 1 ; ex:q 2 . ex:b ex:p 3 ; ex:q 2 . ex:c ex:p 1 ; ex:q "x" .',
        [("b", "LessThan"), ("c", "LessThan")],
    ),
    (
        "lessThanOrEquals",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:lessThanOrEquals ex:q .",
        "ex:a ex:p 2 ; ex:q 2 . ex:b ex:p 3 ; ex:q 2 .",
        [("b", "LessThanOrEquals")],
    ),
    (
        "not",
        "ex:S sh:targetSubjectsOf ex:p ; sh:not [ sh:path ex:p ; sh:hasValue 1 ] .",
        "ex:a ex:p 2 . ex:b ex:p 1 .",
        [("b", "Not")],
    ),
    (
        "and",
        "ex:S sh:targetSubjectsOf ex:p ; sh:and ( [ sh:path ex:p ; sh:minCount 1 ] [ sh:path ex:q ; sh:minCount 1 ] ) .",
        "ex:a ex:p 1 ; ex:q 1 . ex:b ex:p 1 .",
        [("b", "And")],
    ),
    (
        "or",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:or ( [ sh:datatype xsd:integer ] [ sh:nodeKind sh:IRI ] ) .",
        'ex:a ex:p 1, ex:x . ex:b ex:p "x" .',
        [("b", "Or")],
    ),
    (
        "xone",
        "ex:S sh:targetSubjectsOf ex:p ; sh:xone ( [ sh:path ex:p ; sh:minCount 2 ] [ sh:path ex:q ; sh:minCount 1 ] ) .",
        "ex:a ex:p 1 . ex:a ex:p 2 . ex:b ex:p 1 . ex:c ex:p 1, 2 ; ex:q 1 .",
        [("b", "Xone"), ("c", "Xone")],
    ),
    (
        "node",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:node [ sh:property [ sh:path ex:name ; sh:minCount 1 ] ] .",
        'ex:a ex:p ex:x . ex:x ex:name "x" . ex:b ex:p ex:y .',
        [("b", "Node")],
    ),
    (
        "property",
        "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:a ex:p 1 .",
        [("b", "MinCount")],
    ),
    (
        "qualifiedValueShape",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 .",
        "ex:a ex:p ex:x . ex:x a ex:C . ex:b ex:p ex:y . ex:c ex:p ex:x, ex:z . ex:z a ex:C .",
        [("b", "QualifiedMinCount"), ("c", "QualifiedMaxCount")],
    ),
    (
        "closed",
        "ex:S sh:targetNode ex:a, ex:b ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ; sh:property [ sh:path ex:p ] .",
        "ex:a a ex:C ; ex:p 1 . ex:b ex:p 1 ; ex:q 2 .",
        [("b", "Closed")],
    ),
    (
        "hasValue",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:hasValue 1 .",
        "ex:a ex:p 1, 2 . ex:b ex:p 2 .",
        [("b", "HasValue")],
    ),
    (
        "in",
        'ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:in ( 1 "a" ex:x ) .',
        'ex:a ex:p 1, "a", ex:x . ex:b ex:p "1" .',
        [("b", "In")],
    ),
    (
        "implicit class target",
        "ex:C a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:a a ex:C ; ex:p 1 . ex:b a ex:D . ex:D rdfs:subClassOf ex:C .",
        [("b", "MinCount")],
    ),
    (
        "targetObjectsOf and paths",
        "ex:S sh:targetObjectsOf ex:r ; sh:path ( [ sh:inversePath ex:r ] [ sh:zeroOrMorePath ex:up ] ) ; sh:class ex:Top .",
        # a's values are ex:s (zero steps up: not a Top) and ex:t; b's only ex:u.
        "ex:s ex:r ex:a . ex:s ex:up ex:t . ex:t a ex:Top . ex:u ex:r ex:b .",
        [("a", "Class"), ("b", "Class")],
    ),
    (
        "sparql",
        'ex:S sh:targetSubjectsOf ex:p ; sh:sparql [ sh:select "SELECT $this WHERE { $this <http://example.org/p> ?v FILTER(?v > 5) }" ] .',
        "ex:a ex:p 1 . ex:b ex:p 9 .",
        [("b", "SPARQL")],
    ),
    (
        "deactivated",
        "ex:S sh:targetSubjectsOf ex:p ; sh:path ex:p ; sh:maxCount 0 ; sh:deactivated true .",
        "ex:a ex:p 1 .",
        [],
    ),
]


def _graphs(shapes: str, data: str) -> tuple[Graph, Graph]:
    return (
        Graph().parse(data=PREFIXES + data, format="turtle"),
        Graph().parse(data=PREFIXES + shapes, format="turtle"),
    )


def _found(results) -> list[tuple[str, str]]:
    return sorted(
        (
            str(r.focus).rsplit("/", 1)[-1],
            str(r.component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent"),
        )
        for r in results
    )


@pytest.mark.parametrize("engine", ["sparql", "sparql-rdflib", "pyshacl"])
@pytest.mark.parametrize(("name", "shapes", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_component_gives_the_results_shacl_defines(engine, name, shapes, data, expected):
    data_graph, shapes_graph = _graphs(shapes, data)
    if engine == "sparql-rdflib":
        results = sparql.run(select_graph(data_graph), shapes_graph)
    else:
        results = validate_graph(data_graph, shapes_graph, engine=engine).results
    assert _found(results) == sorted(expected)


def test_what_the_engine_cannot_compile_is_named_never_skipped(english):
    data, shapes = _graphs(
        "ex:S sh:targetNode ex:a ; sh:node ex:T . ex:T sh:property [ sh:path ex:p ; sh:node ex:T ] .",
        "",
    )
    with pytest.raises(UnsupportedShapes, match="refers to itself"):
        validate_graph(data, shapes, engine="sparql")
    data, shapes = _graphs("ex:S sh:targetNode ex:a ; sh:path ex:p ; sh:equalz ex:q .", "")
    with pytest.raises(UnsupportedShapes, match="shacl#equalz"):
        validate_graph(data, shapes, engine="sparql")
