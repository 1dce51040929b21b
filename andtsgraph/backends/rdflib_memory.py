"""rdflib's in-memory Dataset: pure Python, no extra dependency; fine for a few plans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyparsing import ParseException
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import (
    SelectBatches,
    SelectRows,
    dataset_of,
    in_worker,
    not_a_select,
    refuse_service,
)
from andtsgraph.errors import QueryError
from andtsgraph.sparql_text import syntax_error

__all__ = [
    "RdflibMemoryBackend",
]


class RdflibMemoryBackend:
    """Quads in an rdflib ``Dataset`` whose default graph is the union of all named graphs."""

    name = "memory"
    writable = True

    def __init__(self, *, allow_service: bool = False) -> None:
        self._ds = Dataset(default_union=True)
        #: Whether a query may call another server with SERVICE (off: local work stays local).
        self.allow_service = allow_service

    def _run(self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]):
        refuse_service(sparql, self.allow_service)
        try:
            return self._ds.query(sparql, initNs=dict(prefixes), initBindings=dict(bindings))
        except ParseException as exc:
            raise QueryError(
                syntax_error(sparql, exc.lineno, exc.col, str(exc.msg).removeprefix("Expected "))
            ) from None

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

    def select_batches(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectBatches:
        """Run a SELECT in a worker (see :func:`~andtsgraph.backends.base.in_worker`)."""

        def produce():
            result = self._run(sparql, bindings, prefixes)
            if result.type != "SELECT":
                raise not_a_select(sparql)
            return [str(v) for v in (result.vars or [])], (tuple(row) for row in result)

        columns, batches = in_worker(produce, timeout=timeout)
        return SelectBatches(columns, batches)

    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectRows:
        columns, batches, _, _ = self.select_batches(sparql, bindings, prefixes, timeout=timeout)
        return SelectRows(columns, [row for batch in batches for row in batch])

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> bool:
        _, batches = in_worker(
            lambda: ([], [(bool(self._run(sparql, bindings, prefixes).askAnswer),)]),
            timeout=timeout,
        )
        return next(row for batch in batches for row in batch)[0]

    def construct(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> Graph:
        _, batches = in_worker(
            lambda: ([], [(self._run(sparql, bindings, prefixes).graph,)]), timeout=timeout
        )
        return next(row for batch in batches for row in batch)[0]

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        return sum(
            len(g) for g in self._ds.graphs() if g.identifier != URIRef("urn:x-rdflib:default")
        )
