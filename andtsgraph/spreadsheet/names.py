"""Names ↔ IRIs: the actor registry, the vocabularies and the ontology's own labels, as the
template shows them and as people type them.

A name is matched exactly first (any label or alternative label), then after
:func:`normalise` (case, spacing, hyphens and dashes), so "polisen", "Polisen" and
"POLISEN" all find ``actor:polisen``. Everything here is read from the loaded knowledge
graph through SPARQL, never hard-coded, so a new vocabulary concept or registry actor is in
the template's drop-downs as soon as it is in ``data/``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from andtsgraph.namespaces import ACTOR, ANDTS, GRAPH, PLAN, plan_id_of
from andtsgraph.spreadsheet.layout import (
    ACTOR_CLASSES,
    AREA_CLASSES,
    DOCUMENT_CLASSES,
    GOAL_CLASSES,
    LINK_PREDICATES,
    PLAN_CLASSES,
)

if TYPE_CHECKING:
    from andtsgraph.knowledge_graph import KnowledgeGraph

__all__ = [
    "CLASS_GROUPS",
    "COMPARATORS",
    "CONCEPT_CLASSES",
    "NATIONAL_GOAL",
    "NameIndex",
    "Registry",
    "normalise",
    "slug",
]

#: Vocabulary kinds of the template's concept columns, and the classes of their concepts.
CONCEPT_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "substance": (ANDTS.Substance,),
    "level": (ANDTS.PreventionLevel,),
    "group": (ANDTS.TargetGroup,),
    "method": (ANDTS.Method,),
    "perspective": (ANDTS.Perspective,),
    "factor": (ANDTS.RiskFactor, ANDTS.ProtectiveFactor, ANDTS.Factor),
}

#: Groups of ontology classes a ``Typ`` column chooses between (the first is the default).
CLASS_GROUPS: dict[str, tuple[URIRef, ...]] = {
    "plan": PLAN_CLASSES,
    "goal": GOAL_CLASSES,
    "area": AREA_CLASSES,
    "document": DOCUMENT_CLASSES,
    "actor": ACTOR_CLASSES,
}

COMPARATORS = (ANDTS.atLeast, ANDTS.exactly, ANDTS.atMost)

#: How a national goal is written in the template: "Nationellt mål 3".
NATIONAL_GOAL = "Nationellt mål {}"

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_NO_GRAPH = URIRef("urn:x-andtsgraph:no-graph")


def normalise(name: str) -> str:
    """Return ``name`` as it is compared loosely: case-folded, dashes and hyphens as spaces,
    runs of spaces as one.

    Examples
    --------
    >>> normalise("  Region   KRONOBERG ") == normalise("region kronoberg")
    True
    >>> normalise("ANDTS‑samordnare")
    'andts samordnare'
    """
    text = unicodedata.normalize("NFC", name).casefold()
    text = _DASHES.sub(" ", text)
    return " ".join(text.split()).strip(" .,")


def slug(text: str, limit: int = 60) -> str:
    """Return a lower-case ASCII id made from ``text``: "Region Kronoberg" → "region-kronoberg".

    Examples
    --------
    >>> slug("Exempelby kommun (fiktiv)")
    'exempelby-kommun-fiktiv'
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    )
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:limit].rstrip("-")


