"""Uploading the knowledge graph to a SPARQL server, graph by graph, safely and honestly.

- Every graph name and every term is checked before anything is sent (the rule that binds
  query parameters: an IRI with characters IRIs may not hold is refused, never escaped), and
  only graphs under the project's namespace are written: a crafted file cannot smuggle SPARQL
  into an update, nor name another team's graph.
- Only the pushed graphs are ever replaced or removed, one by one (never ``DROP ALL``).
- Each graph goes through the Graph Store Protocol (HTTP PUT, atomic per graph) where the
  server has it, SPARQL Update otherwise; where a server refuses blank nodes in ``INSERT
  DATA`` (Virtuoso), they are sent as a pattern-free ``INSERT … WHERE {}``, which keeps them
  blank nodes.
- Durations are read back after writing: a server that keeps an ``xsd:duration`` other than as
  written (Virtuoso holds one as months or as seconds, so ``"P1YT1H"`` becomes ``"P1Y"``)
  is announced with an :class:`~andtsgraph.errors.AndtsWarning` naming what changed.
- A push that fails part way raises :class:`PushError`, which lists what was written and what
  was not, and says how to finish (``resume=True``) or undo (:func:`remove`).
"""

from __future__ import annotations

import re
import urllib.parse
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from andtsgraph.errors import AndtsError, AndtsWarning, QueryError
from andtsgraph.messages import text as _msg
from andtsgraph.remote.backend import (
    PROJECT_GRAPHS,
    RemoteBackend,
    project_graphs_query,
)
from andtsgraph.remote.endpoint import Endpoint
from andtsgraph.remote.http import DEFAULT_MAX_BYTES, EndpointError
from andtsgraph.results import Result, ResultList
from andtsgraph.sparql_text import check_term

__all__ = ["PushError", "PushedGraph", "push", "remove"]

_XSD_DURATION = URIRef("http://www.w3.org/2001/XMLSchema#duration")

_BNODE_ID = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_LANG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class PushedGraph(Result):
    """One named graph uploaded by :func:`push` (or left as it was by ``resume``), with the
    three outputs of every result (``to_records()``, ``to_dataframe()``, ``to_json()``).

    ``method`` is ``"gsp"`` (Graph Store Protocol), ``"update"`` (SPARQL Update),
    ``"kept"`` (already on the server, whole, when resuming) or ``"removed"`` (by
    :func:`remove`).

    Examples
    --------
    >>> done = PushedGraph("https://w3id.org/andtsgraph/graph/vocab", 822, "gsp")
    >>> done.to_record()
    {'graph': 'https://w3id.org/andtsgraph/graph/vocab', 'triples': 822, 'method': 'gsp'}
    >>> print(ResultList([done]).to_json(indent=None))
    [{"graph": "https://w3id.org/andtsgraph/graph/vocab", "triples": 822, "method": "gsp"}]
    """

    graph: str
    triples: int
    method: str


class PushError(EndpointError):
    """A push that stopped part way: what was written, what failed, what was not written.

    Attributes
    ----------
    written : list of PushedGraph
        The graphs written before the failure (complete: each graph is written in one request).
    failed : str
        The graph whose request failed (not written).
    remaining : list of str
        The graphs not written after it.
    """

    def __init__(
        self,
        reason: str,
        written: list[PushedGraph],
        failed: str,
        remaining: list[str],
        *,
        removing: bool = False,
    ) -> None:
        self.reason = reason
        self.written = written
        self.failed = failed
        self.remaining = remaining
        total = len(written) + 1 + len(remaining)
        where = f"at graph {failed} ({len(written) + 1} of {total}): {reason}"
        if removing:
            message = (
                f"remove stopped {where}; {len(written)} graphs were removed, "
                f"{len(remaining) + 1} were not. Finish with the same --remove again "
                "(andtsgraph.remote.remove)"
            )
        else:
            message = (
                f"push stopped {where}; {len(written)} graphs were written whole, "
                f"{len(remaining) + 1} were not. Finish with the same push and --resume "
                "(resume=True), or remove what was written with --remove "
                "(andtsgraph.remote.remove)"
            )
        super().__init__(message)


class _Refused(AndtsError):
    """A graph or term that cannot be written into a request."""


