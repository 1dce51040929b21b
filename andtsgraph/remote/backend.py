"""A SPARQL server behind the store seam, with a dataset of exactly the project's graphs.

Servers disagree on what their default graph is: Oxigraph's is the unnamed graph unless it was
started with ``--union-default-graph``; Virtuoso's is the union of every graph it holds, its own
system graphs included; a shared server may hold other teams' data. So no query relies on it:
the backend learns the project's graphs (the named graphs under
:data:`~andtsgraph.namespaces.GRAPH`) and sends every query with exactly that dataset: as
``FROM`` and ``FROM NAMED`` clauses written into the query (:func:`with_dataset`), or, on a
server that ignores those (the Oxigraph server started with ``--union-default-graph``), as the
SPARQL protocol's ``default-graph-uri`` and ``named-graph-uri`` parameters. Which way a server
honours is tried on one graph at the first query. A server whose named graphs are all the
project's and that takes the protocol parameter ``union-default-graph`` (the Oxigraph server)
gets that instead: the same dataset, without hundreds of FROM clauses it would search one by
one. (Parameters alone will not do: Virtuoso drops
the connection when a request carries more than about 90 of them, and a national corpus has
320 graphs.) The same query then gives the same answer on every server.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.parse
from collections.abc import Iterable, Mapping

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import SelectRows, dataset_of
from andtsgraph.errors import AndtsError, QueryError
from andtsgraph.messages import text as _msg
from andtsgraph.namespaces import GRAPH
from andtsgraph.remote.endpoint import Endpoint
from andtsgraph.remote.http import EndpointError
from andtsgraph.sparql_text import (
    bind_with_values,
    check_term,
    dataset_clauses,
    outer_where_brace,
    query_form,
    with_prefixes,
)

__all__ = [
    "PROJECT_GRAPHS",
    "RemoteBackend",
    "duration_lexical",
    "project_graphs_query",
    "with_dataset",
]

#: Every graph andtsgraph writes is named under this namespace.
PROJECT_GRAPHS = str(GRAPH)

_JSON = "application/sparql-results+json"
_RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_RDF_FORMATS = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
}


def project_graphs_query(counts: bool = False) -> str:
    """The query that lists the project's graphs on a server (with their sizes if ``counts``)."""
    namespace = Literal(PROJECT_GRAPHS).n3()
    if counts:
        return (
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {namespace})) }} GROUP BY ?g"
        )
    return (
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(STRSTARTS(STR(?g), {namespace})) }}"
    )


_XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"
_MONTHS = re.compile(r"-?\d+")
_SECONDS = re.compile(r"-?\d+\.\d*(?:[eE][+-]?\d+)?|-?\d+[eE][+-]?\d+")


