"""The seam every store implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from rdflib import Dataset, Graph
from rdflib.term import Identifier, Node


class SelectRows(NamedTuple):
    """The answer to a SELECT: column names and rows of terms (None where unbound).

    The rows hold rdflib terms, or, when ``to_rdflib`` is given, the store's own terms:
    :class:`~andtsgraph.results.QueryResult` then makes Python values with ``to_python``
    and rdflib terms only if someone asks for them (making rdflib Literals costs more than
    a large query on a compiled store).
    """

    columns: list[str]
    rows: list[tuple[Any, ...]]
    to_rdflib: Callable[[Any], Node | None] | None = None
    to_python: Callable[[Any], Any] | None = None


class Backend(Protocol):
    """A quad store that andtsgraph can load into and query."""

    name: str

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add triples to the named graph ``graph``."""

    def remove_graph(self, name: str) -> None:
        """Remove the named graph ``name`` and its triples."""

    def graph_names(self) -> list[str]:
        """Return the IRIs of the non-empty named graphs."""

    def graph(self, name: str) -> Graph:
        """Return the named graph ``name`` as an rdflib Graph (a copy or a read view)."""

    def select(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> SelectRows:
        """Run a SELECT query over the union of all graphs."""

    def ask(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> bool:
        """Run an ASK query over the union of all graphs."""

    def construct(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query over the union of all graphs."""

    def dataset(self) -> Dataset:
        """Return all quads as an rdflib Dataset."""

    def __len__(self) -> int:
        """Return the number of quads."""


def dataset_of(backend: Backend) -> Dataset:
    """Copy every named graph of ``backend`` into a new rdflib Dataset."""
    from rdflib import URIRef

    ds = Dataset()
    for name in backend.graph_names():
        ds.graph(URIRef(name)).__iadd__(backend.graph(name))
    return ds
