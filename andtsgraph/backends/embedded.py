"""What the in-process stores share: queries run in a worker thread (rows in batches, a
deadline, Ctrl-C), ``SERVICE`` refused unless allowed, and SELECT, ASK and CONSTRUCT read
from the store's own answer by three small hooks.

A store subclasses :class:`EmbeddedStore` and gives ``_answer`` (run the query: the store's
own answer object), ``_solutions``, ``_boolean`` and ``_triples`` (read that answer) and, if
its SELECT rows hold its own terms, ``_converters`` (see
:class:`~andtsgraph.backends.base.SelectRows`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rdflib import Graph
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import (
    SelectBatches,
    SelectRows,
    in_worker,
    not_a_select,
    refuse_service,
)

__all__ = ["EmbeddedStore"]


class EmbeddedStore(ABC):
    """The query side of a store that runs in this process (the :class:`Batched` and
    :class:`~andtsgraph.backends.base.Backend` query methods, written once)."""

    writable = True

    def __init__(self, *, allow_service: bool = False) -> None:
        #: Whether a query may call another server with SERVICE (off: local work stays local).
        self.allow_service = allow_service

    # -- the hooks a store gives ------------------------------------------------------------
    @abstractmethod
    def _answer(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Any:
        """Run a query; return the store's own answer (raise QueryError on a syntax error)."""

    @abstractmethod
    def _solutions(self, answer: Any) -> tuple[list[str], Iterable[tuple[Any, ...]]] | None:
        """A SELECT answer's column names and rows; None if the answer is not a SELECT's."""

    @abstractmethod
    def _boolean(self, answer: Any) -> bool:
        """An ASK answer's truth."""

    @abstractmethod
    def _triples(self, answer: Any) -> Iterable[tuple[Node, Node, Node]]:
        """A CONSTRUCT or DESCRIBE answer's triples, as rdflib terms."""

    def _converters(self) -> tuple[Callable[[Any], Node | None], Callable[[Any], Any]] | None:
        """The converters of the store's own terms in SELECT rows (to rdflib terms, to
        Python values); None where the rows hold rdflib terms."""
        return None

    # -- written once ---------------------------------------------------------------------
    def _run(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Any:
        refuse_service(sparql, self.allow_service)
        return self._answer(sparql, bindings, prefixes)

    def select_batches(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectBatches:
        """Run a SELECT in a worker (see :func:`~andtsgraph.backends.base.in_worker`): its
        rows come in batches, within ``timeout`` seconds, and Ctrl-C stops it at once."""

        def produce() -> tuple[list[str], Iterable[tuple[Any, ...]]]:
            solutions = self._solutions(self._run(sparql, bindings, prefixes))
            if solutions is None:
                raise not_a_select(sparql)
            return solutions

        columns, batches = in_worker(produce, timeout=timeout)
        return SelectBatches(columns, batches, *(self._converters() or (None, None)))

    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectRows:
        """Run a SELECT over the union of all graphs; all its rows at once."""
        columns, batches, to_rdflib, to_python = self.select_batches(
            sparql, bindings, prefixes, timeout=timeout
        )
        return SelectRows(
            columns, [row for batch in batches for row in batch], to_rdflib, to_python
        )

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> bool:
        """Run an ASK query over the union of all graphs."""
        _, batches = in_worker(
            lambda: ([], [(self._boolean(self._run(sparql, bindings, prefixes)),)]),
            timeout=timeout,
        )
        return bool(next(row for batch in batches for row in batch)[0])

    def construct(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query over the union of all graphs."""
        _, batches = in_worker(
            lambda: ([], self._triples(self._run(sparql, bindings, prefixes))), timeout=timeout
        )
        graph = Graph()
        for batch in batches:
            for triple in batch:
                graph.add(triple)
        return graph