def duration_lexical(value: str) -> str:
    """The canonical ``xsd:duration`` form of a duration a server keeps as a number.

    Virtuoso stores an ``xsd:duration`` as a count of months (``"P1Y"`` comes back as
    ``"12"``) or, with days or times, of seconds (``"P1D"`` as ``"86400.0"``); neither is a
    duration any other engine reads. A valid duration is returned as it is.

    Examples
    --------
    >>> duration_lexical("12"), duration_lexical("18"), duration_lexical("86400.0")
    ('P1Y', 'P1Y6M', 'P1D')
    >>> duration_lexical("P1Y")
    'P1Y'
    """
    if _MONTHS.fullmatch(value):
        months = int(value)
        sign, months = ("-" if months < 0 else ""), abs(months)
        years, months = divmod(months, 12)
        body = (f"{years}Y" if years else "") + (f"{months}M" if months or not years else "")
        return f"{sign}P{body}"
    if _SECONDS.fullmatch(value):
        total = float(value)
        sign, total = ("-" if total < 0 else ""), abs(total)
        days, rest = divmod(total, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, seconds = divmod(rest, 60)
        clock = (
            (f"{int(hours)}H" if hours else "")
            + (f"{int(minutes)}M" if minutes else "")
            + (f"{seconds:g}S" if seconds else "")
        )
        body = (f"{int(days)}D" if days else "") + (f"T{clock}" if clock else "")
        return f"{sign}P{body or 'T0S'}"
    return value


def with_dataset(text: str, graphs: list[str]) -> str:
    """Return the query ``text`` with ``FROM`` and ``FROM NAMED`` clauses for ``graphs``,
    before its WHERE clause; a query that names its own dataset is left as it is.

    Examples
    --------
    >>> with_dataset("SELECT ?s WHERE { ?s ?p ?o }", ["https://e.org/g"])
    'SELECT ?s FROM <https://e.org/g> FROM NAMED <https://e.org/g> WHERE { ?s ?p ?o }'
    >>> with_dataset("ASK { ?s ?p ?o }", ["https://e.org/g"])
    'ASK FROM <https://e.org/g> FROM NAMED <https://e.org/g> { ?s ?p ?o }'
    """
    if dataset_clauses(text):
        return text
    clauses = " ".join(
        [
            *(f"FROM {URIRef(g).n3()}" for g in graphs),
            *(f"FROM NAMED {URIRef(g).n3()}" for g in graphs),
        ]
    )
    try:
        at = outer_where_brace(text)
    except QueryError:  # DESCRIBE <x> with no WHERE clause: the dataset goes at the end
        return f"{text}\n{clauses}"
    head = text[:at].rstrip()
    if head[-5:].upper() == "WHERE" and (len(head) == 5 or not head[-6].isalnum()):
        at = len(head) - 5
    else:
        at = len(head)
    return f"{text[:at].rstrip()} {clauses} {text[at:].lstrip()}"


def _term(binding: Mapping[str, str]) -> Node:
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    if "xml:lang" in binding:
        return Literal(binding["value"], lang=binding["xml:lang"])
    if "datatype" in binding:
        value = binding["value"]
        if binding["datatype"] == _XSD_DURATION:
            value = duration_lexical(value)
        return Literal(value, datatype=URIRef(binding["datatype"]))
    return Literal(binding["value"])


class RemoteBackend:
    """A SPARQL 1.1 server behind the :class:`~andtsgraph.backends.Backend` seam (read-only),
    its dataset the project's named graphs on that server."""

    name = "remote"
    #: The knowledge graph adds nothing here (the class closure is pushed with the data).
    writable = False

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._graphs: list[str] | None = None
        self._how = "from"

    def __repr__(self) -> str:
        return f"<RemoteBackend {self.endpoint.query}>"

    # -- the dataset ---------------------------------------------------------------------
    def refresh(self) -> list[str]:
        """Learn the project's graphs on the server again (after a push, say); return them.

        Also learns how the server takes a query's dataset: ``FROM`` clauses, or the
        protocol's ``default-graph-uri`` (the Oxigraph server started with
        ``--union-default-graph`` ignores ``FROM``; Virtuoso refuses more than about 90
        protocol parameters). A server that honours neither is an error: its answers would
        include other graphs.
        """
        rows = self.raw_select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", scoped=False
        )
        every = {str(g): int(n.toPython()) for g, n in rows.rows if isinstance(g, URIRef)}
        sizes = {g: n for g, n in every.items() if g.startswith(PROJECT_GRAPHS)}
        for name in sizes:
            check_term("graph", URIRef(name))
        self._graphs = sorted(sizes)
        if sizes:
            only_ours = len(every) == len(sizes) and len(rows.rows) == len(every)
            self._how = self._dataset_method(sizes, only_ours)
        return list(self._graphs)

    def _dataset_method(self, sizes: dict[str, int], only_ours: bool) -> str:
        """Which way of naming the dataset this server honours ("union", "from" or
        "protocol")."""
        probe, size = min(sizes.items(), key=lambda item: (item[1], item[0]))
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        if only_ours and self._union_honoured(probe):
            return "union"
        for how in ("from", "protocol"):
            rows = self.raw_select(count, scoped=False, dataset=([probe], how))
            if rows.rows and int(rows.rows[0][0].toPython()) == size:
                return how
        raise EndpointError(_msg("errors.ignores_dataset", url=self.endpoint.query))

    def _union_honoured(self, probe: str) -> bool:
        """Whether the server takes the protocol parameter ``union-default-graph`` (the
        Oxigraph server does): its default graph is then the union of its named graphs, which
        here are all the project's. Far faster there than naming hundreds of graphs in FROM
        clauses, which the Oxigraph server searches one by one for every pattern."""
        union: tuple[list[str], str] = ([], "union")
        merged = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
        default = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        missing = (
            f"ASK {{ GRAPH {URIRef(probe).n3()} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
        )
        want = self.raw_select(merged, scoped=False).rows
        got = self.raw_select(default, scoped=False, dataset=union).rows
        if not want or not got or int(want[0][0].toPython()) != int(got[0][0].toPython()):
            return False
        return not self._ask(missing, union)

    def project_graphs(self) -> list[str]:
        """The project's graphs on the server, learned on first use.

        Raises
        ------
        EndpointError
            If the server holds none: every answer would be empty.
        """
        if self._graphs is None:
            self.refresh()
        if not self._graphs:
            raise EndpointError(
                _msg("errors.no_graphs", url=self.endpoint.query, graphs=PROJECT_GRAPHS)
            )
        return list(self._graphs)

    # -- the seam ------------------------------------------------------------------------
    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        raise AndtsError(_msg("errors.remote_read_only"))

    def remove_graph(self, name: str) -> None:
        raise AndtsError(_msg("server.remote_no_remove"))

    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier],
        prefixes: Mapping[str, str],
        *,
        timeout: float | None = None,
    ) -> SelectRows:
        """Run a SELECT over the project's graphs; ``timeout`` may shorten the endpoint's."""
        text = bind_with_values(with_prefixes(sparql, prefixes), bindings)
        return self.raw_select(text, timeout=timeout)

    def raw_select(
        self,
        text: str,
        *,
        scoped: bool = True,
        timeout: float | None = None,
        dataset: tuple[list[str], str] | None = None,
    ) -> SelectRows:
        """Run a SELECT whose text is final (prefixes declared, values bound): over the
        project's graphs if ``scoped``, or over ``dataset`` (graphs, how to name them)."""
        data = self._json(text, scoped, timeout, dataset)
        columns = list(data.get("head", {}).get("vars", []))
        rows = [
            tuple(_term(b[c]) if c in b else None for c in columns)
            for b in data.get("results", {}).get("bindings", [])
        ]
        return SelectRows(columns, rows)

    def _ask(self, text: str, dataset: tuple[list[str], str]) -> bool:
        return bool(self._json(text, False, None, dataset).get("boolean"))

    def ask(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> bool:
        text = bind_with_values(with_prefixes(sparql, prefixes), bindings)
        return bool(self._json(text, True).get("boolean"))

    def construct(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Graph:
        text = bind_with_values(with_prefixes(sparql, prefixes), bindings)
        response = self._post_query(text, _RDF_ACCEPT, True)
        return _parse_rdf(response.body, response.headers.get("content-type", ""))

    def graph_names(self) -> list[str]:
        return self.project_graphs()

    def graph(self, name: str) -> Graph:
        check_term("graph", URIRef(name))
        if self.endpoint.gsp:
            url = f"{self.endpoint.gsp}?{urllib.parse.urlencode({'graph': name})}"
            response = self.endpoint.send("GET", url, accept=_RDF_ACCEPT, ok_missing=True)
            if response.status == 404:
                return Graph(identifier=URIRef(name))
            graph = _parse_rdf(response.body, response.headers.get("content-type", ""))
        else:
            graph = self.construct(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(name)}, {}
            )
        named = Graph(identifier=URIRef(name))
        named += graph
        return named

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        rows = self.raw_select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows.rows[0][0].toPython()) if rows.rows else 0

    # -- plumbing --------------------------------------------------------------------------
    def _post_query(
        self,
        text: str,
        accept: str,
        scoped: bool,
        timeout: float | None = None,
        dataset: tuple[list[str], str] | None = None,
    ):
        query_form(text)  # refuses text that is no query before anything is sent
        if scoped and dataset is None:
            graphs = self.project_graphs()
            dataset = (graphs, self._how)
        fields = [("query", text)]
        if dataset is not None:
            graphs, how = dataset
            if how == "union":
                fields.append(("union-default-graph", "true"))
            elif how == "from":
                fields = [("query", with_dataset(text, graphs))]
            else:
                fields += [("default-graph-uri", g) for g in graphs]
                fields += [("named-graph-uri", g) for g in graphs]
        body = urllib.parse.urlencode(fields).encode("utf-8")
        response = self.endpoint.send(
            "POST",
            self.endpoint.query,
            body=body,
            content_type="application/x-www-form-urlencoded",
            accept=accept,
            is_query=True,
            timeout=timeout,
        )
        # Virtuoso cuts an answer at its ResultSetMaxRows, or at its time limit ("anytime"
        # queries), and says so only in a header: a partial answer must not pass for a whole.
        if "x-sparql-maxrows" in response.headers:
            raise EndpointError(
                _msg(
                    "errors.max_rows",
                    url=self.endpoint.query,
                    rows=response.headers["x-sparql-maxrows"],
                )
            )
        if response.headers.get("x-sql-state", "").upper() == "S1TAT":
            raise EndpointError(_msg("errors.partial", url=self.endpoint.query))
        return response

    def _json(
        self,
        text: str,
        scoped: bool,
        timeout: float | None = None,
        dataset: tuple[list[str], str] | None = None,
    ) -> dict:
        response = self._post_query(text, _JSON, scoped, timeout, dataset)
        try:
            return json.loads(response.body)
        except ValueError:
            raise EndpointError(
                _msg(
                    "errors.not_json",
                    url=self.endpoint.query,
                    says=self.endpoint.server_says(response.body, 120),
                )
            ) from None


def _parse_rdf(body: bytes, content_type: str) -> Graph:
    media = content_type.split(";", 1)[0].strip().lower()
    fmt = _RDF_FORMATS.get(media, "turtle")
    quiet = logging.getLogger("rdflib.term")  # it logs a traceback per mangled duration
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        graph = Graph().parse(data=body.decode("utf-8"), format=fmt)
    except Exception as exc:  # a parser error of any kind: the server sent bad RDF
        raise EndpointError(_msg("errors.bad_rdf", media=media, reason=exc)) from None
    finally:
        quiet.setLevel(level)
    # Durations a server kept as numbers (see duration_lexical), given back their form.
    mangled = [
        (s, p, o)
        for s, p, o in graph
        if isinstance(o, Literal)
        and str(o.datatype) == _XSD_DURATION
        and duration_lexical(str(o)) != str(o)
    ]
    for s, p, o in mangled:
        graph.remove((s, p, o))
        graph.add((s, p, Literal(duration_lexical(str(o)), datatype=o.datatype)))
    return graph