def _check_graph_name(name: str) -> None:
    try:
        check_term("graph", URIRef(name))
    except QueryError:
        raise _Refused(_msg("errors.bad_graph_name", name=name[:120])) from None
    if not name.startswith(PROJECT_GRAPHS):
        raise _Refused(_msg("errors.not_project_graph", name=name, graphs=PROJECT_GRAPHS))


def _check_terms(name: str, graph: Graph) -> None:
    """Refuse a term that would not stay a term once written into a request."""

    def bad(term: Node, why: str) -> _Refused:
        return _Refused(f"graph {name} holds {why} {str(term)[:120]!r}; nothing was written")

    seen: set[Node] = set()
    for triple in graph:
        for term in triple:
            if term in seen:
                continue
            seen.add(term)
            if isinstance(term, URIRef):
                try:
                    check_term("term", term)
                except QueryError:
                    raise bad(term, "an IRI that is not valid:") from None
            elif isinstance(term, BNode):
                if not _BNODE_ID.fullmatch(str(term)):
                    raise bad(term, "a blank node id that cannot be written:")
            elif isinstance(term, Literal):
                if term.language and not _LANG.fullmatch(term.language):
                    raise bad(term, "a language tag that is not valid on")
                if term.datatype is not None:
                    try:
                        check_term("datatype", URIRef(term.datatype))
                    except QueryError:
                        raise bad(term, "a datatype IRI that is not valid on") from None
            else:
                raise bad(term, "a term of unknown kind")


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


@dataclass
class _Writer:
    """Writes whole graphs to one server, by the Graph Store Protocol or SPARQL Update."""

    endpoint: Endpoint
    use_gsp: bool = field(init=False)
    insert_data: bool = True  # False once the server refuses INSERT DATA

    def __post_init__(self) -> None:
        self.use_gsp = bool(self.endpoint.gsp)
        if not self.endpoint.gsp and not self.endpoint.update:
            raise EndpointError(_msg("errors.no_write"))

    def put(self, name: str, graph: Graph) -> str:
        data = _ntriples(graph)
        if self.use_gsp:
            url = f"{self.endpoint.gsp}?{urllib.parse.urlencode({'graph': name})}"
            try:
                self.endpoint.send("PUT", url, body=data, content_type="text/turtle")
                return "gsp"
            except EndpointError as exc:
                # Only "there is no Graph Store here" moves the push to SPARQL Update.
                if not self.endpoint.update or not re.search(r"HTTP (404|405|501)\b", str(exc)):
                    raise
                self.use_gsp = False
        self._update_graph(name, data)
        return "update"

    def _update_graph(self, name: str, data: bytes) -> None:
        iri = URIRef(name).n3()
        body = data.decode("utf-8")
        if self.insert_data:
            text = f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}"
            try:
                self._update(text)
                return
            except EndpointError as exc:
                # Virtuoso refuses blank nodes in INSERT DATA (SP031), and an xsd:duration
                # there too (SR553: "can not be created from SQL value of type INTEGER");
                # both are taken in a template.
                if not re.search(r"(?i)blank|bnode|SP031|SR553", str(exc)):
                    raise
                self.insert_data = False
        # One solution of an empty pattern instantiates the template once: its blank nodes
        # become fresh blank nodes, the same ones throughout the graph.
        self._update(
            f"DROP SILENT GRAPH {iri} ;\nINSERT {{ GRAPH {iri} {{\n{body}\n}} }} WHERE {{ }}"
        )

    def _update(self, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        self.endpoint.send(
            "POST",
            self.endpoint.update or "",
            body=body,
            content_type="application/x-www-form-urlencoded",
        )

    def drop(self, name: str) -> None:
        if self.use_gsp:
            url = f"{self.endpoint.gsp}?{urllib.parse.urlencode({'graph': name})}"
            self.endpoint.send("DELETE", url, ok_missing=True)
            return
        self._update(f"DROP SILENT GRAPH {URIRef(name).n3()}")


def _endpoint(
    endpoint: str | Endpoint,
    update_endpoint: str | None,
    gsp_endpoint: str | None,
    auth: tuple[str, str] | None,
    token_env: str | None,
    timeout: float,
    max_bytes: int,
) -> Endpoint:
    if isinstance(endpoint, Endpoint):
        return endpoint
    return Endpoint.from_url(
        endpoint,
        update=update_endpoint,
        gsp=gsp_endpoint,
        auth=auth,
        token_env=token_env,
        timeout=timeout,
        max_bytes=max_bytes,
    )


def _on_server(server: RemoteBackend) -> dict[str, int]:
    """The project's graphs on the server and their sizes."""
    rows = server.raw_select(project_graphs_query(counts=True), scoped=False)
    return {str(g): int(n.toPython()) for g, n in rows.rows if isinstance(g, URIRef)}


def _durations(graph: Graph) -> Counter[tuple[str, str]]:
    """The graph's ``xsd:duration`` values: (property, lexical form), counted."""
    return Counter(
        (str(p), str(o))
        for _, p, o in graph
        if isinstance(o, Literal) and o.datatype == _XSD_DURATION
    )


def _check_durations(endpoint: Endpoint, graphs: dict[str, Graph]) -> None:
    """Read the written graphs' durations back; announce any the server keeps otherwise."""
    wanted = {name: _durations(graph) for name, graph in graphs.items()}
    wanted = {name: found for name, found in wanted.items() if found}
    if not wanted:
        return
    values = " ".join(URIRef(name).n3() for name in wanted)
    rows = RemoteBackend(endpoint).raw_select(
        f"SELECT ?g ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER(DATATYPE(?o) = {_XSD_DURATION.n3()}) }}",
        scoped=False,
    )
    held: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in wanted}
    for g, p, o in rows.rows:
        held[str(g)][(str(p), str(o))] += 1  # o as the client reads it (see duration_lexical)
    changed: list[tuple[str, list[str], list[str]]] = []
    for name, found in wanted.items():
        lost, got = found - held[name], held[name] - found
        if lost:
            changed.append((name, sorted(o for _, o in lost), sorted(o for _, o in got)))
    if changed:
        first, lost_values, got_values = changed[0]
        others = f" (+{len(changed) - 1})" if len(changed) > 1 else ""
        warnings.warn(
            _msg(
                "server.durations_changed",
                n=sum(len(c[1]) for c in changed),
                graphs=first + others,
                lost=", ".join(lost_values[:3]),
                became=", ".join(got_values[:3]) or "-",
            ),
            AndtsWarning,
            stacklevel=3,
        )


