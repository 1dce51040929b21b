"""Namespaces of the ontology, the data and the reused standard vocabularies."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "ACTOR",
    "ACTORS_GRAPH",
    "ANDTS",
    "BASE",
    "CLOSURE_GRAPH",
    "GRAPH",
    "LINKS_GRAPH",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "PLAN",
    "PLAN_KINDS",
    "PREFIXES",
    "VOCAB",
    "VOCAB_GRAPH",
    "plan_graph",
    "plan_id_of",
]

BASE = "https://w3id.org/andtsgraph/"

ANDTS = Namespace(BASE + "ontology#")
PLAN = Namespace(BASE + "plan/")
ACTOR = Namespace(BASE + "actor/")
GRAPH = Namespace(BASE + "graph/")
VOCAB = Namespace(BASE + "vocab/")

ONTOLOGY_IRI = BASE + "ontology"

#: Named graphs that are not plans.
ONTOLOGY_GRAPH = GRAPH["ontology"]
VOCAB_GRAPH = GRAPH["vocab"]
ACTORS_GRAPH = GRAPH["actors"]
LINKS_GRAPH = GRAPH["links"]
#: The class closure: ``?x a ?super`` for every type ``?x`` has by rdfs:subClassOf, derived at
#: load (``?p a andts:Plan`` finds every plan, on every store and server).
CLOSURE_GRAPH = GRAPH["closure"]

#: Prefixes predeclared for every query run through andtsgraph (catalog files declare their own).
PREFIXES: dict[str, str] = {
    "andts": str(ANDTS),
    "plan": str(PLAN),
    "vx": str(PLAN) + "vaxjo-2022-2027/",
    "kr": str(PLAN) + "kronoberg-2022-2026/",
    "vs": str(PLAN) + "vasteras-2022-2025/",
    "nat": str(PLAN) + "national-2022-2025/",
    "actor": str(ACTOR),
    "role": str(ACTOR) + "role/",
    "substance": str(VOCAB) + "substance/",
    "level": str(VOCAB) + "prevention-level/",
    "factor": str(VOCAB) + "factor/",
    "domain": str(VOCAB) + "factor-domain/",
    "group": str(VOCAB) + "target-group/",
    "method": str(VOCAB) + "method/",
    "perspective": str(VOCAB) + "perspective/",
    "term": str(VOCAB) + "glossary/",
    "link": BASE + "link/",
    "org": str(ORG),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

#: The classes whose instances are plans, most specific first, with the kind shown to users.
PLAN_KINDS: dict[str, str] = {
    str(ANDTS.NationalStrategy): "national",
    str(ANDTS.RegionalPlan): "regional",
    str(ANDTS.MunicipalPlan): "municipal",
}


def plan_graph(plan_id: str) -> str:
    """Return the IRI of the named graph that holds the plan with id ``plan_id``."""
    return f"{GRAPH}plan/{plan_id}"


def plan_id_of(iri: str) -> str:
    """Return the id of a plan IRI: its last path segment (``…/plan/vaxjo-2022-2027``)."""
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
