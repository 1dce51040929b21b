"""Rules every bundled data file keeps, whichever plan it encodes (issue: faithful data).

- every actor a plan names resolves to one typed, labelled actor of the shared registry;
- no two registry actors share a name;
- every goal, area, activity and indicator carries its source section and a Swedish label;
- interpretations (factor links, goal alignments) are never in a plan's own graph, and each
  carries a rationale;
- no node that a plan refers to lacks a readable label.

The rules a user's own plan must keep too are SHACL shapes (ontology/shapes/, structure and
project rules): here they run on the bundled data, and each is checked to have teeth by its
negative fixture in tests/test_validation.py.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from andtsgraph.namespaces import ACTORS_GRAPH, LINKS_GRAPH, plan_graph
from andtsgraph.validation import ANDTSH, load_shapes, validate

ACTOR_ROLES = "andts:responsible|andts:lead|andts:partner|andts:involves|andts:adoptedBy|andts:documentOwner|dcterms:publisher|andts:coordinatedBy|andts:principal|org:hasMember"
ACTOR_CLASSES = """VALUES ?cls { andts:Government andts:Authority andts:Region andts:Municipality andts:Committee
    andts:Administration andts:MunicipalCompany andts:Network andts:WorkingGroup andts:CivilSocietyOrganisation
    andts:University andts:ActorGroup andts:Company org:Organization }"""


def test_the_five_plans_are_loaded(kg):
    assert sorted(p.id for p in kg.plans) == [
        "kronoberg-2022-2026",
        "national-2016-2020",
        "national-2022-2025",
        "vasteras-2022-2025",
        "vaxjo-2022-2027",
    ]


def test_every_actor_named_anywhere_is_a_typed_labelled_registry_actor(kg):
    rows = kg.query(f"""
        SELECT DISTINCT ?actor WHERE {{
          ?x {ACTOR_ROLES} ?actor .
          FILTER NOT EXISTS {{ GRAPH <{ACTORS_GRAPH}> {{ ?actor a ?cls ; rdfs:label ?label . {ACTOR_CLASSES} FILTER(LANG(?label) = "sv") }} }}
        }}""")
    assert [r["actor"] for r in rows] == []


def test_actors_are_only_defined_in_the_registry(kg):
    # A plan refers to actors; it never types or labels one itself.
    for plan in kg.plans:
        rows = kg.query(
            f"""SELECT DISTINCT ?actor WHERE {{ GRAPH <{plan_graph(plan.id)}> {{ ?actor a ?cls . {ACTOR_CLASSES} }} }}"""
        )
        assert [r["actor"] for r in rows] == [], plan.id


def _normalise(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(folded.replace("-", " ").split())


def test_no_two_registry_actors_share_a_name(kg):
    # Two bodies may share a name only under different parents: "Kommunstyrelsen" of Växjö
    # and of Västerås are two actors; "Polisen" and "polisen" are one.
    rows = kg.query(f"""
        SELECT ?actor ?name ?parent WHERE {{ GRAPH <{ACTORS_GRAPH}> {{
          ?actor a ?cls ; rdfs:label|skos:altLabel ?name . {ACTOR_CLASSES} FILTER(LANG(?name) = "sv")
          OPTIONAL {{ ?actor org:subOrganizationOf ?parent }} }} }}""")
    owners = defaultdict(set)
    for r in rows:
        owners[(_normalise(r["name"]), r["parent"])].add(r["actor"])
    shared = {name: sorted(actors) for name, actors in owners.items() if len(actors) > 1}
    assert shared == {}
    # The check has teeth: the two Kommunstyrelsen share a name under different parents.
    kommunstyrelser = {
        a for (name, _), actors in owners.items() if name == "kommunstyrelsen" for a in actors
    }
    assert len(kommunstyrelser) == 2


@pytest.fixture(scope="module")
def violations(kg):
    """The bundled data's results of the structural and project rules (severity Violation)."""
    return validate(kg, severity="violation")


#: The rules of this file that are shapes: every plan part has a source section and a Swedish
#: label; activities and areas sit in the plan structure, each part in its parent's plan; every
#: curated link has a rationale and names the statement it explains; a lead is also
#: responsible; concepts used by plans come from their schemes and have a Swedish label.
SHAPE_RULES = [
    "ComponentSourceSection",
    "ComponentLabel",
    "ComponentInPlan",
    "ActivityParent",
    "ActionAreaParent",
    "IndicatorActivity",
    "SamePlan",
    "LinkRationale",
    "LinkStatement",
    "LeadIsResponsible",
    "SubstanceValue",
    "PreventionLevelValue",
    "TargetGroupValue",
    "MethodValue",
    "PerspectiveValue",
    "ConceptScheme",
    "ConceptLabel",
    "ActorType",
    "ActorLabel",
]


@pytest.mark.parametrize("shape", SHAPE_RULES)
def test_the_bundled_data_keep_the_rule(violations, shape):
    assert (ANDTSH[shape], None, None) in load_shapes()  # the rule exists as a shape
    assert [r.focus for r in violations.results if r.shape == str(ANDTSH[shape])] == []


def test_the_bundled_data_keep_every_structural_and_project_rule(violations):
    assert violations.conforms, violations.summary()


def test_every_lead_is_stated_as_responsible_too(kg):
    # One form for one fact (docs/modelling.md): the data state both, the queries read
    # andts:responsible for who is responsible.
    leads = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?x andts:lead ?a ; andts:responsible ?a }")
    assert leads[0]["n"] > 10