def _graph_by_graph(
    names: list[str],
    write: Callable[[str], PushedGraph],
    progress: Callable[[PushedGraph], None] | None,
    *,
    removing: bool = False,
) -> ResultList[PushedGraph]:
    """Write (or remove) each graph in turn, one request each. A request that fails after
    others went through raises :class:`PushError` naming them (a graph only kept does not
    count); one that fails first says nothing was changed."""
    done: ResultList[PushedGraph] = ResultList()
    changed: list[PushedGraph] = []
    for index, name in enumerate(names):
        try:
            result = write(name)
        except (EndpointError, KeyboardInterrupt) as exc:
            if not changed:  # nothing to finish or undo
                if isinstance(exc, KeyboardInterrupt):
                    raise
                key = "server.nothing_removed" if removing else "errors.nothing_written"
                raise EndpointError(_msg(key, reason=exc)) from None
            reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else str(exc)
            raise PushError(reason, changed, name, names[index + 1 :], removing=removing) from None
        if result.method != "kept":
            changed.append(result)
        done.append(result)
        if progress:
            progress(result)
    return done


def _listed(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def push(
    kg,
    endpoint: str | Endpoint,
    *,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    auth: tuple[str, str] | None = None,
    token_env: str | None = None,
    timeout: float = 120.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    replace: bool = False,
    resume: bool = False,
    progress: Callable[[PushedGraph], None] | None = None,
) -> ResultList[PushedGraph]:
    """Upload every named graph of ``kg`` (ontology, vocabularies, actors, links and each
    plan) into the same named graph on a SPARQL server.

    Graphs that already hold data on the server are not touched unless ``replace`` is true
    (then each pushed graph is replaced whole; no other graph is touched) or ``resume`` is
    true (then those that hold exactly as many triples as here are kept, as an interrupted
    push leaves them, and the rest are written).

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to upload (e.g. ``andtsgraph.load()``).
    endpoint : str or Endpoint
        The server's query endpoint, or the base URL of an Oxigraph-style server.
    update_endpoint, gsp_endpoint : str, optional
        The SPARQL Update and Graph Store Protocol endpoints.
    auth : (user, password), optional
        Basic or Digest authentication (the server's challenge chooses).
    token_env : str, optional
        Name of an environment variable holding a bearer token.
    timeout : float
        Seconds for each request, all told.
    max_bytes : int
        The largest answer accepted from the server.
    replace, resume : bool
        See above.
    progress : callable, optional
        Called with each :class:`PushedGraph` as soon as it is written.

    Returns
    -------
    ResultList of PushedGraph
        One per graph, in order: ``push(...).to_dataframe()`` is the table of what was written.

    Raises
    ------
    EndpointError
        Before anything is written: a graph name or term that cannot be written safely, a
        graph outside the project's namespace, graphs that already hold data (without
        ``replace`` or ``resume``), a server that cannot be reached.
    PushError
        If a request fails after some graphs were written: it lists them.

    Examples
    --------
    A bare server URL stands for an Oxigraph-style server; ``push(andtsgraph.load(), url)``
    then uploads through its Graph Store Protocol endpoint:

    >>> Endpoint.from_url("http://127.0.0.1:7878").gsp
    'http://127.0.0.1:7878/store'
    """
    endpoint = _endpoint(
        endpoint, update_endpoint, gsp_endpoint, auth, token_env, timeout, max_bytes
    )
    writer = _Writer(endpoint)
    names = kg.graph_names()
    try:
        for name in names:
            _check_graph_name(name)
        graphs = {name: kg.graph(name) for name in names}
        for name, graph in graphs.items():
            _check_terms(name, graph)
    except _Refused as exc:
        raise EndpointError(str(exc)) from None
    present = _on_server(RemoteBackend(endpoint))
    occupied = [n for n in names if present.get(n)]
    kept: set[str] = set()
    if resume and not replace:
        differing = [n for n in occupied if present[n] != len(graphs[n])]
        if differing:
            raise EndpointError(
                _msg("errors.differing", n=len(differing), graphs=_listed(differing))
            )
        kept = set(occupied)
    elif occupied and not replace:
        raise EndpointError(_msg("errors.occupied", n=len(occupied), graphs=_listed(occupied)))

    def write(name: str) -> PushedGraph:
        if name in kept:
            return PushedGraph(name, len(graphs[name]), "kept")
        return PushedGraph(name, len(graphs[name]), writer.put(name, graphs[name]))

    pushed = _graph_by_graph(names, write, progress)
    written = [p for p in pushed if p.method != "kept"]
    _check_durations(endpoint, {p.graph: graphs[p.graph] for p in written})
    return pushed


def remove(
    kg,
    endpoint: str | Endpoint,
    *,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    auth: tuple[str, str] | None = None,
    token_env: str | None = None,
    timeout: float = 120.0,
    graphs: Iterable[str] | None = None,
) -> list[str]:
    """Remove from the server the graphs a push of ``kg`` writes (or only ``graphs``), one by
    one: the undo of a push. No other graph is touched.

    Returns
    -------
    list of str
        The graphs that held data on the server and were removed.

    Examples
    --------
    Graphs outside the project's namespace are never touched (nothing is sent):

    >>> remove(None, "http://127.0.0.1:7878", graphs=["https://example.org/their-graph"])
    Traceback (most recent call last):
    ...
    andtsgraph.remote.http.EndpointError: grafen https://example.org/their-graph ligger inte under https://w3id.org/andtsgraph/graph/: push skriver bara projektets egna grafer (connect() skulle inte se den); inget togs bort
    """
    endpoint = _endpoint(
        endpoint, update_endpoint, gsp_endpoint, auth, token_env, timeout, DEFAULT_MAX_BYTES
    )
    names = list(graphs) if graphs is not None else kg.graph_names()
    try:
        for name in names:
            _check_graph_name(name)
    except _Refused as exc:
        raise EndpointError(
            str(exc).replace(_msg("errors.written_tail"), _msg("errors.removed_tail"))
        ) from None
    present = _on_server(RemoteBackend(endpoint))
    writer = _Writer(endpoint)

    def drop(name: str) -> PushedGraph:
        writer.drop(name)
        return PushedGraph(name, present[name], "removed")

    removed = _graph_by_graph([n for n in names if n in present], drop, None, removing=True)
    return [g.graph for g in removed]
