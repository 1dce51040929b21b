"""rdflib's in-memory Dataset: pure Python, no extra dependency; fine for a few plans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyparsing import ParseException
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import SelectRows, dataset_of
from andtsgraph.errors import QueryError
from andtsgraph.sparql_text import syntax_error

__all__ = [
    "RdflibMemoryBackend",
]


class RdflibMemoryBackend:
    """Quads in an rdflib ``Dataset`` whose default graph is the union of all named graphs."""

    name = "memory"
    writable = True

    def __init__(self) -> None:
        self._ds = Dataset(default_union=True)

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        ctx = self._ds.graph(URIRef(graph))
        self._ds.addN((s, p, o, ctx) for s, p, o in triples)

    def graph_names(self) -> list[str]:
        return sorted(
            str(g.identifier)
            for g in self._ds.graphs()
            if len(g)
            and isinstance(g.identifier, URIRef)
            and g.identifier != URIRef("urn:x-rdflib:default")
        )

    def graph(self, name: str) -> Graph:
        # A copy, as every store gives: the Dataset's own graph is a live view.
        copy = Graph(identifier=URIRef(name))
        copy += self._ds.graph(URIRef(name))
        return copy

    def _run(self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]):
        try:
            return self._ds.query(sparql, initNs=dict(prefixes), initBindings=dict(bindings))
        except ParseException as exc:
            raise QueryError(
                syntax_error(sparql, exc.lineno, exc.col, str(exc.msg).removeprefix("Expected "))
            ) from None

    def select(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> SelectRows:
        result = self._run(sparql, bindings, prefixes)
        columns = [str(v) for v in (result.vars or [])]
        return SelectRows(columns, [tuple(row) for row in result])

    def ask(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> bool:
        return bool(self._run(sparql, bindings, prefixes).askAnswer)

    def construct(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Graph:
        return self._run(sparql, bindings, prefixes).graph

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        return sum(
            len(g) for g in self._ds.graphs() if g.identifier != URIRef("urn:x-rdflib:default")
        )