class NameIndex:
    """Names of a set of IRIs: look an IRI up by name, and find the name to show for one."""

    def __init__(self) -> None:
        self._exact: dict[str, set[URIRef]] = defaultdict(set)
        self._loose: dict[str, set[URIRef]] = defaultdict(set)
        self._shown: dict[URIRef, str] = {}
        self._names: dict[URIRef, list[str]] = defaultdict(list)
        self._iris: set[URIRef] = set()

    def add(self, iri: URIRef, name: str, *, shown: bool = False, written: bool = True) -> None:
        """Record ``name`` for ``iri``; ``shown`` makes it the name the template writes,
        and a name that is not ``written`` is only read (an English label, say)."""
        name = str(name).strip()
        if not name:
            return
        self._exact[name].add(iri)
        self._loose[normalise(name)].add(iri)
        self._iris.add(iri)
        if not written:
            return
        if name not in self._names[iri]:
            self._names[iri].append(name)
        if shown or iri not in self._shown:
            self._shown[iri] = name

    def find(self, name: str) -> set[URIRef]:
        """Return the IRIs that ``name`` names: exact matches if any, else loose ones."""
        return self.find_exact(name) or self.find_loose(name)

    def find_exact(self, name: str) -> set[URIRef]:
        """Return the IRIs that have exactly the name ``name``."""
        return set(self._exact.get(name.strip(), ()))

    def find_loose(self, name: str) -> set[URIRef]:
        """Return the IRIs that have ``name`` once both are normalised (:func:`normalise`)."""
        return set(self._loose.get(normalise(name), ()))

    def shown(self, iri: Node) -> str | None:
        """The name the template writes for ``iri``, or None if it has none."""
        return self._shown.get(iri) if isinstance(iri, URIRef) else None

    def names_of(self, iri: Node) -> list[str]:
        """Every name of ``iri``, the shown one first."""
        names = self._names.get(iri, []) if isinstance(iri, URIRef) else []
        shown = self.shown(iri)
        return [shown, *(n for n in names if n != shown)] if shown else list(names)

    def names(self) -> list[str]:
        """The shown names, in the order they were added."""
        return list(self._shown.values())

    def __contains__(self, iri: object) -> bool:
        return iri in self._iris


