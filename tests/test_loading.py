"""Loading: named graphs per plan, extra user files, serialisation, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

import andtsgraph
from andtsgraph.errors import (
    AndtsNote,
    DataFileError,
    OutputExistsError,
    PlanNotFoundError,
    QueryError,
)
from andtsgraph.namespaces import (
    ACTORS_GRAPH,
    LINKS_GRAPH,
    ONTOLOGY_GRAPH,
    VOCAB_GRAPH,
    plan_graph,
)

# In English: the messages these tests read are English (Swedish is the default;
# test_cli_lang.py checks both languages).
pytestmark = pytest.mark.usefixtures("english")

SMALL_PLAN = """\
@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/plan/testby-2024-2026> a andts:MunicipalPlan ;
    dcterms:title "ANDTS-plan för Testby kommun 2024–2026"@sv ;
    andts:validFrom "2024-01-01"^^xsd:date ; andts:validUntil "2026-12-31"^^xsd:date .
<https://example.org/plan/testby-2024-2026/a-1> a andts:Activity ;
    andts:inPlan <https://example.org/plan/testby-2024-2026> ;
    andts:responsible <https://w3id.org/andtsgraph/actor/polisen> .
"""


def test_each_bundled_plan_has_its_own_named_graph(kg):
    names = set(kg.graph_names())
    assert {str(ONTOLOGY_GRAPH), str(VOCAB_GRAPH), str(ACTORS_GRAPH)} <= names
    for plan in kg.plans:
        graph = kg.graph(plan_graph(plan.id))
        # The plan node is in its own graph and in no other plan's graph.
        assert (URIRef(plan.iri), None, None) in graph
        for other in kg.plans:
            if other.id != plan.id:
                assert (URIRef(plan.iri), None, None) not in kg.graph(plan_graph(other.id))


def test_the_national_strategy_is_loaded_with_its_seven_long_term_goals(kg, plans_by_id):
    national = plans_by_id["national-2022-2025"]
    assert national.kind == "national"
    assert national.identifier == "Skr. 2021/22:213"
    assert national.publisher == "Regeringen"
    assert (national.valid_from, national.valid_until) == ("2022", "2025")
    assert national.goals == 8  # the overarching goal and long-term goals 1–7
    rows = kg.query("""SELECT ?n ?label WHERE { ?g andts:inPlan plan:national-2022-2025 ; a andts:SubGoal ;
                        skos:notation ?n ; rdfs:label ?label } ORDER BY ?n""")
    assert [r["n"] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
    assert rows[4]["label"].startswith(
        "Personer med skadligt bruk eller beroende ska utifrån sina förutsättningar"
    )


def test_curated_links_live_in_their_own_graph(kg):
    links = kg.graph(str(LINKS_GRAPH))
    assert len(links) > 0
    for plan in kg.plans:
        assert not set(kg.graph(plan_graph(plan.id))).intersection(set(links))


def test_extra_plan_file_goes_to_its_own_graph(tmp_path):
    path = tmp_path / "testby.ttl"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    kg = andtsgraph.load(path)
    plan = kg.plan("testby")
    assert plan.id == "testby-2024-2026"
    assert plan.kind == "municipal"
    assert (plan.activities, plan.actors) == (1, 1)
    assert plan_graph("testby-2024-2026") in kg.graph_names()


def test_only_user_files_without_bundled_data(tmp_path):
    path = tmp_path / "testby.ttl"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    kg = andtsgraph.load(path, bundled=False)
    assert [p.id for p in kg.plans] == ["testby-2024-2026"]


def test_trig_keeps_its_named_graphs(tmp_path):
    path = tmp_path / "two.trig"
    path.write_text(
        """<https://example.org/g1> { <https://example.org/a> <https://example.org/p> "1" . }
<https://example.org/g2> { <https://example.org/b> <https://example.org/p> "2" . }""",
        encoding="utf-8",
    )
    kg = andtsgraph.load(path, bundled=False)
    assert kg.graph_names() == ["https://example.org/g1", "https://example.org/g2"]


def test_missing_file_is_named(tmp_path):
    missing = tmp_path / "nope.ttl"
    with pytest.raises(DataFileError, match=r"nope\.ttl: no such file"):
        andtsgraph.load(missing, lang="en")


def test_turtle_syntax_error_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n', encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        andtsgraph.load(bad, lang="en")
    assert info.value.line == 3
    assert str(info.value).startswith(f"{bad}, line 3: turtle syntax error")


