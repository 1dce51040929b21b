"""Where each result belongs and how it reads: the plans, labels and source section of the
nodes results are about, looked up in the data.

The lookups are the same few questions whatever holds the data (:class:`Facts`): rdflib
graphs (:class:`GraphFacts`), or the Oxigraph store itself (:class:`StoreFacts`, by its
indexes, one node at a time and only for the nodes results name: a national corpus has
hundreds of thousands of statements, of which a report reads a few per result). Every answer
is kept, so a node named by many results is looked up once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Protocol

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from andtsgraph.messages import text as _t
from andtsgraph.namespaces import (
    ANDTS,
    ONTOLOGY_GRAPH,
    PLAN_KINDS,
    PREFIXES,
    plan_graph,
    plan_id_of,
)

__all__ = [
    "ACTOR_LINKS",
    "LABEL_PROPERTIES",
    "Context",
    "Facts",
    "GraphFacts",
    "StoreFacts",
    "compact",
]

#: Properties linking a plan part to an actor: an actor's results belong to the plans naming it.
ACTOR_LINKS = (
    ANDTS.responsible,
    ANDTS.lead,
    ANDTS.partner,
    ANDTS.involves,
    DCTERMS.publisher,
    ANDTS.adoptedBy,
    ANDTS.documentOwner,
)

#: Where a label is read from, in this order (a language found earlier wins).
LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, DCTERMS.title)

Labels = dict[str, str]

# Read once: rdflib makes a new term at each attribute lookup of a namespace.
_IN_PLAN, _SOURCE_SECTION, _TARGET = ANDTS.inPlan, ANDTS.sourceSection, ANDTS.target


class Facts(Protocol):
    """What :class:`Context` asks of the data."""

    def plans(self) -> dict[Node, str]:
        """Each plan node (typed with one of the plan classes) → its plan id."""
        ...

    def texts(self, node: Node, prop: URIRef) -> list[str]:
        """The values of ``prop`` on ``node``, as text (an IRI, a literal's lexical form)."""
        ...

    def subjects(self, prop: URIRef, node: Node) -> list[Node]:
        """The nodes whose ``prop`` is ``node``."""
        ...

    def labels(self, node: Node, first: str | None = None) -> Labels:
        """Language (``""`` for none) → the node's label in it (see :data:`LABEL_PROPERTIES`).
        With ``first``, the lookup may stop once a label in that language is found."""
        ...

    def graphs_of(self, node: Node, names: Collection[str]) -> list[str]:
        """Of the named graphs ``names``, those that say something about ``node``."""
        ...


def _label_index(graphs: Iterable[Graph]) -> dict[Node, Labels]:
    index: dict[Node, Labels] = defaultdict(dict)
    for prop in LABEL_PROPERTIES:
        for graph in graphs:
            for s, o in graph.subject_objects(prop):
                if isinstance(o, Literal):
                    index[s].setdefault(o.language or "", str(o))
    return index


class GraphFacts:
    """The facts of rdflib graphs: ``data`` (the union validated) and ``graphs`` (each named
    graph; the plan graphs say which nodes a plan describes), and the labels of ``shapes``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> data = Graph().parse(data='<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@sv .',
    ...                      format="turtle")
    >>> GraphFacts({}, data, Graph()).labels(URIRef("urn:a"))
    {'sv': 'A'}
    """

    def __init__(self, graphs: Mapping[str, Graph], data: Graph, shapes: Graph) -> None:
        self.graphs = graphs
        self.data = data
        ontology = graphs.get(str(ONTOLOGY_GRAPH), Graph())
        self._labels = _label_index([data, ontology, shapes])
        self._described: dict[str, set[Node]] = {}

    def plans(self) -> dict[Node, str]:
        return {
            s: plan_id_of(str(s))
            for cls in PLAN_KINDS
            for s in self.data.subjects(RDF.type, URIRef(cls))
        }

    def texts(self, node: Node, prop: URIRef) -> list[str]:
        return [str(o) for o in self.data.objects(node, prop)]

    def subjects(self, prop: URIRef, node: Node) -> list[Node]:
        return list(self.data.subjects(prop, node))

    def labels(self, node: Node, first: str | None = None) -> Labels:
        return self._labels.get(node, {})

    def graphs_of(self, node: Node, names: Collection[str]) -> list[str]:
        found = []
        for name in names:
            if name not in self._described:
                self._described[name] = set(self.graphs.get(name, Graph()).subjects())
            if node in self._described[name]:
                found.append(name)
        return found


class StoreFacts:
    """The facts of a pyoxigraph store (every graph in it), read by its indexes; the labels of
    ``shapes`` (an rdflib graph) after the store's.

    Nodes are given as rdflib terms; what a lookup finds comes back as text, without making an
    rdflib term of it (but for :meth:`subjects`, whose nodes are looked up in turn).
    """

    def __init__(self, store: Any, shapes: Graph) -> None:
        import pyoxigraph as ox

        from andtsgraph.backends.oxigraph_memory import to_oxigraph, to_rdflib

        self._store = store
        self._literal = ox.Literal
        self._named = ox.NamedNode
        self._to_oxigraph = to_oxigraph
        self._rdflib = to_rdflib
        self._shape_labels = _label_index([shapes])
        self._props: dict[Node, Any] = {}
        self._terms: dict[Node, Any] = {}

    def _term(self, node: Node) -> Any:
        found = self._terms.get(node)
        if found is None:
            found = self._terms[node] = self._to_oxigraph(node)
        return found

    def _prop(self, prop: URIRef) -> Any:
        found = self._props.get(prop)
        if found is None:
            found = self._props[prop] = self._to_oxigraph(prop)
        return found

    def plans(self) -> dict[Node, str]:
        kind = self._prop(RDF.type)
        return {
            URIRef(q.subject.value): plan_id_of(q.subject.value)
            for cls in PLAN_KINDS
            for q in self._store.quads_for_pattern(None, kind, self._named(cls), None)
            if isinstance(q.subject, self._named)
        }

    def texts(self, node: Node, prop: URIRef) -> list[str]:
        if isinstance(node, Literal):
            return []
        quads = self._store.quads_for_pattern(self._term(node), self._prop(prop), None, None)
        values = [q.object.value for q in quads]
        return values if len(values) < 2 else list(dict.fromkeys(values))

    def subjects(self, prop: URIRef, node: Node) -> list[Node]:
        quads = self._store.quads_for_pattern(None, self._prop(prop), self._term(node), None)
        found = (self._rdflib(q.subject) for q in quads)
        return [term for term in dict.fromkeys(found) if term is not None]

    def labels(self, node: Node, first: str | None = None) -> Labels:
        if isinstance(node, Literal):
            return {}
        term = self._term(node)
        shapes = self._shape_labels.get(node)
        labels: Labels = {}
        for prop in LABEL_PROPERTIES:
            for q in self._store.quads_for_pattern(term, self._prop(prop), None, None):
                o = q.object
                if isinstance(o, self._literal):
                    labels.setdefault(o.language or "", o.value)
            if shapes:
                for lang, label in shapes.items():
                    labels.setdefault(lang, label)
            if first in labels:  # a label in the wanted language: none found later is chosen
                break
        return labels

    def graphs_of(self, node: Node, names: Collection[str]) -> list[str]:
        if isinstance(node, Literal):
            return []
        found: dict[str, None] = {}
        for q in self._store.quads_for_pattern(self._term(node), None, None, None):
            name = q.graph_name
            if isinstance(name, self._named) and name.value in names:
                found[name.value] = None
        return list(found)


class Context:
    """The plans, labels and source sections of the nodes results are about, in one language.

    Examples
    --------
    >>> from rdflib import Graph
    >>> data = Graph().parse(data='''
    ...     @prefix andts: <https://w3id.org/andtsgraph/ontology#> .
    ...     <https://w3id.org/andtsgraph/plan/p> a andts:MunicipalPlan .
    ...     <urn:a> andts:inPlan <https://w3id.org/andtsgraph/plan/p> ; andts:sourceSection "2.1" .''',
    ...     format="turtle")
    >>> context = Context(GraphFacts({}, data, Graph()), "sv")
    >>> context.plans_of(URIRef("urn:a")), context.source_section(URIRef("urn:a"))
    (['p'], '2.1')
    """

    def __init__(self, facts: Facts, lang: str) -> None:
        self.facts = facts
        self.lang = lang
        self.plan_ids = facts.plans()
        self._plan_of_iri = {str(node): plan for node, plan in self.plan_ids.items()}
        self._plan_of_graph = {plan_graph(plan): plan for plan in self.plan_ids.values()}
        self._plans: dict[Node, list[str]] = {}
        self._labels: dict[Node, str] = {}
        self._sections: dict[Node, str | None] = {}
        self._targets: dict[Node, Node | None] = {}

    def plans_of(self, node: Node) -> list[str]:
        """The plans a node belongs to: its own, its part's (``andts:inPlan``), those whose
        graph describes it, or those naming it as an actor (see :data:`ACTOR_LINKS`)."""
        found = self._plans.get(node)
        if found is None:
            self._plans[node] = []  # while it is looked up: an actor naming itself, a cycle
            found = self._plans[node] = self._find_plans(node)
        return found

    def _find_plans(self, node: Node) -> list[str]:
        if node in self.plan_ids:
            return [self.plan_ids[node]]
        in_plan = self.facts.texts(node, _IN_PLAN)
        if in_plan:
            return sorted(self._plan_of_iri.get(iri) or plan_id_of(iri) for iri in in_plan)
        described = self.facts.graphs_of(node, self._plan_of_graph.keys())
        if described:
            return sorted(self._plan_of_graph[name] for name in described)
        naming: set[str] = set()
        for prop in ACTOR_LINKS:
            for subject in self.facts.subjects(prop, node):
                if subject != node:
                    naming.update(self.plans_of(subject))
        return sorted(naming)

    def target_indicator(self, node: Node) -> Node | None:
        """The indicator whose ``andts:target`` a blank node is (None for other nodes)."""
        if not isinstance(node, BNode):
            return None
        if node not in self._targets:
            found = self.facts.subjects(_TARGET, node)
            self._targets[node] = found[0] if found else None
        return self._targets[node]

    def labels(self, node: Node) -> Labels:
        """Language → label of ``node``, as the data (then the shapes) give them."""
        return self.facts.labels(node)

    def label(self, node: Node | None) -> str:
        """The node's label in the report language (then Swedish, then any), else for a blank
        target "target of <its indicator>", else a short name."""
        if node is None:
            return ""
        found = self._labels.get(node)
        if found is None:
            found = self._labels[node] = self._label(node)
        return found

    def _label(self, node: Node) -> str:
        labels = self.facts.labels(node, self.lang)
        if labels:
            for lang in (self.lang, "sv", "en", ""):
                if lang in labels:
                    return labels[lang]
            return next(iter(labels.values()))
        if isinstance(node, BNode):
            indicator = self.target_indicator(node)
            if indicator is not None:
                return _t("validation.target", self.lang, indicator=self.label(indicator))
            return f"_:{node}"
        if isinstance(node, Literal):
            return str(node)
        return compact(str(node))

    def source_section(self, node: Node) -> str | None:
        """Where the node is printed in its source (a blank target: its indicator's)."""
        if node not in self._sections:
            found = self.facts.texts(node, _SOURCE_SECTION)
            if not found:
                indicator = self.target_indicator(node)
                if indicator is not None:
                    found = self.facts.texts(indicator, _SOURCE_SECTION)
            self._sections[node] = found[0] if found else None
        return self._sections[node]


_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def compact(iri: str) -> str:
    """An IRI as a prefixed name when a project prefix covers it, else in angle brackets.

    Examples
    --------
    >>> compact("https://w3id.org/andtsgraph/ontology#Activity"), compact("urn:x")
    ('andts:Activity', '<urn:x>')
    """
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and "/" not in iri[len(ns) :]:
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"
