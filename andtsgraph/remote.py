"""Shared SPARQL servers: querying one through the same API as the embedded store
(:func:`connect`), and uploading the graph to one (:func:`push`).

Any SPARQL 1.1 Query / Update / Graph Store Protocol server works; the tests use the Oxigraph
server. The catalog's queries read the default graph, so the server must treat its default
graph as the union of its named graphs (Oxigraph: ``--union-default-graph``; Fuseki:
``tdb2:unionDefaultGraph``; GraphDB and Virtuoso do by default).
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node
from SPARQLWrapper import JSON, N3, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from andtsgraph.backends.base import SelectRows, dataset_of
from andtsgraph.errors import AndtsError, QueryError
from andtsgraph.sparql_text import bind_with_values, query_form, with_prefixes

__all__ = [
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV",
    "Endpoint",
    "EndpointError",
    "PushedGraph",
    "RemoteBackend",
    "connect",
    "push",
]

#: The environment variable a bearer token is read from, unless another is named.
TOKEN_ENV = "ANDTSGRAPH_TOKEN"
#: Queries longer than this go by POST (all do, in fact: GET URLs of long queries break proxies).
DEFAULT_TIMEOUT = 30.0


class EndpointError(AndtsError):
    """A SPARQL server cannot be reached, refuses the request, or fails."""


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL server listens and how to authenticate. Credentials never appear in
    messages or ``repr``.

    Parameters
    ----------
    query : str
        The SPARQL query endpoint.
    update : str, optional
        The SPARQL Update endpoint.
    gsp : str, optional
        The Graph Store Protocol endpoint (``…/store`` on Oxigraph).
    user, password : str, optional
        HTTP basic authentication.
    token : str, optional
        A bearer token (see :func:`connect` for reading it from the environment).
    timeout : float
        Seconds to wait for an answer; enforced on this side, since a server may not stop a
        long query by itself.
    """

    query: str
    update: str | None = None
    gsp: str | None = None
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        update: str | None = None,
        gsp: str | None = None,
        auth: tuple[str, str] | None = None,
        token_env: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Endpoint:
        """Build an endpoint from a URL. A bare server URL (no path, as
        ``http://127.0.0.1:7878``) is taken as an Oxigraph-style server with ``/query``,
        ``/update`` and ``/store``."""
        try:
            parts = urllib.parse.urlsplit(url)
            parts.port  # noqa: B018 (a bad port raises only when read)
        except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535", …
            raise EndpointError(f"{_safe(url)} is not a valid URL: {exc}") from None
        if parts.scheme not in ("http", "https") or not parts.netloc or not parts.hostname:
            raise EndpointError(f"{_safe(url)} is not an http(s) URL")
        user = password = None
        if parts.username:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            url = urllib.parse.urlunsplit(
                parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))
            )
        if auth:
            user, password = auth
        if parts.path in ("", "/"):
            base = url.rstrip("/")
            url, update, gsp = f"{base}/query", update or f"{base}/update", gsp or f"{base}/store"
        token = None
        if token_env:
            token = os.environ.get(token_env)
            if not token:
                raise EndpointError(
                    f"the environment variable {token_env} holding the bearer token is not set"
                )
        return cls(url, update, gsp, user, password, token, timeout)

    def headers(self) -> dict[str, str]:
        """Return the authentication header, if any."""
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


def _safe(url: str) -> str:
    """Return ``url`` without user information, so no credential is ever shown."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (a bad port raises only when read)
    except ValueError:  # not a URL urllib can take apart: drop whatever precedes an "@"
        return re.sub(r"(?<=//)[^/@]*@", "", url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        return urllib.parse.urlunsplit(
            parts._replace(netloc=host + (f":{parts.port}" if parts.port else ""))
        )
    return url


def _short(data: bytes | str | None, limit: int = 160) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else (data or "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _response_text(exc: BaseException) -> str:
    """The server's own words from a SPARQLWrapper exception (which holds them as a bytes repr)."""
    text = str(exc).split("Response:", 1)[-1].strip()
    if text[:2] in ("b'", 'b"'):
        try:
            import ast

            text = ast.literal_eval(text).decode("utf-8", "replace")
        except (ValueError, SyntaxError):
            pass
    return _short(text)


