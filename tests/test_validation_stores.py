"""The same validation answer on every store and with every engine (issue 15).

pyoxigraph stores literals by value: ``"7"^^xsd:int`` becomes ``"7"^^xsd:integer``, ``7`` and
``"7"^^xsd:long`` become one term, ``"1.50"`` becomes ``"1.5"``, ``"300"^^xsd:byte`` (ill-typed)
becomes a well-typed integer, ``@SV`` becomes ``@sv``. SHACL speaks of the terms the user wrote,
so the results on the Oxigraph store must be those on the rdflib memory store, which keeps them.
"""

from __future__ import annotations

import warnings

import pytest

import andtsgraph
from andtsgraph.validation import ValidationWarning, validate
from andtsgraph.validation.stored import changed_in_file

DATA = """\
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:count "7"^^xsd:int .
ex:b ex:count 7 , "7"^^xsd:long .
ex:c ex:label "Hej"@SV , "Hallå"@sv .
ex:d ex:size "1.50"^^xsd:decimal .
ex:e ex:small "300"^^xsd:byte .
ex:f ex:count 8 ; ex:label "Tja"@sv ; ex:size "1.50"^^xsd:decimal ; ex:small "12"^^xsd:byte .
"""

SHAPES = """\
@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Count sh:targetSubjectsOf ex:count ; sh:path ex:count ; sh:datatype xsd:integer ; sh:maxCount 1 .
ex:Label sh:targetSubjectsOf ex:label ; sh:path ex:label ; sh:uniqueLang true ; sh:languageIn ( "sv" ) .
ex:Size sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:in ( "1.50"^^xsd:decimal ) .
ex:Small sh:targetSubjectsOf ex:small ; sh:path ex:small ; sh:datatype xsd:byte .
"""

# What SHACL says of the data as written (checked by hand against SHACL 1.0 §4):
EXPECTED = [
    ("a", "DatatypeConstraintComponent"),  # xsd:int is not xsd:integer (sh:datatype is exact)
    ("b", "DatatypeConstraintComponent"),  # "7"^^xsd:long likewise
    ("b", "MaxCountConstraintComponent"),  # 7 and "7"^^xsd:long are two values
    ("c", "UniqueLangConstraintComponent"),  # "SV" and "sv" are one language tag
    ("e", "DatatypeConstraintComponent"),  # 300 is no xsd:byte (-128 … 127)
]


@pytest.fixture()
def files(tmp_path):
    data = tmp_path / "mutated.ttl"
    data.write_text(DATA, encoding="utf-8")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPES, encoding="utf-8")
    return data, shapes


def _results(data, shapes, store, engine):
    kg = andtsgraph.load([data], store=store, bundled=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = validate(kg, shapes=shapes, engine=engine)
    said = [str(w.message) for w in caught if issubclass(w.category, ValidationWarning)]
    return report, said


def test_the_oxigraph_store_changes_these_literals(files):
    data, _ = files
    changed = {(a.n3(), b.n3()) for a, b in changed_in_file(data)}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert changed == {
        (f'"7"^^<{xsd}int>', f'"7"^^<{xsd}integer>'),
        (f'"7"^^<{xsd}long>', f'"7"^^<{xsd}integer>'),
        (f'"1.50"^^<{xsd}decimal>', f'"1.5"^^<{xsd}decimal>'),
        (f'"300"^^<{xsd}byte>', f'"300"^^<{xsd}integer>'),
        (f'"12"^^<{xsd}byte>', f'"12"^^<{xsd}integer>'),
        ('"Hej"@SV', '"Hej"@sv'),
    }


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_the_same_results_on_both_stores_with_both_engines(files, store, engine):
    data, shapes = files
    report, said = _results(data, shapes, store, engine)
    found = sorted((r.focus.rsplit("/", 1)[-1], r.constraint) for r in report.results)
    assert found == EXPECTED
    reference, _ = _results(data, shapes, "memory", "pyshacl")
    assert report.to_records() == reference.to_records()
    # The Oxigraph store says, in one line, what it changed and where.
    if store == "oxigraph":
        assert len(said) == 1 and "\n" not in said[0]
        assert str(data) in said[0] and "changed 6 literals" in said[0]
    else:
        assert said == []


def test_labels_plans_and_sections_read_from_the_store_are_those_of_the_graphs():
    """Results are placed and labelled by the Oxigraph store's own indexes (StoreFacts) or by
    rdflib graphs (GraphFacts): for every node the bundled results name, in both languages,
    both give the same plans, label and source section."""
    from andtsgraph.validation import load_shapes, validate_graph
    from andtsgraph.validation.context import Context, GraphFacts, StoreFacts
    from andtsgraph.validation.plans import _union

    kg = andtsgraph.load()
    shapes = load_shapes()
    records = validate_graph(kg, shapes, engine="sparql").results
    graphs = {name: kg.graph(name) for name in kg.graph_names()}
    nodes = {r.focus for r in records} | {r.value for r in records if r.value is not None}
    assert len(nodes) > 100
    for lang in ("sv", "en"):
        stored = Context(StoreFacts(kg.backend.store, shapes), lang)
        read = Context(GraphFacts(graphs, _union(graphs), shapes), lang)
        for node in sorted(nodes, key=str):
            assert stored.plans_of(node) == read.plans_of(node), node
            assert stored.label(node) == read.label(node), node
            assert stored.source_section(node) == read.source_section(node), node
    # Every result the bundled data give is about a node of one of the plans.
    placed = Context(StoreFacts(kg.backend.store, shapes), "sv")
    assert all(placed.plans_of(r.focus) for r in records)
    assert {p for r in records for p in placed.plans_of(r.focus)} <= {p.id for p in kg.plans}


def test_queries_run_at_once_give_the_results_of_queries_run_in_turn(tmp_path):
    """The SPARQL engine runs its compiled queries in several threads on a pyoxigraph store;
    the results (and their order) are those of one query after another, on the bundled plans
    with a synthetic plan beside them (so that there is something to find)."""
    from andtsgraph.testing.synthetic import write_corpus
    from andtsgraph.validation.engines import select_store
    from andtsgraph.validation.engines import sparql as engine
    from andtsgraph.validation.shapes import load_shapes

    kg = andtsgraph.load(write_corpus(tmp_path, 2, activities_per_plan=6))
    (tmp_path / "broken.ttl").write_text(
        "@prefix andts: <https://w3id.org/andtsgraph/ontology#> .\n"
        "<https://w3id.org/andtsgraph/plan/x/a1> a andts:Activity .\n",
        encoding="utf-8",
    )
    kg.add_file(tmp_path / "broken.ttl")
    shapes = load_shapes()
    select = select_store(kg.backend)
    program = engine.compile_shapes(shapes, engine.class_closure(select))
    in_turn = engine.run(select, shapes, program, threads=1)
    at_once = engine.run(select, shapes, program, threads=4)
    assert len(in_turn) > 0
    assert [r.key() for r in at_once] == [r.key() for r in in_turn]
