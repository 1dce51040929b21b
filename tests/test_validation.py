"""SHACL validation (issue 5): every shape has a fixture that triggers exactly it, the bundled
plans' findings are the real ones, and the CLI behaves as a coordinator expects.

The fixtures are one small, valid plan of a fictional municipality, "Exempelby kommun", written
below in Turtle; each negative case changes a triple or two so that exactly one rule fires.
They are validated against the bundled vocabularies, actors, links and national strategy (the
context a plan of one's own is checked in), which themselves produce no result.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from cli_runner import run_cli
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS
from rdflib.util import from_n3

import andtsgraph
from andtsgraph.errors import AndtsError, DataFileError
from andtsgraph.knowledge_graph import KnowledgeGraph, bundled_files
from andtsgraph.namespaces import ANDTS, plan_graph
from andtsgraph.rdf_io import read_rdf
from andtsgraph.resources import data_dir, ontology_dir
from andtsgraph.validation import ANDTSH, load_shapes, shapes_files, validate

PLAN_IRI = "https://example.org/andts/plan/exempelby-2024-2027"
EX = PLAN_IRI + "/"

# A complete, followable plan: every rule passes. Its actors are its own (a user's file may
# define them); everything else comes from the bundled vocabularies and the national strategy.
BASE = f"""\
@prefix andts:   <https://w3id.org/andtsgraph/ontology#> .
@prefix plan:    <https://w3id.org/andtsgraph/plan/> .
@prefix nat:     <https://w3id.org/andtsgraph/plan/national-2022-2025/> .
@prefix actor:   <https://w3id.org/andtsgraph/actor/> .
@prefix substance: <https://w3id.org/andtsgraph/vocab/substance/> .
@prefix level:   <https://w3id.org/andtsgraph/vocab/prevention-level/> .
@prefix factor:  <https://w3id.org/andtsgraph/vocab/factor/> .
@prefix domain:  <https://w3id.org/andtsgraph/vocab/factor-domain/> .
@prefix group:   <https://w3id.org/andtsgraph/vocab/target-group/> .
@prefix method:  <https://w3id.org/andtsgraph/vocab/method/> .
@prefix perspective: <https://w3id.org/andtsgraph/vocab/perspective/> .
@prefix vocab:   <https://w3id.org/andtsgraph/vocab/> .
@prefix ex:      <{EX}> .
@prefix link:    <https://example.org/andts/link/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix exa:     <https://example.org/andts/actor/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

<{PLAN_IRI}> a andts:MunicipalPlan ;
    dcterms:title "ANDTS-plan för Exempelby kommun 2024–2027"@sv ;
    rdfs:label "ANDTS-plan för Exempelby kommun 2024–2027"@sv ;
    dcterms:publisher exa:exempelby-kommun ;
    dcterms:dateAccepted "2023-12-13"^^xsd:date ;
    dcterms:modified "2024-02-01"^^xsd:date ;
    andts:validFrom "2024-01-01"^^xsd:date ;
    andts:validUntil "2027"^^xsd:gYear ;
    andts:targetDate "2027-12-31"^^xsd:date ;
    andts:basedOn plan:national-2022-2025 ;
    andts:perspective perspective:kon .

exa:exempelby-kommun a andts:Municipality ; rdfs:label "Exempelby kommun"@sv .
exa:exempelby-socialnamnden a andts:Committee ; rdfs:label "Socialnämnden i Exempelby"@sv ;
    org:subOrganizationOf exa:exempelby-kommun .
exa:exempelby-andts-natverk a andts:Network ; rdfs:label "ANDTS-nätverket i Exempelby"@sv ;
    org:hasMember exa:exempelby-kommun , exa:exempelby-socialnamnden .

ex:goal-0 a andts:OverarchingGoal ; rdfs:label "Ett Exempelby fritt från narkotika"@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf <{PLAN_IRI}> ; andts:sourceSection "1" .
ex:goal-1 a andts:SubGoal ; rdfs:label "Tillgången till alkohol ska minska"@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf ex:goal-0 ; andts:sourceSection "1.1" ;
    andts:alignsWith nat:goal-1 .
ex:area-1 a andts:ActionArea ; rdfs:label "Tillsyn"@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf ex:goal-1 ; andts:sourceSection "1.1.1" .
ex:a-1 a andts:Activity ; rdfs:label "Socialnämnden genomför tillsyn av serveringsställen."@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf ex:area-1 ; andts:sourceSection "1.1.1" ;
    andts:sourcePage 3 ;
    andts:responsible exa:exempelby-socialnamnden ;
    andts:targetGroup group:barn-och-unga ; andts:substance substance:alkohol ;
    andts:usesMethod method:kronobarnsmodellen ; andts:addressesFactor factor:tillganglighet .
ex:i-1 a andts:Indicator ; rdfs:label "Minst två tillsynsbesök per serveringsställe och år."@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:indicatorOf ex:a-1 ; andts:sourceSection "1.1.1" ;
    andts:target [ a andts:Target ; andts:comparator andts:atLeast ; andts:targetValue 2 ;
                   andts:unit "tillsynsbesök per serveringsställe"@sv ; andts:perPeriod "P1Y"^^xsd:duration ] .

ex:da-1 a andts:DevelopmentArea ; rdfs:label "Insatser för alla"@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf <{PLAN_IRI}> ; andts:sourceSection "2" ;
    andts:preventionLevel level:universell .
