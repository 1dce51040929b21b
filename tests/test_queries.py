"""Queries answer the same on every store, and never silently nothing (issue 18, "Queries").

The command line is run in-process through ``main(argv)``: the same code a user's shell runs,
without a new interpreter per call.
"""

from __future__ import annotations

import json

import pytest

import andtsgraph
from andtsgraph.cli import main
from andtsgraph.errors import AndtsWarning, PlanNotFoundError, QueryError
from andtsgraph.namespaces import CLOSURE_GRAPH

# In English: the messages these tests read are English (Swedish is the default;
# test_cli_lang.py checks both languages).
pytestmark = pytest.mark.usefixtures("english")

POLISEN = "https://w3id.org/andtsgraph/actor/polisen"


@pytest.fixture(scope="module")
def memory():
    return andtsgraph.load(store="memory")


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- the class hierarchy -------------------------------------------------------------------
@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_superclasses_find_every_plan_and_goal_on_every_store(kg, memory, store):
    graph = kg if store == "oxigraph" else memory
    plans = graph.query("SELECT DISTINCT ?p WHERE { ?p a andts:Plan }").column("p")
    assert sorted(plans) == sorted(p.iri for p in graph.plans)
    goals = graph.query("SELECT DISTINCT ?g WHERE { ?g a andts:Goal }")
    # The national strategy's overarching goal and long-term goals 1–6, Kronoberg's goals …
    assert len(goals) == sum(p.goals for p in graph.plans) > 7
    assert str(CLOSURE_GRAPH) in graph.graph_names()


def test_the_closure_is_the_same_on_both_stores_and_adds_only_missing_types(kg, memory):
    ox_closure = set(kg.graph(str(CLOSURE_GRAPH)))
    assert ox_closure == set(memory.graph(str(CLOSURE_GRAPH)))
    stated = kg.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?x a ?t }} FILTER(?g != <{CLOSURE_GRAPH}>) "
        f"GRAPH <{CLOSURE_GRAPH}> {{ ?x a ?t }} }}"
    )
    assert stated[0]["n"] == 0  # no type is said twice (no row counted twice)


def test_a_plan_added_after_loading_is_in_the_closure(tmp_path):
    kg = andtsgraph.load(bundled=False)
    path = tmp_path / "p.ttl"
    path.write_text(
        "@prefix andts: <https://w3id.org/andtsgraph/ontology#> .\n"
        "<https://w3id.org/andtsgraph/plan/x> a andts:MunicipalPlan .\n",
        encoding="utf-8",
    )
    kg.add_file(andtsgraph.resources.ontology_dir() / "andts.ttl", "urn:ontology")
    assert not kg.ask("ASK { ?p a andts:Plan }")
    kg.add_file(path)
    assert kg.ask("ASK { <https://w3id.org/andtsgraph/plan/x> a andts:Plan }")


def test_a_class_typo_is_a_warning_naming_the_class_meant(kg):
    with pytest.warns(AndtsWarning, match=r"andts:Plann is not a term .*did you mean 'andts:Plan'"):
        assert len(kg.query("SELECT ?p WHERE { ?p a andts:Plann }")) == 0


def test_a_known_class_gives_no_warning(kg, recwarn):
    kg.query("SELECT ?p WHERE { ?p a andts:Plan ; andts:validFrom ?from }")
    assert not [w for w in recwarn if issubclass(w.category, AndtsWarning)]


# -- parameters --------------------------------------------------------------------------
def test_an_actor_is_found_by_bare_id_prefixed_name_and_iri(kg):
    answers = [
        kg.query("actor-activities", actor=value).to_records()
        for value in ("polisen", "actor:polisen", POLISEN)
    ]
    assert answers[0] == answers[1] == answers[2]
    # Kronoberg names Polisen for eight activities (a-01-… in the source's sections).
    assert {r["actor"] for r in answers[0]} == {POLISEN}
    assert len({r["activity"] for r in answers[0]}) == 8


def test_a_plan_is_found_by_id_prefix_prefixed_name_and_iri(kg):
    iri = "https://w3id.org/andtsgraph/plan/vaxjo-2022-2027"
    for value in ("vaxjo", "vaxjo-2022-2027", "plan:vaxjo-2022-2027", iri):
        assert kg.query("plans", plan=value).column("plan") == [iri]


def test_a_parameter_that_matches_nothing_is_an_error_with_the_nearest_names(kg):
    with pytest.raises(PlanNotFoundError, match="no plan 'urn:x'"):
        kg.query("plans", plan="urn:x")
    with pytest.raises(
        QueryError, match=r"'polisn' .* is nowhere in the graph; did you mean 'polisen'"
    ):
        kg.query("actor-activities", actor="polisn")
    with pytest.raises(QueryError, match="nowhere in the graph"):
        kg.query("activities-by-substance", substance="urn:x:alkohol")
    with pytest.raises(PlanNotFoundError, match="did you mean 'vaxjo-2022-2027'"):
        kg.query("plans", plan="vaxjo-2022-2072")


