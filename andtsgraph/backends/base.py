"""The seam every store implements, and the capabilities a store may add.

:class:`Backend` is what every store does (load triples, name its graphs, answer queries).
What only some stores do is a protocol of its own, checked with ``isinstance`` (never by
probing attributes): :class:`NativeFileLoading` (parse files itself, in the formats it
lists), :class:`Updatable` (run a SPARQL update: the class closure is derived in the store),
:class:`OxigraphStore` (the pyoxigraph Store underneath, for the SPARQL validation engine),
:class:`Batched` (rows as they come, with a deadline).
A store with ``writable = False`` (a server) takes no triples from the knowledge graph.

The ``graph()`` contract: it returns a *copy* of one named graph as an rdflib Graph; changing
the copy never changes the store (on every store: rdflib's, Oxigraph's, a server's).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from rdflib import Dataset, Graph
from rdflib.term import Identifier, Node

from andtsgraph.messages import text

__all__ = [
    "Backend",
    "Batched",
    "NativeFileLoading",
    "OxigraphStore",
    "SelectBatches",
    "SelectRows",
    "Updatable",
    "dataset_of",
    "in_worker",
    "not_a_select",
    "refuse_service",
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


class SelectBatches(NamedTuple):
    """The answer to a SELECT as it comes: column names and an iterator of row batches (each a
    list of rows as in :class:`SelectRows`)."""

    columns: list[str]
    batches: Iterator[list[tuple[Any, ...]]]
    to_rdflib: Callable[[Any], Node | None] | None = None
    to_python: Callable[[Any], Any] | None = None


class Backend(Protocol):
    """A quad store that andtsgraph can load into and query."""

    name: str
    #: Whether the knowledge graph may add triples (False for a server, which is read-only here).
    writable: bool

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add triples to the named graph ``graph``."""

    def remove_graph(self, name: str) -> None:
        """Remove the named graph ``name`` and its triples."""

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
class Batched(Protocol):
    """A store that gives a SELECT's rows as they come, with a deadline (the embedded stores;
    a server answers in one piece under its own deadline)."""

    def select_batches(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectBatches:
        """Run a SELECT query, its rows in batches; stop after ``timeout`` seconds."""


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


#: Rows handed from the query's worker thread to the caller at a time (or fewer, after
#: :data:`BATCH_SECONDS`): few hand-overs for a large answer, no wait for a slow one.
BATCH_ROWS = 2000
BATCH_SECONDS = 0.05
#: Batches waiting for the caller at most: a caller that reads slowly holds the query back, so
#: memory stays bounded whatever the size of the answer.
QUEUE_BATCHES = 4


class _Failed(NamedTuple):
    error: BaseException


#: What the worker hands over: the columns, then batches of rows, then None (the end); or the
#: error that stopped it.
_Item = list[Any] | _Failed | None


def in_worker(
    produce: Callable[[], tuple[list[str], Iterable[tuple[Any, ...]]]],
    *,
    timeout: float | None = None,
) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    """Run a query in a worker thread; return its columns and an iterator of row batches.

    The caller waits in short steps, so Ctrl-C (KeyboardInterrupt in the main thread) stops
    the wait at once, and so does ``timeout`` (seconds, for the whole query including reading
    its rows), with :class:`~andtsgraph.errors.QueryTimeoutError`. The worker stops at its next
    row once the caller has given up or stopped reading. A store that computes a whole answer
    before its first row (an aggregate, ORDER BY) cannot be stopped inside that computation
    (pyoxigraph and rdflib have no cancellation): the worker is abandoned and ends with the
    process.

    Parameters
    ----------
    produce : callable
        Runs the query; returns its column names and an iterable of rows. Called in the worker.
    timeout : float, optional
        Seconds; None waits as long as it takes.

    Raises
    ------
    QueryTimeoutError
        If the query is not done after ``timeout`` seconds.

    Examples
    --------
    >>> columns, batches = in_worker(lambda: (["n"], ((i,) for i in range(5))))
    >>> columns, [row for batch in batches for row in batch]
    (['n'], [(0,), (1,), (2,), (3,), (4,)])
    """
    from andtsgraph.errors import QueryTimeoutError

    handoff: queue.Queue[_Item] = queue.Queue(maxsize=QUEUE_BATCHES)
    stop = threading.Event()

    def put(item: _Item) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            columns, rows = produce()
            if not put(columns):
                return
            batch: list[tuple[Any, ...]] = []
            started = time.monotonic()
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH_ROWS or time.monotonic() - started > BATCH_SECONDS:
                    if not put(batch):
                        return
                    batch, started = [], time.monotonic()
            if (not batch or put(batch)) and not stop.is_set():
                put(None)
        except BaseException as exc:  # handed to the caller, who raises it
            # Without its traceback: the frames hold the store's own result objects, which
            # must be dropped in this thread (pyoxigraph's are bound to the thread that made them).
            put(_Failed(exc.with_traceback(None)))

    deadline = None if timeout is None else time.monotonic() + timeout

    def take() -> list[Any] | None:
        while True:
            wait = 0.1
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    stop.set()
                    raise QueryTimeoutError(text("io.query_timeout", "en", seconds=timeout))
                wait = min(wait, left)
            try:
                item = handoff.get(timeout=wait)
            except queue.Empty:
                continue
            if isinstance(item, _Failed):
                stop.set()
                raise item.error
            return item

    threading.Thread(target=work, name="andtsgraph-query", daemon=True).start()
    try:
        columns = take() or []  # the first item is the columns (None only ends the rows)
    except BaseException:
        stop.set()
        raise

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        try:
            while (item := take()) is not None:
                yield item
        finally:
            stop.set()

    return columns, batches()


def refuse_service(sparql: str, allowed: bool) -> None:
    """Refuse a query that calls another server (``SERVICE``) unless that was allowed: local
    work never touches the network."""
    from andtsgraph.errors import QueryError
    from andtsgraph.sparql_text import uses_keyword

    if not allowed and uses_keyword(sparql, "SERVICE"):
        raise QueryError(text("io.service_refused", "en"))


def not_a_select(sparql: str) -> Exception:
    """The error for a query that is not a SELECT, naming its form."""
    from andtsgraph.errors import QueryError
    from andtsgraph.sparql_text import query_form

    try:
        form = query_form(sparql)
    except QueryError:
        form = "not SELECT"
    return QueryError(text("io.not_select", "en", form=form))