ex:area-2 a andts:ActionArea ; rdfs:label "Föräldraskap"@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf ex:da-1 ; andts:sourceSection "2.1" .
ex:a-2 a andts:Activity ; rdfs:label "Socialnämnden erbjuder föräldraskapsstöd."@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:partOf ex:area-2 ; andts:sourceSection "2.1" ;
    andts:lead exa:exempelby-socialnamnden ; andts:responsible exa:exempelby-socialnamnden ;
    andts:targetGroup group:foraldrar ; andts:addressesFactor factor:foraldraformaga .
ex:i-2 a andts:Indicator ; rdfs:label "Minst 40 föräldrar deltar per år."@sv ;
    andts:inPlan <{PLAN_IRI}> ; andts:indicatorOf ex:a-2 ; andts:sourceSection "2.1" ;
    andts:target [ a andts:Target ; andts:comparator andts:atLeast ; andts:targetValue 40 ;
                   andts:unit "deltagande föräldrar"@sv ; andts:perPeriod "P1Y"^^xsd:duration ] .
"""

STRUCTURE = "structure"
QUALITY = "quality"


@dataclass(frozen=True)
class Case:
    """A change to the valid fixture that must trigger exactly ``shape`` on ``focus``."""

    shape: str
    focus: str  # a prefixed name of the fixture, or "_:" for a blank node
    remove: tuple[tuple[str, str, str], ...] = ()
    add: str = ""
    replace: tuple[str, str] | None = None  # text replacement on the fixture's Turtle


P = f"<{PLAN_IRI}>"
CASES = [
    # ---- structure: plans -------------------------------------------------------------------
    # "_exempelby…": the last segment does not start with a letter or digit, so it is no id.
    Case(
        "PlanIdentifier",
        "<https://example.org/andts/plan/_exempelby-2024-2027>",
        replace=(PLAN_IRI + ">", "https://example.org/andts/plan/_exempelby-2024-2027>"),
    ),
    Case("PlanTitle", P, remove=((P, "dcterms:title", "*"),)),
    Case(
        "PlanLabel",
        P,
        remove=((P, "rdfs:label", "*"),),
        add=f'{P} rdfs:label "Drug prevention plan of Exempelby"@en .',
    ),
    Case("PlanPublisher", P, remove=((P, "dcterms:publisher", "*"),)),
    # A dateTime is not a date; its first ten characters still come before the end, so the
    # period-order rule stays quiet.
    Case(
        "PlanValidFrom",
        P,
        remove=((P, "andts:validFrom", "*"),),
        add=f'{P} andts:validFrom "2024-01-01T00:00:00"^^xsd:dateTime .',
    ),
    Case("PlanValidUntil", P, remove=((P, "andts:validUntil", "*"),)),
    Case(
        "PlanPeriodOrder",
        P,
        remove=((P, "andts:validFrom", "*"),),
        add=f'{P} andts:validFrom "2028-01-01"^^xsd:date .',
    ),
    Case(
        "DateAccepted",
        P,
        remove=((P, "dcterms:dateAccepted", "*"),),
        add=f'{P} dcterms:dateAccepted "13 december 2023" .',
    ),
    Case(
        "DateModified",
        P,
        remove=((P, "dcterms:modified", "*"),),
        add=f'{P} dcterms:modified "2024"^^xsd:gYear .',
    ),
    Case(
        "TargetDate",
        P,
        remove=((P, "andts:targetDate", "*"),),
        add=f'{P} andts:targetDate "2027-12-31T00:00:00"^^xsd:dateTime .',
    ),
    # ---- structure: components -----------------------------------------------------------------
    Case(
        "ComponentIdentifier",
        "_:",
        add=f"""
        [] a andts:Indicator ; rdfs:label "Antal tillsynsbesök."@sv ; andts:inPlan {P} ;
           andts:indicatorOf ex:a-1 ; andts:sourceSection "1.1.1" ;
           andts:target [ a andts:Target ; andts:comparator andts:atLeast ; andts:targetValue 1 ] .""",
    ),
    Case(
        "ComponentLabel",
        "ex:a-1",
        remove=(("ex:a-1", "rdfs:label", "*"),),
        add='ex:a-1 rdfs:label "The social committee inspects licensed premises."@en .',
    ),
    Case("ComponentInPlan", "ex:i-1", remove=(("ex:i-1", "andts:inPlan", "*"),)),
    Case(
        "ComponentSourceSection", "ex:area-1", remove=(("ex:area-1", "andts:sourceSection", "*"),)
    ),
    Case(
        "ComponentSourcePage",
        "ex:a-1",
        remove=(("ex:a-1", "andts:sourcePage", "*"),),
        add='ex:a-1 andts:sourcePage "sidan 3" .',
    ),
    Case("TopLevelParent", "ex:goal-0", remove=(("ex:goal-0", "andts:partOf", "*"),)),
    # Two parents (both in the plan, so the same-plan rule is satisfied).
    Case("SubGoalParent", "ex:goal-1", add=f"ex:goal-1 andts:partOf {P} ."),
    # An activity is not a place for an area (kept under its goal too, so the goal is served).
    Case("ActionAreaParent", "ex:area-1", add="ex:area-1 andts:partOf ex:a-2 ."),
    Case("ActivityParent", "ex:a-1", add="ex:a-1 andts:partOf ex:da-1 ."),
    Case(
        "IndicatorActivity",
        "ex:i-3",
        add=f"""
        ex:i-3 a andts:Indicator ; rdfs:label "Antal tillsynsrapporter."@sv ; andts:inPlan {P} ;
            andts:indicatorOf ex:area-1 ; andts:sourceSection "1.1.1" ;
            andts:target [ a andts:Target ; andts:comparator andts:atLeast ; andts:targetValue 4 ] .""",
    ),
    # The indicator claims the national strategy as its plan, its activity is in Exempelby's.
    Case(
        "SamePlan",
        "ex:i-1",
        remove=(("ex:i-1", "andts:inPlan", "*"),),
        add="ex:i-1 andts:inPlan plan:national-2022-2025 .",
    ),
    Case("TargetComparator", "_:", remove=(("ex:i-1 / andts:target", "andts:comparator", "*"),)),
    Case(
        "TargetValue",
        "_:",
        add='ex:i-1 andts:target [ a andts:Target ; andts:comparator andts:atLeast ; andts:targetValue "två" ] .',
    ),
    Case(
        "TargetPeriod",
        "_:",
        add='ex:i-2 andts:target [ a andts:Target ; andts:comparator andts:exactly ; andts:targetValue 1 ; andts:perPeriod "per år" ] .',
    ),
    Case("SubstanceValue", "ex:a-1", add="ex:a-1 andts:substance substance:kaffe ."),
    Case(
        "PreventionLevelValue",
        "ex:da-1",
        remove=(("ex:da-1", "andts:preventionLevel", "*"),),
        add="ex:da-1 andts:preventionLevel group:barn-och-unga .",
    ),
    Case("TargetGroupValue", "ex:a-1", add="ex:a-1 andts:targetGroup level:universell ."),
    Case("FactorValue", "ex:a-1", add="ex:a-1 andts:addressesFactor domain:familj ."),
    Case("MethodValue", "ex:a-1", add="ex:a-1 andts:usesMethod factor:tillganglighet ."),
    Case("PerspectiveValue", P, add=f"{P} andts:perspective group:barn-och-unga ."),
    Case(
        "ConceptLabel",
        "ex:group-x",
        add="""
        ex:group-x a andts:TargetGroup ; skos:inScheme vocab:target-group ; skos:prefLabel "Nobody"@en .""",
    ),
    Case(
        "ConceptScheme",
        "ex:group-y",
        add="""
        ex:group-y a andts:TargetGroup ; skos:prefLabel "Grannar"@sv , "Neighbours"@en .""",
    ),
    Case(
        "ActorType",
        "exa:okand-forening",
        add="""
        ex:a-1 andts:partner exa:okand-forening . exa:okand-forening rdfs:label "Okänd förening"@sv .""",
    ),
    Case(
        "ActorLabel",
        "exa:sports-club",
        add="""
        ex:a-1 andts:partner exa:sports-club .
        exa:sports-club a andts:CivilSocietyOrganisation ; rdfs:label "Exempelby sports club"@en .""",
    ),
    # ---- the project's own rules ------------------------------------------------------------------
    # A lead that is not also stated as responsible (the data state both; see the test below).
    Case(
        "LeadIsResponsible",
        "ex:a-1",
        add="ex:a-1 andts:lead exa:exempelby-kommun . ex:a-1 andts:partner exa:exempelby-kommun .",
    ),
    Case(
        "LinkRationale",
        "link:exempelby-a-1-factor",
        add="""link:exempelby-a-1-factor a rdf:Statement , andts:CuratedLink ;
            rdf:subject ex:a-1 ; rdf:predicate andts:addressesFactor ; rdf:object factor:tillganglighet .""",
    ),
    Case(
        "LinkStatement",
        "link:exempelby-a-2-factor",
        add="""link:exempelby-a-2-factor a rdf:Statement , andts:CuratedLink ;
            rdf:subject ex:a-2 ; rdf:predicate andts:addressesFactor ;
            andts:rationale "Föräldraskapsstöd stärker föräldraförmågan."@sv .""",
    ),
    # ---- quality ---------------------------------------------------------------------------------
    # a-2's lead goes too: a lead without responsible is a rule of its own (LeadIsResponsible).
    Case(
        "ActivityResponsible",
        "ex:a-2",
        remove=(("ex:a-2", "andts:responsible", "*"), ("ex:a-2", "andts:lead", "*")),
    ),
    Case("ActivityIndicator", "ex:a-2", remove=(("ex:i-2", "*", "*"),)),
    Case("ActivityTargetGroup", "ex:a-1", remove=(("ex:a-1", "andts:targetGroup", "*"),)),
    Case("IndicatorTarget", "ex:i-2", remove=(("ex:i-2", "andts:target", "*"),)),
    Case(
        "GoalServed",
        "ex:area-3",
        add=f"""
        ex:area-3 a andts:ActionArea ; rdfs:label "Spel om pengar"@sv ; andts:inPlan {P} ;
            andts:partOf ex:goal-1 ; andts:sourceSection "1.1.2" .""",
    ),
    Case(
        "PlanFactors",
        P,
        remove=(("ex:a-1", "andts:addressesFactor", "*"), ("ex:a-2", "andts:addressesFactor", "*")),
    ),
    Case("PlanNationalAlignment", P, remove=(("ex:goal-1", "andts:alignsWith", "*"),)),
    Case(
        "ResponsibleActorCollaboration",
        "exa:exempelby-socialnamnden",
        remove=(("exa:exempelby-andts-natverk", "org:hasMember", "exa:exempelby-socialnamnden"),),
    ),
]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
@cache
def _context() -> tuple[tuple[str, tuple], ...]:
    """The bundled ontology, vocabularies, actors, links and national strategy, parsed once."""
    parts = []
    for path, graph in bundled_files():
        if graph is None and path.stem != "national-2022-2025":
            continue
        name = graph or plan_graph(path.stem)
        parts.append((name, tuple(read_rdf(path).default_graph)))
    return tuple(parts)


def _fixture_graph(case: Case | None = None) -> Graph:
    text = BASE.replace(*case.replace) if case is not None and case.replace else BASE
    graph = Graph().parse(data=text, format="turtle")
    if case is None:
        return graph
    for pattern in case.remove:
        for s in _resolve_subjects(graph, pattern[0]):
            p = None if pattern[1] == "*" else from_n3(pattern[1], nsm=graph.namespace_manager)
            o = None if pattern[2] == "*" else from_n3(pattern[2], nsm=graph.namespace_manager)
            graph.remove((s, p, o))
    if case.add:
        prefixes = "".join(line + "\n" for line in BASE.splitlines() if line.startswith("@prefix"))
        graph.parse(data=prefixes + case.add, format="turtle")
    return graph


def _resolve_subjects(graph: Graph, spec: str) -> list:
    # "ex:i-1 / andts:target" names the node(s) reached from ex:i-1 over andts:target.
    head, _, prop = (part.strip() for part in spec.partition(" / "))
    subject = from_n3(head, nsm=graph.namespace_manager)
    if not prop:
        return [subject]
    return list(graph.objects(subject, from_n3(prop, nsm=graph.namespace_manager)))


def _write(graph: Graph, directory: Path) -> Path:
    path = directory / "exempelby.ttl"
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return path


def _kg_with(path: Path) -> KnowledgeGraph:
    """A knowledge graph of the fixture file and the bundled context (no other plan)."""
    kg = andtsgraph.load(bundled=False)
    for name, triples in _context():
        kg.backend.add_triples(name, triples)
    kg.add_file(path)
    return kg


def _expand(graph: Graph, name: str) -> str:
    if name.startswith("<"):
        return name[1:-1]
    return str(from_n3(name, nsm=graph.namespace_manager))


@cache
def _shapes() -> Graph:
    return load_shapes()


def _literal(shape: URIRef, prop: URIRef, lang: str) -> str:
    values = [
        o for o in _shapes().objects(shape, prop) if isinstance(o, Literal) and o.language == lang
    ]
    assert len(values) == 1, (shape, prop, lang)
    return str(values[0])


def _reporting_shapes() -> set[URIRef]:
    """Shapes that can be the source of a result: those with targets or used by sh:property."""
    shapes = _shapes()
    found = {o for _, o in shapes.subject_objects(SH.property)}
    for prop in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
        found |= {s for s in shapes.subjects(prop, None) if not _only_groups_properties(s)}
    return {s for s in found if isinstance(s, URIRef)}


def _only_groups_properties(shape) -> bool:
    """A node shape that only gathers property shapes (andtsh:Plan, andtsh:Component…)."""
    shapes = _shapes()
    own = {p for p, _ in shapes.predicate_objects(shape)} - {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        SH.property,
        SH.targetClass,
        SH.targetObjectsOf,
        SH.targetSubjectsOf,
    }
    return (shape, SH.property, None) in shapes and not own


# ---------------------------------------------------------------------------------------------
# The shapes files
# ---------------------------------------------------------------------------------------------
def test_shapes_are_packaged_with_the_ontology():
    # The wheel ships ontology/ (pyproject force-include), so the shapes travel with it.
    assert [p.parent for p in shapes_files()] == [ontology_dir() / "shapes"] * 3
    assert all(p.is_file() for p in shapes_files())


def test_every_reporting_shape_is_named_labelled_and_explained_in_both_languages():
    shapes = _shapes()
    reporting = _reporting_shapes()
    assert len(reporting) == len(CASES)
    for shape in reporting:
        for lang in ("sv", "en"):
            assert _literal(shape, RDFS.label, lang)
            assert _literal(shape, SH.message, lang)
        severity = shapes.value(shape, SH.severity)
        origin = "quality" if (shape, SKOS.note, None) in shapes else "structure"
        if origin == "quality":
            assert severity in (SH.Warning, SH.Info), shape
            assert (shape, URIRef("http://purl.org/dc/terms/references"), ANDTSH.edpqs) in shapes
            assert "EDPQS" in _literal(shape, SKOS.note, "en")
            assert "EDPQS" in _literal(shape, SKOS.note, "sv")
        else:
            assert severity == SH.Violation, shape


def test_structure_project_and_quality_files_hold_what_their_names_say():
    structure, project, quality = (read_rdf(p).default_graph for p in shapes_files())
    assert set(structure.objects(None, SH.severity)) == {SH.Violation}
    assert set(project.objects(None, SH.severity)) == {SH.Violation}
    assert set(quality.objects(None, SH.severity)) == {SH.Warning, SH.Info}


def test_every_reporting_shape_has_a_negative_case():
    assert {str(s).rsplit("#", 1)[-1] for s in _reporting_shapes()} == {c.shape for c in CASES}


# ---------------------------------------------------------------------------------------------
# Fixtures: the positive one passes, each negative one triggers exactly its shape
# ---------------------------------------------------------------------------------------------
def test_the_complete_fixture_plan_passes_every_rule(tmp_path):
    report = validate(_kg_with(_write(_fixture_graph(), tmp_path)))
    assert report.results == []
    assert report.conforms
    assert list(report.plans) == ["national-2022-2025", "exempelby-2024-2027"]


@pytest.mark.parametrize("case", CASES, ids=[c.shape for c in CASES])
def test_each_negative_fixture_triggers_exactly_its_shape(tmp_path, case):
    graph = _fixture_graph(case)
    report = validate(_kg_with(_write(graph, tmp_path)))
    shape = ANDTSH[case.shape]
    assert {r.shape for r in report.results} == {str(shape)}, report.summary()
    focus = {r.focus for r in report.results}
    assert len(focus) == 1
    if case.focus == "_:":
        assert next(iter(focus)).startswith("_:")
    else:
        assert focus == {_expand(graph, case.focus)}
    result = report.results[0]
    assert result.message == _literal(shape, SH.message, "sv")
    assert result.shape_label == _literal(shape, RDFS.label, "sv")
    expected = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
    assert result.severity == expected[_shapes().value(shape, SH.severity)]
    assert result.focus_label  # a readable label, never empty
    # Everything in the fixture belongs to Exempelby's plan, except the changed plan IRI and
    # the indicator moved into the national strategy.
    if case.shape == "PlanIdentifier":
        assert result.plan == "_exempelby-2024-2027"
    elif case.shape == "SamePlan":
        assert result.plan == "national-2022-2025"
    else:
        assert result.plan == "exempelby-2024-2027"


def test_messages_follow_the_chosen_language(tmp_path):
    case = next(c for c in CASES if c.shape == "PlanPeriodOrder")
    path = _write(_fixture_graph(case), tmp_path)
    report = validate(_kg_with(path), lang="en")
    [result] = report.results
    # A SPARQL-based rule: pyshacl drops the language tag when it fills the message in.
    assert result.message == _literal(ANDTSH.PlanPeriodOrder, SH.message, "en")
    assert result.shape_label == "Order of the plan period"
    assert result.value == "2027"


def test_a_target_is_labelled_by_its_indicator_and_inherits_its_source_section(tmp_path):
    case = next(c for c in CASES if c.shape == "TargetComparator")
    report = validate(_kg_with(_write(_fixture_graph(case), tmp_path)))
    [result] = report.results
    assert (
        result.focus_label == "målvärde för «Minst två tillsynsbesök per serveringsställe och år.»"
    )
    assert result.source_section == "1.1.1"
    assert result.path == str(ANDTS.comparator)
    assert result.path_label == "jämförelse"


def test_a_lead_without_responsible_is_reported(tmp_path):
    # One form for one fact: the data state both andts:lead and andts:responsible, and a
    # shape enforces it, so a lead alone is reported (and the activity has no responsible).
    case = Case("ActivityResponsible", "ex:a-2", remove=(("ex:a-2", "andts:responsible", "*"),))
    report = validate(_kg_with(_write(_fixture_graph(case), tmp_path)))
    assert sorted((r.shape.rsplit("#", 1)[-1], r.focus.rsplit("/", 1)[-1]) for r in report) == [
        ("ActivityResponsible", "a-2"),
        ("LeadIsResponsible", "a-2"),
    ]
    [lead] = [r for r in report if r.shape.endswith("LeadIsResponsible")]
    assert lead.severity == "violation"
    assert lead.value == "https://example.org/andts/actor/exempelby-socialnamnden"


def test_a_link_without_a_rationale_is_reported(tmp_path):
    case = next(c for c in CASES if c.shape == "LinkRationale")
    report = validate([_write(_fixture_graph(case), tmp_path)], lang="en")
    [result] = report.results
    assert result.shape_label == "Link without a rationale"
    assert result.severity == "violation"
    assert result.plan == "exempelby-2024-2027"  # in the plan's file: under its plan


def test_a_target_group_stated_higher_up_serves_the_activities_below(tmp_path):
    # Västerås states its target groups once, for the whole plan.
    case = Case(
        "ActivityTargetGroup",
        "ex:a-1",
        remove=(("ex:a-1", "andts:targetGroup", "*"),),
        add=f"{P} andts:targetGroup group:hela-befolkningen .",
    )
    report = validate(_kg_with(_write(_fixture_graph(case), tmp_path)))
    assert report.results == []


def test_start_and_end_compare_across_dates_and_years(tmp_path):
    # "2027-05-01" … "2027": the year 2027 runs to its end, so the period is in order.
    case = Case(
        "PlanPeriodOrder",
        P,
        remove=((P, "andts:validFrom", "*"),),
        add=f'{P} andts:validFrom "2027-05-01"^^xsd:date .',
    )
    report = validate(_kg_with(_write(_fixture_graph(case), tmp_path)))
    assert report.results == []


# ---------------------------------------------------------------------------------------------
# The bundled plans
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundled(kg):
    return validate(kg)


def _ids(results, key="focus") -> set[str]:
    return {getattr(r, key).rsplit("/", 1)[-1] for r in results}


def _group(report, plan, shape):
    found = [g for g in report.groups() if g.plan == plan and g.shape == str(ANDTSH[shape])]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_bundled_plans_have_no_violations(bundled):
    assert bundled.counts()["violation"] == 0
    assert bundled.at_least("violation").conforms
    assert not bundled.conforms  # the plans have real findings at Warning and Info


def test_the_national_strategy_gets_no_finding(bundled):
    # It sets goals for the other plans and has no activities: goal coverage, factors and
    # national alignment are asked of regional and municipal plans only.
    assert "national-2022-2025" not in bundled.by_plan()


def test_each_bundled_plan_has_exactly_the_expected_rules(bundled):
    found = {(g.plan, g.shape.rsplit("#", 1)[-1], g.count) for g in bundled.groups()}
    assert found == {
        ("kronoberg-2022-2026", "IndicatorTarget", 55),
        ("kronoberg-2022-2026", "ActivityTargetGroup", 19),
        ("kronoberg-2022-2026", "ResponsibleActorCollaboration", 1),
        ("vasteras-2022-2025", "IndicatorTarget", 16),
        ("vasteras-2022-2025", "ResponsibleActorCollaboration", 13),
        ("vaxjo-2022-2027", "ActivityIndicator", 23),
        ("vaxjo-2022-2027", "ActivityTargetGroup", 4),
    }


def test_vaxjo_activities_without_indicator_are_one_grouped_finding(kg, bundled):
    # Växjö 1.1: "Planen innehåller inga mål eller nyckeltal": none of its 23 "Växjö kommun
    # ska …" commitments has an indicator, so all of them are reported, as one line.
    activities = {
        r["a"]
        for r in kg.query(
            "SELECT ?a WHERE { ?a a andts:Activity ; andts:inPlan plan:vaxjo-2022-2027 }"
        )
    }
    assert len(activities) == 23
    group = _group(bundled, "vaxjo-2022-2027", "ActivityIndicator")
    assert set(group.focus_nodes) == activities
    assert group.line == "23 insatser saknar indikator (uppföljning)"
    assert group.severity == "warning"
    text = bundled.to_text()
    assert text.count("23 insatser saknar indikator (uppföljning)") == 1
    assert text.count(_literal(ANDTSH.ActivityIndicator, SH.message, "sv")) == 0  # no 23 copies


def test_vaxjo_activities_without_target_group_are_those_of_insatsomrade_3_2_1(bundled):
    # Development area 3.1 names its group (hela befolkningen) and covers its activities; 3.2
    # (selektiv) and 3.3 name none, and only the four commitments of 3.2.1 ("samordning",
    # "samverkan …", "regional samverkan", …) name no group of their own.
    group = _group(bundled, "vaxjo-2022-2027", "ActivityTargetGroup")
    assert group.count == 4
    assert {r.source_section for r in group.results} == {"3.2.1"}
    assert all(r.focus_label.startswith("Växjö kommun ska") for r in group.results)
    assert group.severity == "info"


def test_kronoberg_states_no_measurable_target_for_any_indicator(kg, bundled):
    # The file header: "Indicators state no numbers ("Antal …" is a measure without a target):
    # no andts:target." So every one of the 55 "Uppföljning" statements is reported.
    indicators = {
        r["i"]
        for r in kg.query(
            "SELECT ?i WHERE { ?i a andts:Indicator ; andts:inPlan plan:kronoberg-2022-2026 }"
        )
    }
    assert len(indicators) == 55
    assert set(_group(bundled, "kronoberg-2022-2026", "IndicatorTarget").focus_nodes) == indicators


def test_kronoberg_activities_without_target_group(kg, bundled):
    # Neither the Kronoberg plan nor its goals or areas name a target group, so exactly the
    # activities without one of their own are reported: 30 − 11 = 19.
    above = kg.query("""SELECT ?x WHERE { ?x andts:inPlan plan:kronoberg-2022-2026 ; andts:targetGroup ?g
                        FILTER NOT EXISTS { ?x a andts:Activity } }""")
    assert len(above) == 0
    assert len(kg.query("SELECT ?g WHERE { plan:kronoberg-2022-2026 andts:targetGroup ?g }")) == 0
    rows = kg.query("""SELECT ?a WHERE { ?a a andts:Activity ; andts:inPlan plan:kronoberg-2022-2026
                       FILTER NOT EXISTS { ?a andts:targetGroup ?g } }""")
    expected = {r["a"] for r in rows}
    assert len(expected) == 19
    assert (
        set(_group(bundled, "kronoberg-2022-2026", "ActivityTargetGroup").focus_nodes) == expected
    )


def test_kronoberg_responsible_outside_collaboration_is_rf_sisu(bundled):
    # RF-SISU Småland is responsible for a-04-4 (doping supervision at training facilities) and
    # the actor registry names no network or group it belongs to; every other Kronoberg actor
    # responsible for something is Livsstil Kronoberg's or sits in one of its groups.
    group = _group(bundled, "kronoberg-2022-2026", "ResponsibleActorCollaboration")
    assert group.focus_nodes == ["https://w3id.org/andtsgraph/actor/rf-sisu-smaland"]
    assert group.line == "1 ansvarig aktör ingår inte i något nätverk eller någon arbetsgrupp"


def test_vasteras_indicators_without_target(kg, bundled):
    # 24 indicator rows, 8 of which state a number to reach (10 targets: 2.1-2 has three): the
    # other 16 ("Antal …", descriptions of support, 1.3's "ett samordnat möte årligen", 5.2's
    # project staff "fyra anställda koordinatorer") have no measurable target.
    with_target = {
        r["i"]
        for r in kg.query(
            "SELECT DISTINCT ?i WHERE { ?i andts:inPlan plan:vasteras-2022-2025 ; andts:target ?t }"
        )
    }
    assert len(with_target) == 8
    group = _group(bundled, "vasteras-2022-2025", "IndicatorTarget")
    assert set(_ids(group.results)) == {
        "i-1.3-1",
        "i-5.2-2",
        "i-2.1-3",
        "i-2.2-1",
        "i-3.1-1",
        "i-3.2-1",
        "i-3.4-1",
        "i-3.4-2",
        "i-3.4-3",
        "i-4.1-2",
        "i-4.1-3",
        "i-4.2-1",
        "i-5.1-1",
        "i-5.1-2",
        "i-5.1-3",
        "i-5.3-1",
    }
    assert not set(group.focus_nodes) & with_target


def test_vasteras_committees_are_in_no_named_collaboration(bundled):
    # The committees belong to "Samtliga nämnder" (an actor group, not a collaboration) and to
    # Västerås stad; PUG ANDTS, the plan's working group, names no members ("berörda
    # förvaltningar"). So every responsible Västerås body is reported, as one Info line.
    group = _group(bundled, "vasteras-2022-2025", "ResponsibleActorCollaboration")
    assert group.severity == "info"
    assert _ids(group.results) == {
        "bup",
        "aldrenamnden",
        "forskolenamnden",
        "grundskolenamnden",
        "idrott-fritid-forebyggande-namnden",
        "individ-och-familjenamnden",
        "kommunstyrelsen",
        "kulturnamnden",
        "miljo-och-konsumentnamnden",
        "namnden-for-personer-med-funktionsnedsattning",
        "samtliga-namnder",
        "skultuna-kommundelsnamnd",
        "utbildnings-och-arbetsmarknadsnamnden",
    }


# ---------------------------------------------------------------------------------------------
# The report API
# ---------------------------------------------------------------------------------------------
def test_severity_filters_results_and_sets_conformance(kg):
    warnings = validate(kg, severity="warning")
    assert {r.severity for r in warnings.results} == {"warning"}
    assert not warnings.conforms
    violations = validate(kg, severity="violation")
    assert violations.results == [] and violations.conforms
    [report] = violations.graph.subjects(RDF.type, SH.ValidationReport)
    assert violations.graph.value(report, SH.conforms) == Literal(True)
    assert list(violations.graph.objects(report, SH.result)) == []


def test_records_dataframe_and_groupings_agree(bundled):
    records = bundled.to_records()
    df = bundled.to_dataframe()
    assert len(records) == len(df) == len(bundled)
    assert list(df.columns)[:3] == ["plan", "focus", "focus_label"]
    assert sum(len(v) for v in bundled.by_plan().values()) == len(bundled)
    assert sum(len(v) for v in bundled.by_focus().values()) == len(bundled)
    assert list(bundled.by_plan()) == [
        "kronoberg-2022-2026",
        "vasteras-2022-2025",
        "vaxjo-2022-2027",
    ]
    # A 3.2.1 commitment has neither an indicator nor a target group: two results, one focus.
    vx = _group(bundled, "vaxjo-2022-2027", "ActivityTargetGroup").focus_nodes[0]
    assert {r.shape.rsplit("#", 1)[-1] for r in bundled.by_focus()[vx]} == {
        "ActivityIndicator",
        "ActivityTargetGroup",
    }
    first = records[0]
    assert first["focus_label"] and first["message"] and first["shape_label"]
    assert "https://" not in first["focus_label"]


def test_the_report_graph_is_a_standard_shacl_report(bundled):
    graph = bundled.graph
    [report] = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    results = list(graph.objects(report, SH.result))
    assert len(results) == len(bundled)  # no actor in the bundled findings is named by two plans
    for node in results:
        assert graph.value(node, SH.focusNode) is not None
        assert graph.value(node, SH.resultSeverity) in (SH.Warning, SH.Info)


def test_summary_and_text_are_grouped_by_plan_and_rule(bundled):
    summary = bundled.summary()
    assert len(summary) == len(bundled.groups()) == 7
    assert "vasteras-2022-2025: Varning: 16 indikatorer saknar mätbart målvärde" in summary
    text = bundled.to_text(examples=2)
    assert text.startswith("Validering av 5 planer: 0 fel, 94 varningar, 37 upplysningar")
    assert "Nationell ANDTS-strategi 2022–2025 (national-2022-2025)\n  Inga anmärkningar." in text
    assert "… och 53 till" in text  # 55 Kronoberg indicators, 2 shown
    assert "https://" not in text
    full = bundled.to_text(examples=None)
    assert full.count("\n    – ") == len({(r.plan, r.shape, r.focus) for r in bundled})


def test_english_report(kg):
    report = validate(kg, lang="en", severity="warning")
    assert (
        "vaxjo-2022-2027: Warning: 23 activities have no indicator (follow-up)" in report.summary()
    )
    assert report.results[0].message.startswith("The indicator states no measurable target")


def test_unknown_severity_or_language_is_a_clear_error(kg, english):
    with pytest.raises(AndtsError, match="unknown severity 'fatal'"):
        validate(kg, severity="fatal")
    with pytest.raises(AndtsError, match="unknown lang 'de'"):
        validate(kg, lang="de")


def test_other_shapes_can_be_given(kg, tmp_path):
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix andts: <https://w3id.org/andtsgraph/ontology#> .
        <urn:x:NoStartYear> a sh:NodeShape ; sh:targetClass andts:NationalStrategy ;
            sh:property [ sh:path andts:validFrom ; sh:maxCount 0 ; sh:message "Inga startår här."@sv ] .""",
        encoding="utf-8",
    )
    report = validate(kg, shapes=shapes)
    assert sorted((r.plan, r.message) for r in report.results) == [
        ("national-2016-2020", "Inga startår här."),
        ("national-2022-2025", "Inga startår här."),
    ]
    assert report.groups()[0].line == "Inga startår här. (1)"