class Registry:
    """Everything a template's names are resolved against, read from a knowledge graph.

    Attributes
    ----------
    actors : NameIndex
        Actors of the registry (and of other loaded plans), by label and alternative label.
    actor_types : dict
        Actor IRI → its actor classes.
    concepts : dict
        Vocabulary kind (``"substance"``, ``"level"`` …) → its concepts by name.
    classes : dict
        Class group (``"plan"``, ``"goal"`` …) → the ontology classes by label.
    comparators, link_predicates, national_goals : NameIndex
        The target comparators, curated-link predicates and national goals by name.
    plans : dict
        Loaded plan id → plan IRI.
    unit_of : dict
        Actor IRI → the organisation whose scope it is in: its ``org:unitOf``, or else the
        actor its IRI is under (``actor/<owner>/<slug>``). An actor without one is shared
        (a national or regional body, a municipality itself).
    """

    def __init__(self) -> None:
        self.actors = NameIndex()
        self.actor_types: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.concepts = {kind: NameIndex() for kind in CONCEPT_CLASSES}
        self.classes = {group: NameIndex() for group in CLASS_GROUPS}
        self.comparators = NameIndex()
        self.link_predicates = NameIndex()
        self.national_goals = NameIndex()
        self.plans: dict[str, URIRef] = {}
        self.unit_of: dict[URIRef, URIRef] = {}

    @classmethod
    def from_kg(cls, kg: KnowledgeGraph, *, exclude_plan: str | None = None) -> Registry:
        """Read the registry from ``kg``.

        Parameters
        ----------
        kg : KnowledgeGraph
            The loaded graph (ontology, vocabularies, actors, plans).
        exclude_plan : str, optional
            A plan id whose own named graph is left out: when that plan is exported, the
            actors it defines itself go to its Aktörer sheet, not into the registry.

        Examples
        --------
        >>> from andtsgraph import load
        >>> registry = Registry.from_kg(load())
        >>> sorted(str(i).rsplit("/", 1)[-1] for i in registry.actors.find("polisen"))
        ['polisen']
        """
        registry = cls()
        excluded = URIRef(f"{GRAPH}plan/{exclude_plan}") if exclude_plan else _NO_GRAPH
        registry._read_actors(kg, excluded)
        registry._read_concepts(kg, exclude_plan)
        registry._read_ontology_labels(kg)
        registry._read_national_goals(kg)
        for (plan,) in kg.query(_PLANS).terms:
            if isinstance(plan, URIRef):
                registry.plans[plan_id_of(str(plan))] = plan
        return registry

    def _read_actors(self, kg: KnowledgeGraph, excluded: URIRef) -> None:
        # Only an IRI can be named in a template: a blank-node actor has no name to find.
        for actor, actor_class in kg.query(_ACTORS, exclude=excluded).terms:
            if isinstance(actor, URIRef) and isinstance(actor_class, URIRef):
                self.actor_types[actor].add(actor_class)
        for actor, owner in kg.query(_UNITS, exclude=excluded).terms:
            if (
                isinstance(actor, URIRef)
                and actor in self.actor_types
                and isinstance(owner, URIRef)
            ):
                self.unit_of[actor] = owner
        # An IRI under another actor's (actor/vaxjo-kommun/restaurangerna) is that actor's
        # scope even where no org:unitOf is stated (a group the plan names but its
        # organisation does not own): another plan's name never matches it either.
        base = str(ACTOR)
        for actor in self.actor_types:
            local = str(actor)[len(base) :] if str(actor).startswith(base) else ""
            if actor not in self.unit_of and "/" in local:
                self.unit_of[actor] = ACTOR[local.split("/", 1)[0]]
        # Swedish labels first, so that the name the template shows is the Swedish one.
        for actor, _prop, name in sorted(
            kg.query(_ACTOR_NAMES, exclude=excluded).terms, key=_label_order
        ):
            if isinstance(actor, URIRef) and actor in self.actor_types:
                # The template is Swedish: English labels find an actor but are not written.
                english = isinstance(name, Literal) and name.language == "en"
                self.actors.add(actor, str(name), written=not english)

    def _read_concepts(self, kg: KnowledgeGraph, own_plan: str | None = None) -> None:
        kind_of = {c: kind for kind, classes in CONCEPT_CLASSES.items() for c in classes}
        # A plan's own concepts (a method it brought, plan:<id>/method-…) are that plan's:
        # another plan naming the same method gets a concept of its own.
        own = f"{PLAN}{own_plan}/" if own_plan else None
        rows = sorted(
            (
                r
                for r in kg.query(_CONCEPTS).terms
                if not str(r[0]).startswith(str(PLAN)) or (own and str(r[0]).startswith(own))
            ),
            key=_label_order,
        )
        named = [
            (concept, kind_of[concept_class], name)
            for concept, concept_class, _prop, name in rows
            if isinstance(concept, URIRef) and isinstance(concept_class, URIRef)
        ]
        for concept, kind, name in named:
            self.concepts[kind].add(concept, str(name))
        for concept, kind, _name in named:
            self.concepts[kind].add(concept, str(concept).rsplit("/", 1)[-1])

    def _read_ontology_labels(self, kg: KnowledgeGraph) -> None:
        indexes = {
            c: self.classes[group] for group, classes in CLASS_GROUPS.items() for c in classes
        }
        indexes.update({c: self.comparators for c in COMPARATORS})
        indexes.update({p: self.link_predicates for p in LINK_PREDICATES})
        labels = kg.query(_LABELS).terms
        # Declared order first (it is the drop-down's order), each term's Swedish label shown.
        for term, index in indexes.items():
            for _, _prop, label in sorted((r for r in labels if r[0] == term), key=_label_order):
                index.add(term, str(label))
            index.add(term, str(term).rsplit("#", 1)[-1])

    def _read_national_goals(self, kg: KnowledgeGraph) -> None:
        for goal, notation in sorted(kg.query(_NATIONAL_GOALS).terms, key=lambda r: str(r[1])):
            if isinstance(goal, URIRef):
                self.national_goals.add(goal, NATIONAL_GOAL.format(notation), shown=True)

    def _actor_names(self) -> list[str]:
        """One name per shared registry actor that finds that actor alone, else its prefixed
        IRI. An organisation's own bodies are left out: a plan of another organisation
        cannot name them."""
        names = []
        for actor in self.actor_types:
            if actor in self.unit_of:
                continue
            name = _unique_name(self.actors, actor)
            names.append(name or "actor:" + str(actor).rsplit("/", 1)[-1])
        return names

    def in_scope(self, actor: URIRef, owner: URIRef | None) -> bool:
        """Whether a name in a plan of ``owner`` may be matched to the registry's ``actor``:
        a shared body always, another organisation's own body never (docs/modelling.md,
        "Actors")."""
        unit = self.unit_of.get(actor)
        return unit is None or unit == owner

    def is_empty(self) -> bool:
        """Whether the graph it was read from held no vocabularies (nothing to match)."""
        return not any(index.names() for index in self.concepts.values())

    def choices(self, list_name: str) -> list[str]:
        """The values of the drop-down list ``list_name`` (see the layout's ``choices``)."""
        concept_lists = {
            "substances": "substance",
            "levels": "level",
            "target_groups": "group",
            "methods": "method",
            "perspectives": "perspective",
            "factors": "factor",
        }
        class_lists = {
            "plan_kinds": "plan",
            "goal_kinds": "goal",
            "area_kinds": "area",
            "document_kinds": "document",
            "actor_kinds": "actor",
        }
        if list_name in concept_lists:
            return sorted(self.concepts[concept_lists[list_name]].names(), key=str.casefold)
        if list_name in class_lists:
            return self.classes[class_lists[list_name]].names()
        fixed = {
            "comparators": self.comparators.names(),
            "link_kinds": self.link_predicates.names(),
            "actors": sorted(self._actor_names(), key=str.casefold),
            "link_targets": sorted(self.concepts["factor"].names(), key=str.casefold)
            + self.national_goals.names(),
            "periods": ["år", "halvår", "månad", "vecka", "dag"],
            "languages": ["sv", "en"],
            "graphs": ["plan", "kopplingar"],
            "yes_no": ["ja", "nej"],
        }
        return fixed[list_name]