def test_did_you_mean_for_query_names_parameter_names_and_values(kg):
    with pytest.raises(QueryError) as caught:
        kg.query("plams")
    assert "did you mean 'plans'" in str(caught.value)
    assert "actor-activities" not in str(caught.value)  # not the whole catalog
    with pytest.raises(QueryError, match="no parameter 'plna'; did you mean 'plan'"):
        kg.query("plans", plna="vaxjo")
    with pytest.raises(QueryError, match=r"'leed' is not one of lead, .*did you mean 'lead'"):
        kg.query("actor-activities", role="leed")
    with pytest.raises(QueryError, match=r"no parameter 'y'.*variables are x"):
        kg.query("SELECT ?x WHERE { ?x a andts:Plan }", y="1")


# -- forms, syntax, updates, FROM ----------------------------------------------------------
@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_parse_errors_name_line_column_and_the_text_there(kg, memory, store):
    graph = kg if store == "oxigraph" else memory
    text = "SELECT ?x WHERE {\n  ?x a andts:Plan .\n  ?x ?y\n}"
    with pytest.raises(QueryError) as caught:
        graph.query(text)
    message = str(caught.value)
    assert message.startswith("syntax error at line ")
    assert "column" in message
    assert "[_]" not in message and "LANGMATCHES" not in message


def test_ask_construct_and_describe(kg, memory):
    for graph in (kg, memory):
        assert graph.ask("ASK { ?p a andts:Plan ; dcterms:publisher actor:vaxjo-kommun }")
        assert not graph.ask("ASK { ?p a andts:Plan ; dcterms:publisher ?x }", x="actor:polisen")
        built = graph.construct("CONSTRUCT { ?p a andts:Plan } WHERE { ?p a andts:Plan }")
        assert len(built) == len(graph.plans)
        described = graph.describe("actor:polisen")
        assert ("Polisen", "sv") in {
            (str(o), o.language)
            for o in described.objects(predicate=andtsgraph.namespaces.RDFS.label)
        }
    with pytest.raises(QueryError, match=r"ASK query: run it with ask\(\), not query\(\)"):
        kg.query("ASK { ?s ?p ?o }")


def test_an_update_is_refused_as_read_only(kg):
    before = len(kg)
    for text in (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }",
    ):
        with pytest.raises(QueryError, match="queries are read-only"):
            kg.query(text)
    assert len(kg) == before


def test_from_chooses_the_graphs_on_every_store(kg, memory):
    text = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/andtsgraph/graph/plan/vaxjo-2022-2027> WHERE { ?s ?p ?o }"
    counts = {graph.backend.name: graph.query(text)[0]["n"] for graph in (kg, memory)}
    assert (
        counts["oxigraph"]
        == counts["memory"]
        == len(kg.graph("https://w3id.org/andtsgraph/graph/plan/vaxjo-2022-2027"))
    )
    with pytest.warns(AndtsWarning, match="FROM <urn:nothing>: no such graph"):
        kg.query("SELECT * FROM <urn:nothing> WHERE { ?s ?p ?o }")


# -- the command line ---------------------------------------------------------------------
def test_queries_show_prints_the_query(capsys):
    code, out, _ = cli(capsys, "queries", "--show", "plans")
    assert code == 0
    assert out == (andtsgraph.resources.queries_dir() / "plans.rq").read_text(encoding="utf-8")
    code, _, err = cli(capsys, "queries", "--show", "plams")
    assert code == 2
    assert "did you mean 'plans'" in err


def test_cli_ask_construct_and_warnings(capsys):
    code, out, _ = cli(capsys, "query", "ASK { ?p a andts:Plan }")
    assert (code, out) == (0, "yes\n")
    code, out, _ = cli(capsys, "query", "ASK { ?p a andts:Plan }", "--format", "json")
    assert json.loads(out) is True
    code, out, _ = cli(
        capsys, "query", "CONSTRUCT { ?p a andts:Plan } WHERE { ?p a andts:Plan }", "--format", "nt"
    )
    assert code == 0 and len(out.strip().splitlines()) == 5  # the five bundled plans
    code, out, _ = cli(capsys, "query", "DESCRIBE actor:polisen")
    assert code == 0 and '"Polisen"@sv' in out
    code, _, err = cli(capsys, "query", "ASK { ?p a andts:Plan }", "--format", "ttl")
    assert code == 2 and "choose one of table, csv, json" in err
    code, _, err = cli(capsys, "query", "SELECT ?p WHERE { ?p a andts:Plann }")
    assert code == 0
    assert err.strip().splitlines() == [
        "andtsgraph: warning: andts:Plann is not a term of the ontology, so it matches nothing; "
        "did you mean 'andts:Plan' or 'andts:inPlan'?"
    ]


def test_cli_errors_are_one_line(capsys):
    for argv, expected in [
        (["query", "plams"], "did you mean 'plans'"),
        (["query", "actor-activities", "-p", "actor=polisn"], "did you mean 'polisen'"),
        (["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "queries are read-only"),
        (["query", "SELECT ?x WHERE { ?x ?y }"], "syntax error at line 1"),
    ]:
        code, _, err = cli(capsys, *argv)
        assert code == 2
        assert len(err.strip().splitlines()) == 1, err
        assert expected in err