# ---------------------------------------------------------------------------------------------
# Files of one's own
# ---------------------------------------------------------------------------------------------
def test_files_are_validated_in_the_context_of_the_bundled_data(tmp_path):
    case = next(c for c in CASES if c.shape == "PlanNationalAlignment")
    path = _write(_fixture_graph(case), tmp_path)
    report = validate([path])
    # Only the file's plan is reported, although every bundled plan was loaded beside it.
    assert list(report.plans) == ["exempelby-2024-2027"]
    assert [(r.plan, r.shape.rsplit("#", 1)[-1]) for r in report.results] == [
        ("exempelby-2024-2027", "PlanNationalAlignment")
    ]


def test_a_revised_bundled_plan_replaces_the_bundled_one(tmp_path, bundled):
    source = data_dir() / "plans" / "kronoberg-2022-2026.ttl"
    revised = tmp_path / "kronoberg-revised.ttl"
    revised.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    report = validate([revised])
    assert list(report.plans) == ["kronoberg-2022-2026"]
    assert report.summary() == [
        s for s in bundled.summary() if s.startswith("kronoberg-2022-2026:")
    ]


def test_a_bad_file_is_a_data_file_error_with_the_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b .\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        validate([bad])


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------
def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli("validate", *args)


def test_cli_bundled_plans_pass_on_violations_and_fail_on_warnings():
    proc = run()
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Validering av 5 planer: 0 fel, 94 varningar, 37 upplysningar")
    assert "  Varning: 23 insatser saknar indikator (uppföljning)" in proc.stdout
    proc = run("--fail-on", "warning", "--severity", "warning", "--lang", "en")
    assert proc.returncode == 1
    assert "Warning: 23 activities have no indicator (follow-up)" in proc.stdout
    assert "Info:" not in proc.stdout