def test_ntriples_error_names_the_bad_line(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text(
        "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        andtsgraph.load(bad)
    assert info.value.line == 2


def test_rdfxml_and_jsonld_errors_are_clear(tmp_path):
    xml = tmp_path / "bad.rdf"
    xml.write_text(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<unclosed',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="RDF/XML error") as info:
        andtsgraph.load(xml, lang="en")
    assert info.value.line == 2
    js = tmp_path / "bad.jsonld"
    js.write_text('{"@context": {', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.jsonld"):
        andtsgraph.load(js)


def test_unknown_format_is_refused(tmp_path):
    odd = tmp_path / "plan.docx"
    odd.write_bytes(b"PK\x03\x04 binary")
    with pytest.raises(DataFileError, match="unknown RDF format"):
        andtsgraph.load(odd, lang="en")


def test_a_file_with_two_plans_puts_each_in_its_graph(tmp_path):
    # A whole-graph Turtle export holds several plans: each goes to its own graph (issue 17).
    two = tmp_path / "two.ttl"
    two.write_text(
        SMALL_PLAN + "<https://example.org/plan/other> a andts:RegionalPlan .\n", encoding="utf-8"
    )
    kg = andtsgraph.load(two, bundled=False)
    other = kg.graph(plan_graph("other"))
    assert len(other) == 1
    assert len(kg) == len(other) + sum(
        len(kg.graph(n)) for n in kg.graph_names() if n != plan_graph("other")
    )


def test_a_copy_of_a_bundled_plan_replaces_it_with_a_note(tmp_path):
    from andtsgraph.errors import AndtsNote
    from andtsgraph.resources import data_dir

    copy = tmp_path / "copy.ttl"
    copy.write_bytes((data_dir() / "plans" / "national-2022-2025.ttl").read_bytes())
    with pytest.warns(AndtsNote, match="replaces the bundled plan national-2022-2025"):
        kg = andtsgraph.load(copy, lang="en")
    assert kg.sources[plan_graph("national-2022-2025")] == [copy]


def test_loading_one_plan_twice_is_refused(tmp_path):
    from andtsgraph.resources import data_dir

    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for copy in (first, second):
        copy.write_bytes((data_dir() / "plans" / "national-2022-2025.ttl").read_bytes())
    with pytest.raises(DataFileError, match="already loaded"):
        andtsgraph.load([first, second], bundled=False, lang="en")


def test_plan_lookup_by_id_prefix_and_clear_error(kg, english):
    assert kg.plan("national-2022").id == "national-2022-2025"
    # Two editions of the national strategy are loaded: a bare "national" is ambiguous.
    with pytest.raises(PlanNotFoundError, match="ambiguous"):
        kg.plan("national")
    with pytest.raises(PlanNotFoundError, match="no plan 'stockholm'"):
        kg.plan("stockholm")


def test_query_returns_python_values_and_a_dataframe(kg):
    result = kg.query("plans", plan="national-2022-2025")
    assert result.columns[:3] == ["plan", "title", "kind"]
    assert len(result) == 1
    assert result[0]["goals"] == 8
    frame = result.to_dataframe()
    assert list(frame.columns) == result.columns
    assert frame.loc[0, "kind"] == "national"


def test_unknown_query_and_bad_parameter_are_query_errors(kg, english):
    with pytest.raises(QueryError, match="unknown query 'no-such-query'"):
        kg.query("no-such-query")
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        kg.query("plans", colour="red")
    with pytest.raises(QueryError, match="syntax error at line 1, column"):
        kg.query("SELECT ?x WHERE { ?x ?y }")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_serialize_round_trips(kg, fmt, tmp_path):
    out = tmp_path / f"all.{fmt}"
    kg.serialize(out, format=fmt)
    parser = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt]
    if fmt in ("trig", "nq", "jsonld"):
        back = Dataset()
        back.parse(out, format=parser)
        names = {str(g.identifier) for g in back.graphs() if len(g)}
        assert set(kg.graph_names()) <= names
        assert sum(len(g) for g in back.graphs()) == len(kg)
    else:
        back = Graph()
        back.parse(out, format=parser)
        # A single-graph export leaves out the derived class closure (loading derives it).
        from andtsgraph.namespaces import CLOSURE_GRAPH

        union = Graph()
        # A single-graph file leaves the class closure out: it is derived again at load.
        for name in kg.graph_names():
            if name != str(CLOSURE_GRAPH):
                union += kg.graph(name)
        assert len(back) == len(union)


def test_serialize_never_overwrites_without_force(kg, tmp_path):
    out = tmp_path / "mine.ttl"
    out.write_text("precious", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        kg.serialize(out, format="ttl")
    assert out.read_text(encoding="utf-8") == "precious"
    kg.serialize(out, format="ttl", force=True)
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_a_corpus_naming_the_national_plan_is_parsed_by_the_store_itself(tmp_path, monkeypatch):
    """Every synthetic plan names the national plan (basedOn, goal alignments); that is no
    sign that it fills the national plan's graph, so the store parses it (no rdflib pass,
    which made a 311-plan load 10x slower), while a file naming a loaded plan's graph is
    still read carefully."""
    from andtsgraph import knowledge_graph
    from andtsgraph.testing.synthetic import write_corpus

    write_corpus(tmp_path / "corpus", 3)
    careful = []

    def counted(path, fmt=None):
        careful.append(Path(path).name)
        return original(path, fmt)

    original = knowledge_graph.read_rdf
    monkeypatch.setattr(knowledge_graph, "read_rdf", counted)
    kg = andtsgraph.load(tmp_path / "corpus", lang="en")
    assert len([p for p in kg.plans if p.id.startswith("synthetic-")]) == 3
    assert careful == []
    twice = tmp_path / "twice.trig"
    twice.write_text(
        "<https://w3id.org/andtsgraph/graph/plan/kronoberg-2022-2026> "
        "{ <http://e/a> <http://e/b> <http://e/c> . }\n",
        encoding="utf-8",
    )
    with pytest.warns(AndtsNote, match="kronoberg-2022-2026"):
        andtsgraph.load(twice, lang="en")  # a revised bundled plan replaces the bundled one
    assert careful == ["twice.trig"]
