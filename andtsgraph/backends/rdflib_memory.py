"""rdflib's in-memory Dataset: pure Python, no extra dependency; fine for a few plans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pyparsing import ParseException
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import dataset_of
from andtsgraph.backends.embedded import EmbeddedStore
from andtsgraph.errors import QueryError
from andtsgraph.sparql_text import syntax_error

__all__ = [
    "RdflibMemoryBackend",
]


class RdflibMemoryBackend(EmbeddedStore):
    """Quads in an rdflib ``Dataset`` whose default graph is the union of all named graphs."""

    name = "memory"

    def __init__(self, *, allow_service: bool = False) -> None:
        super().__init__(allow_service=allow_service)
        self._ds = Dataset(default_union=True)

    def _answer(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Result:
        try:
            return self._ds.query(sparql, initNs=dict(prefixes), initBindings=dict(bindings))
        except ParseException as exc:
            raise QueryError(
                syntax_error(sparql, exc.lineno, exc.col, str(exc.msg).removeprefix("Expected "))
            ) from None

    def _solutions(self, answer: Result) -> tuple[list[str], Iterable[tuple[Any, ...]]] | None:
        if answer.type != "SELECT":
            return None
        rows = (tuple(row) for row in answer if isinstance(row, ResultRow))
        return [str(v) for v in (answer.vars or [])], rows

    def _boolean(self, answer: Result) -> bool:
        return bool(answer.askAnswer)

    def _triples(self, answer: Result) -> Iterable[tuple[Node, Node, Node]]:
        return answer.graph if answer.graph is not None else ()

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        ctx = self._ds.graph(URIRef(graph))
        self._ds.addN((s, p, o, ctx) for s, p, o in triples)

    def remove_graph(self, name: str) -> None:
        self._ds.remove_graph(self._ds.graph(URIRef(name)))

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

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        return sum(
            len(g) for g in self._ds.graphs() if g.identifier != URIRef("urn:x-rdflib:default")
        )