def _unique_name(index: NameIndex, iri: URIRef) -> str | None:
    """The first name of ``iri`` that finds it and no other IRI."""
    return next((n for n in index.names_of(iri) if index.find(n) == {iri}), None)


def _label_order(row: Sequence[Node | None]) -> tuple[int, bool, str]:
    """Sort key: Swedish names first, then untagged, then English; within each,
    rdfs:label/prefLabel before altLabel."""
    *_, prop, name = row
    lang = name.language if isinstance(name, Literal) else None
    alt = "altLabel" in str(prop)
    return ({"sv": 0, "": 1, "en": 2}.get(lang or "", 3), alt, str(name))


_ACTOR_VALUES = " ".join(c.n3() for c in ACTOR_CLASSES)
_ACTORS = f"""SELECT DISTINCT ?actor ?class WHERE {{
  VALUES ?class {{ {_ACTOR_VALUES} }}
  GRAPH ?g {{ ?actor a ?class }}
  FILTER(?g != ?exclude)
}}"""
_UNITS = f"""SELECT DISTINCT ?actor ?owner WHERE {{
  VALUES ?class {{ {_ACTOR_VALUES} }}
  GRAPH ?g {{ ?actor a ?class }}
  FILTER(?g != ?exclude)
  ?actor org:unitOf ?owner .
}}"""
_ACTOR_NAMES = f"""SELECT DISTINCT ?actor ?prop ?name WHERE {{
  VALUES ?class {{ {_ACTOR_VALUES} }}
  VALUES ?prop {{ rdfs:label skos:altLabel }}
  GRAPH ?g {{ ?actor a ?class }}
  FILTER(?g != ?exclude)
  ?actor ?prop ?name .
}}"""
_CONCEPTS = f"""SELECT DISTINCT ?concept ?class ?prop ?name WHERE {{
  VALUES ?class {{ {" ".join(c.n3() for cs in CONCEPT_CLASSES.values() for c in cs)} }}
  VALUES ?prop {{ skos:prefLabel skos:altLabel }}
  ?concept a ?class ; ?prop ?name .
}}"""
_LABELS = """SELECT DISTINCT ?term ?prop ?label WHERE {
  VALUES ?prop { rdfs:label }
  ?term ?prop ?label .
  FILTER(STRSTARTS(STR(?term), "https://w3id.org/andtsgraph/ontology#"))
}"""
# "Nationellt mål 3" means the current edition's goal: a strategy that a later one replaces
# (ANDT 2016–2020, replaced by ANDTS 2022–2025) is left out, so the name stays unique.
_NATIONAL_GOALS = """SELECT DISTINCT ?goal ?notation WHERE {
  ?plan a andts:NationalStrategy .
  FILTER NOT EXISTS { ?newer dcterms:replaces ?plan }
  FILTER NOT EXISTS { ?plan dcterms:isReplacedBy ?newer }
  ?goal andts:inPlan ?plan ; skos:notation ?notation .
}"""
_PLANS = """SELECT DISTINCT ?plan WHERE {
  VALUES ?class { andts:NationalStrategy andts:RegionalPlan andts:MunicipalPlan }
  ?plan a ?class .
}"""