def _translate(exc: BaseException, url: str, timeout: float) -> AndtsError:
    """Turn a client-side exception into a one-line project error."""
    where = _safe(url)
    if isinstance(exc, QueryBadFormed):
        detail = _response_text(exc)
        return QueryError(f"the server at {where} rejected the query (HTTP 400): {detail}")
    if isinstance(exc, Unauthorized):
        return EndpointError(f"the server at {where} refused the credentials (HTTP 401)")
    if isinstance(exc, EndPointNotFound):
        return EndpointError(f"no SPARQL endpoint at {where} (HTTP 404)")
    if isinstance(exc, URITooLong):
        return EndpointError(f"the server at {where} found the request too long (HTTP 414)")
    if isinstance(exc, EndPointInternalError):
        return EndpointError(
            f"the server at {where} failed (HTTP 500): {_short(str(exc).split('Response:', 1)[-1])}"
        )
    if isinstance(exc, urllib.error.HTTPError):
        return EndpointError(f"the server at {where} answered HTTP {exc.code} {exc.reason}")
    if isinstance(exc, TimeoutError | socket.timeout) or (
        isinstance(exc, urllib.error.URLError)
        and isinstance(exc.reason, TimeoutError | socket.timeout)
    ):
        return EndpointError(f"no answer from {where} within {timeout:g} s (timed out)")
    if isinstance(exc, urllib.error.URLError):
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        return EndpointError(f"cannot reach {where}: {reason}")
    if isinstance(exc, ConnectionError | OSError):
        return EndpointError(f"cannot reach {where}: {exc.strerror or exc}")
    if isinstance(exc, SPARQLWrapperException):
        return EndpointError(f"the server at {where} failed: {_short(str(exc))}")
    return EndpointError(f"the request to {where} failed: {_short(str(exc)) or type(exc).__name__}")


def _term(binding: Mapping[str, str]) -> Node:
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    if "xml:lang" in binding:
        return Literal(binding["value"], lang=binding["xml:lang"])
    if "datatype" in binding:
        return Literal(binding["value"], datatype=URIRef(binding["datatype"]))
    return Literal(binding["value"])


class RemoteBackend:
    """A SPARQL 1.1 server behind the :class:`~andtsgraph.backends.Backend` seam (read-only)."""

    name = "remote"
    #: The knowledge graph adds nothing here (the class closure is pushed with the data).
    writable = False

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    def __repr__(self) -> str:
        return f"<RemoteBackend {_safe(self.endpoint.query)}>"

    # -- the seam ------------------------------------------------------------------------
    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        raise AndtsError(
            "a connected SPARQL server is read-only here; upload with andtsgraph.push()"
        )

    def select(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> SelectRows:
        data = self._request(sparql, bindings, prefixes, JSON)
        columns = list(data.get("head", {}).get("vars", []))
        rows = [
            tuple(_term(b[c]) if c in b else None for c in columns)
            for b in data.get("results", {}).get("bindings", [])
        ]
        return SelectRows(columns, rows)

    def ask(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> bool:
        return bool(self._request(sparql, bindings, prefixes, JSON).get("boolean"))

    def construct(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> Graph:
        text = self._request(sparql, bindings, prefixes, N3)
        return Graph().parse(data=text, format="turtle")

    def graph_names(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {}, {})
        return sorted(str(r[0]) for r in rows.rows)

    def graph(self, name: str) -> Graph:
        if self.endpoint.gsp:
            url = f"{self.endpoint.gsp}?{urllib.parse.urlencode({'graph': name})}"
            body = _http(self.endpoint, "GET", url, accept="application/n-triples")
            return Graph().parse(data=body.decode("utf-8"), format="nt")
        return self.construct(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(name)}, {}
        )

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {}, {})
        return int(rows.rows[0][0].toPython()) if rows.rows else 0

    # -- plumbing --------------------------------------------------------------------------
    def _request(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str], fmt: str
    ):
        text = bind_with_values(with_prefixes(sparql, prefixes), bindings)
        client = SPARQLWrapper(self.endpoint.query)
        client.setQuery(text)
        client.queryType = query_form(text)
        client.setReturnFormat(fmt)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setTimeout(int(max(1, self.endpoint.timeout)))
        for key, value in self.endpoint.headers().items():
            client.addCustomHttpHeader(key, value)
        try:
            result = client.query()
            raw = result.response.read()
        except Exception as exc:
            raise _translate(exc, self.endpoint.query, self.endpoint.timeout) from None
        if fmt == JSON:
            try:
                return json.loads(raw)
            except ValueError:
                raise EndpointError(
                    f"the server at {_safe(self.endpoint.query)} sent something that is not SPARQL JSON: {_short(raw)}"
                ) from None
        return raw.decode("utf-8")


def _http(
    endpoint: Endpoint,
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    content_type: str | None = None,
    accept: str | None = None,
) -> bytes:
    request = urllib.request.Request(url, data=body, method=method)
    for key, value in endpoint.headers().items():
        request.add_header(key, value)
    if content_type:
        request.add_header("Content-Type", content_type)
    if accept:
        request.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            return response.read()
    except Exception as exc:
        raise _translate(exc, url, endpoint.timeout) from None


def _update(endpoint: Endpoint, text: str) -> None:
    if not endpoint.update:
        raise EndpointError(
            "no SPARQL Update endpoint: give update_endpoint (--update) or gsp_endpoint (--gsp)"
        )
    body = urllib.parse.urlencode({"update": text}).encode("utf-8")
    _http(
        endpoint,
        "POST",
        endpoint.update,
        body=body,
        content_type="application/x-www-form-urlencoded",
    )