def test_interpretations_are_kept_out_of_the_plans(kg):
    for plan in kg.plans:
        rows = kg.query(f"""SELECT ?s ?p WHERE {{ GRAPH <{plan_graph(plan.id)}> {{
            ?s ?p ?o . VALUES ?p {{ andts:addressesFactor andts:alignsWith andts:rationale }} }} }}""")
        assert list(rows) == [], plan.id


def test_every_curated_link_has_a_rationale_and_every_link_triple_is_explained(kg):
    unexplained = kg.query(f"""
        SELECT ?s ?p ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          ?s ?p ?o . VALUES ?p {{ andts:addressesFactor andts:alignsWith andts:preventionLevel andts:targetGroup }}
          FILTER NOT EXISTS {{ ?link rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; andts:rationale ?why }} }} }}""")
    assert list(unexplained) == []
    dangling = kg.query(f"""
        SELECT ?link WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          ?link a andts:CuratedLink ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          FILTER NOT EXISTS {{ ?s ?p ?o }} }} }}""")
    assert list(dangling) == []
    count = kg.query(
        f"SELECT (COUNT(?l) AS ?n) WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?l a andts:CuratedLink ; andts:rationale ?r }} }}"
    )
    assert count[0]["n"] > 30


def test_links_point_at_things_that_exist(kg):
    # A typo in a link's IRI would silently create a new, unlabelled node.
    rows = kg.query("""
        SELECT DISTINCT ?x WHERE {
          { ?s andts:addressesFactor ?x FILTER NOT EXISTS { ?x a ?t . VALUES ?t { andts:RiskFactor andts:ProtectiveFactor } } }
          UNION { ?x andts:addressesFactor ?f FILTER NOT EXISTS { ?x andts:inPlan ?p } }
          UNION { ?s andts:alignsWith ?x FILTER NOT EXISTS { ?x andts:inPlan/a andts:NationalStrategy } }
          UNION { ?x andts:alignsWith ?g FILTER NOT EXISTS { ?x andts:inPlan ?p } }
        }""")
    assert [r["x"] for r in rows] == []


def test_every_node_a_plan_refers_to_has_a_label(kg):
    # Reports never have to show a bare IRI: every IRI in object position of a plan graph
    # (other than classes and datatypes) has an rdfs:label or skos:prefLabel somewhere.
    for plan in kg.plans:
        rows = kg.query(f"""
            SELECT DISTINCT ?o WHERE {{
              GRAPH <{plan_graph(plan.id)}> {{ ?s ?p ?o FILTER(isIRI(?o) && ?p NOT IN (rdf:type, rdfs:seeAlso, foaf:page, dcterms:source)) }}
              FILTER NOT EXISTS {{ ?o rdfs:label|skos:prefLabel ?label }}
            }}""")
        assert [r["o"] for r in rows] == [], plan.id


def test_every_concept_has_an_english_label_too(kg):
    # Swedish labels and schemes are shapes (ConceptLabel, ConceptScheme); English is the
    # project's own promise for its vocabularies.
    rows = kg.query("""
        SELECT ?c WHERE {
          VALUES ?cls { andts:Substance andts:PreventionLevel andts:RiskFactor andts:ProtectiveFactor andts:FactorDomain
                        andts:TargetGroup andts:Method andts:Perspective }
          ?c a ?cls .
          FILTER NOT EXISTS { ?c skos:prefLabel ?en FILTER(LANG(?en) = "en") }
        }""")
    assert [r["c"] for r in rows] == []


def test_every_local_name_can_be_written_as_a_prefixed_name_in_oxigraph(kg):
    # Oxigraph's SPARQL parser rejects prefixed names such as vx:io-3.1.1 (two dots between
    # digits), so no IRI of the bundled data may have such a local name.
    import re

    import pyoxigraph

    bad = []
    for name in kg.graph_names():
        for triple in kg.graph(name):
            for term in triple:
                local = str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
                in_data = str(term).startswith(
                    tuple(
                        f"https://w3id.org/andtsgraph/{f}/"
                        for f in ("plan", "actor", "vocab", "link")
                    )
                )
                if in_data and re.search(r"\d\.\d+\.\d", local):
                    bad.append(str(term))
    assert sorted(set(bad)) == []
    # The rule is real: the parser refuses such a name.
    store = pyoxigraph.Store()
    try:
        list(store.query("PREFIX vx: <http://x/> SELECT * WHERE { vx:a-3.1.1 ?p ?o }"))
        refused = False
    except SyntaxError:
        refused = True
    assert refused


def test_curated_link_counts_by_predicate(kg):
    # data/README.md, "Audit": 172 curated links after the second reading.
    rows = kg.query(f"""
        SELECT ?p (COUNT(?l) AS ?n) WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          ?l a andts:CuratedLink ; rdf:predicate ?p ; andts:rationale ?r }} }} GROUP BY ?p""")
    counts = {str(r["p"]).rsplit("/", 1)[-1].rsplit("#", 1)[-1]: r["n"] for r in rows}
    assert counts == {
        "alignsWith": 39,
        "addressesFactor": 38,
        "targetGroup": 9,
        "preventionLevel": 30,
        "hasMember": 33,
        "principal": 3,
        "type": 2,
        "subOrganizationOf": 2,
        "unitOf": 2,
        "page": 2,
        "seeAlso": 2,
        "basedOn": 2,
        "contributesTo": 1,
        "wasRevisionOf": 7,
    }
