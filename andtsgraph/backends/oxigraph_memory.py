"""pyoxigraph's in-memory store: a compiled SPARQL engine, 10–200× faster than rdflib's on
aggregate queries. rdflib terms go in and come out; pyoxigraph stays inside this module."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import SelectRows, dataset_of
from andtsgraph.sparql_text import bind_with_values


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_rdflib(term) -> Node | None:
    """Convert a pyoxigraph term (or None) to an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r}")


class OxigraphMemoryBackend:
    """Quads in a pyoxigraph ``Store``; queries see the union of all named graphs by default."""

    name = "oxigraph"

    def __init__(self) -> None:
        self._store = ox.Store()

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        context = ox.NamedNode(graph)
        self._store.bulk_extend(
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), context) for s, p, o in triples
        )

    def graph_names(self) -> list[str]:
        return sorted(
            g.value
            for g in self._store.named_graphs()
            if isinstance(g, ox.NamedNode) and self._nonempty(g)
        )

    def _nonempty(self, graph: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def graph(self, name: str) -> Graph:
        graph = Graph(identifier=URIRef(name))
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return graph

    def _run(self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]):
        # pyoxigraph's substitutions only bind projected variables (SEP-0007); a parameter used
        # only in a FILTER would be refused, so parameters go into a VALUES block, exactly as
        # they do for a remote server.
        return self._store.query(
            bind_with_values(sparql, bindings),
            prefixes=dict(prefixes),
            use_default_graph_as_union=True,
        )

    def select(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> SelectRows:
        solutions = self._run(sparql, bindings, prefixes)
        columns = [v.value for v in solutions.variables]
        rows = [
            tuple(to_rdflib(solution[i]) for i in range(len(columns))) for solution in solutions
        ]
        return SelectRows(columns, rows)

    def ask(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> bool:
        return bool(self._run(sparql, bindings, prefixes))

    def construct(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Graph:
        graph = Graph()
        for triple in self._run(sparql, bindings, prefixes):
            graph.add(
                (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
            )
        return graph

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        return len(self._store)