@dataclass(frozen=True)
class PushedGraph:
    """One named graph uploaded by :func:`push`."""

    graph: str
    triples: int
    method: str


def push(
    kg,
    endpoint: str | Endpoint,
    *,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    auth: tuple[str, str] | None = None,
    token_env: str | None = None,
    timeout: float = 120.0,
    replace: bool = False,
) -> list[PushedGraph]:
    """Upload every named graph of ``kg`` (ontology, vocabularies, actors, links and each plan)
    into the same named graph on a SPARQL server.

    The Graph Store Protocol (HTTP PUT) is used where the server offers it, SPARQL Update
    (``INSERT DATA``) otherwise. Graphs that already hold data on the server are not touched
    unless ``replace`` is true; then each is replaced whole.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph to upload (e.g. ``andtsgraph.load()``).
    endpoint : str or Endpoint
        The server's query endpoint, or the base URL of an Oxigraph-style server.
    update_endpoint, gsp_endpoint : str, optional
        The SPARQL Update and Graph Store Protocol endpoints.
    auth : (user, password), optional
        HTTP basic authentication.
    token_env : str, optional
        Name of an environment variable holding a bearer token.
    timeout : float
        Seconds to wait for each request.
    replace : bool
        Replace graphs that already hold data on the server.

    Returns
    -------
    list of PushedGraph

    Raises
    ------
    EndpointError
        If the server cannot be reached or refuses a request, or (without ``replace``) if a
        graph already holds data there; nothing is written in that case.

    Examples
    --------
    A bare server URL stands for an Oxigraph-style server; ``push(andtsgraph.load(), url)``
    then uploads through its Graph Store Protocol endpoint:

    >>> Endpoint.from_url("http://127.0.0.1:7878").gsp
    'http://127.0.0.1:7878/store'
    """
    if not isinstance(endpoint, Endpoint):
        endpoint = Endpoint.from_url(
            endpoint,
            update=update_endpoint,
            gsp=gsp_endpoint,
            auth=auth,
            token_env=token_env,
            timeout=timeout,
        )
    server = RemoteBackend(endpoint)
    names = kg.graph_names()
    if not replace:
        occupied = [
            n for n in names if server.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(n)}, {})
        ]
        if occupied:
            listed = ", ".join(occupied[:3]) + (
                f" and {len(occupied) - 3} more" if len(occupied) > 3 else ""
            )
            raise EndpointError(
                f"{len(occupied)} graphs already hold data on the server ({listed}); use --replace (replace=True) to overwrite them"
            )
    pushed = []
    for name in names:
        graph = kg.graph(name)
        data = graph.serialize(format="nt", encoding="utf-8")
        method = "gsp"
        if endpoint.gsp:
            url = f"{endpoint.gsp}?{urllib.parse.urlencode({'graph': name})}"
            try:
                _http(endpoint, "PUT", url, body=data, content_type="application/n-triples")
            except EndpointError:
                if not endpoint.update:
                    raise
                method = "update"
        else:
            method = "update"
        if method == "update":
            # One request per graph keeps each graph's blank nodes together.
            _update(
                endpoint,
                f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{data.decode('utf-8')}\n}} }}",
            )
        pushed.append(PushedGraph(name, len(graph), method))
    return pushed


def connect(
    endpoint: str,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    *,
    auth: tuple[str, str] | None = None,
    token_env: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
):
    """Open a SPARQL server as a :class:`~andtsgraph.KnowledgeGraph` with the same query API.

    Parameters
    ----------
    endpoint : str
        The query endpoint (``http://host:7878/query``), or the base URL of an Oxigraph-style
        server (``http://host:7878``).
    update_endpoint, gsp_endpoint : str, optional
        The Update and Graph Store Protocol endpoints (used to read whole graphs).
    auth : (user, password), optional
        HTTP basic authentication.
    token_env : str, optional
        Name of an environment variable holding a bearer token (``ANDTSGRAPH_TOKEN``, say);
        the token itself is never passed on the command line or printed.
    timeout : float
        Seconds to wait for an answer before giving up (client side).

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    Nothing is sent until the first query (``kg.query("plans")``):

    >>> kg = connect("http://127.0.0.1:7878", timeout=10)
    >>> kg.backend.endpoint.query, kg.backend.endpoint.timeout
    ('http://127.0.0.1:7878/query', 10)
    """
    from andtsgraph.backends import make_backend
    from andtsgraph.knowledge_graph import KnowledgeGraph

    ep = Endpoint.from_url(
        endpoint,
        update=update_endpoint,
        gsp=gsp_endpoint,
        auth=auth,
        token_env=token_env,
        timeout=timeout,
    )
    return KnowledgeGraph(make_backend("remote", ep))