def test_cli_json_shape(kg):
    proc = run("--format", "json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert sorted(data) == ["conforms", "counts", "groups", "lang", "plans", "results", "severity"]
    assert data["counts"] == {"violation": 0, "warning": 94, "info": 37}
    assert [p["id"] for p in data["plans"]] == [p.id for p in kg.plans]
    assert {g["line"] for g in data["groups"] if g["plan"] == "vaxjo-2022-2027"} == {
        "23 insatser saknar indikator (uppföljning)",
        "4 insatser saknar målgrupp",
    }
    assert len(data["results"]) == 131
    assert set(data["results"][0]) >= {
        "plan",
        "focus",
        "focus_label",
        "path",
        "value",
        "severity",
        "message",
        "shape",
        "source_section",
    }


def test_cli_ttl_is_a_shacl_report(tmp_path):
    case = next(c for c in CASES if c.shape == "ActivityParent")
    path = _write(_fixture_graph(case), tmp_path)
    proc = run(str(path), "--format", "ttl")
    assert proc.returncode == 1  # a violation
    graph = Graph().parse(data=proc.stdout, format="turtle")
    [report] = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    # Two results of one rule: a-1 now has two parents, and one of them is of the wrong kind.
    results = list(graph.objects(report, SH.result))
    assert len(results) == 2
    for result in results:
        assert graph.value(result, SH.sourceShape) == ANDTSH.ActivityParent
        assert graph.value(result, SH.focusNode) == URIRef(EX + "a-1")
        assert graph.value(result, SH.resultSeverity) == SH.Violation


def test_cli_text_for_a_file_of_ones_own(tmp_path):
    case = next(c for c in CASES if c.shape == "GoalServed")
    path = _write(_fixture_graph(case), tmp_path)
    proc = run(str(path), "--lang", "en")
    assert proc.returncode == 0  # a warning only
    assert proc.stdout.splitlines()[:4] == [
        "Validation of 1 plan: 0 violations, 1 warning, 0 infos",
        "",
        "ANDTS-plan för Exempelby kommun 2024–2027 (exempelby-2024-2027)",
        "  Warning: 1 goal or area has no activity",
    ]
    assert "    – Spel om pengar [1.1.2]" in proc.stdout
    assert run(str(path), "--fail-on", "warning").returncode == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "bad.ttl",
            "@prefix ex: <http://e/> .\nex:a ex:b .\n",
            "bad.ttl, line 2: turtle syntax error",
        ),
        ("plan.docx", "PK\x03\x04 not rdf", "plan.docx: unknown RDF format"),
        ("missing.ttl", None, "missing.ttl: no such file"),
    ],
)
def test_cli_input_errors_are_one_line_and_exit_2(tmp_path, name, content, expected):
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    proc = run(str(tmp_path / name), "--lang", "en")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("andtsgraph: error: ")
    assert expected in lines[0]
    assert proc.stdout == ""


def test_cli_unknown_format_is_a_usage_error():
    proc = run("--format", "docx")
    assert proc.returncode == 2
    assert "invalid choice: 'docx'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_help():
    proc = run("--help")
    assert proc.returncode == 0
    assert "--fail-on {violation,warning}" in proc.stdout


def test_blank_node_results_keep_their_identity_in_records(tmp_path):
    # The record's "_:id" is the blank node of the data and of the SHACL report graph.
    case = next(c for c in CASES if c.shape == "ComponentIdentifier")
    report = validate(_kg_with(_write(_fixture_graph(case), tmp_path)))
    [result] = report.results
    assert result.focus.startswith("_:")
    assert list(report.graph.objects(None, SH.focusNode)) == [BNode(result.focus[2:])]
    assert result.focus_label == "Antal tillsynsbesök."
