"""The seam every store implements, and the capabilities a store may add.

:class:`Backend` is what every store does (load triples, name its graphs, answer queries).
What only some stores do is a protocol of its own, checked with ``isinstance`` (never by
probing attributes): :class:`NativeFileLoading` (parse files itself, in the formats it
lists), :class:`Updatable` (run a SPARQL update: the class closure is derived in the store),
:class:`OxigraphStore` (the pyoxigraph Store underneath, for the SPARQL validation engine).
A store with ``writable = False`` (a server) takes no triples from the knowledge graph.

The ``graph()`` contract: it returns a *copy* of one named graph as an rdflib Graph; changing
the copy never changes the store (on every store: rdflib's, Oxigraph's, a server's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from rdflib import Dataset, Graph
from rdflib.term import Identifier, Node

__all__ = [
    "Backend",
    "NativeFileLoading",
    "OxigraphStore",
    "SelectRows",
    "Updatable",
    "dataset_of",
]


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
    #: Whether the knowledge graph may add triples (False for a server, which is read-only here).
    writable: bool

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add triples to the named graph ``graph``."""

    def graph_names(self) -> list[str]:
        """Return the IRIs of the non-empty named graphs."""

    def graph(self, name: str) -> Graph:
        """Return a copy of the named graph ``name`` as an rdflib Graph (empty if there is
        none); changing it does not change the store."""

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


@runtime_checkable
class NativeFileLoading(Protocol):
    """A store that parses RDF files itself (faster than rdflib, the same quads)."""

    #: rdflib format names of the files :meth:`load_file` reads.
    native_formats: frozenset[str]

    def load_file(self, path: Path, fmt: str, graph: str | None, data: bytes) -> None:
        """Parse ``data`` (the content of ``path``) into ``graph``, or into the file's own
        graphs (TriG, N-Quads) when ``graph`` is None."""

    def subjects_typed_in_file(
        self, path: Path, fmt: str, classes: Iterable[str], data: bytes
    ) -> list[str]:
        """Return the subjects of the file typed with one of ``classes``."""

    def graphs_in_file(self, path: Path, fmt: str, data: bytes) -> list[str]:
        """Return the names of the graphs a TriG or N-Quads file fills."""


@runtime_checkable
class OxigraphStore(Protocol):
    """A store with a pyoxigraph Store underneath (the SPARQL validation engine runs on it)."""

    @property
    def store(self) -> Any:
        """The pyoxigraph Store; read it, change it only through the backend."""


@runtime_checkable
class Updatable(Protocol):
    """A store the knowledge graph may write derived triples into (the class closure)."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""


def dataset_of(backend: Backend) -> Dataset:
    """Copy every named graph of ``backend`` into a new rdflib Dataset."""
    from rdflib import URIRef

    ds = Dataset()
    for name in backend.graph_names():
        ds.graph(URIRef(name)).__iadd__(backend.graph(name))
    return ds
