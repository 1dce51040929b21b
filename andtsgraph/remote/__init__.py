"""Shared SPARQL servers: querying one through the same API as the embedded store
(:func:`connect`), and uploading the graph to one (:func:`push`, :func:`remove`).

Any SPARQL 1.1 Query / Update / Graph Store Protocol server works, whatever its default graph
is: every query runs over exactly the project's named graphs (see
:mod:`andtsgraph.remote.backend`). The tests use the Oxigraph server, with and without
``--union-default-graph``, and Virtuoso. Requests have a total deadline and a size limit;
credentials go only to their origin and are never shown (see :mod:`andtsgraph.remote.http`).
"""

from __future__ import annotations

from andtsgraph.remote.backend import PROJECT_GRAPHS, RemoteBackend
from andtsgraph.remote.endpoint import DEFAULT_TIMEOUT, TOKEN_ENV, Endpoint
from andtsgraph.remote.http import DEFAULT_MAX_BYTES, Credentials, EndpointError
from andtsgraph.remote.push import PushedGraph, PushError, push, remove

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "PROJECT_GRAPHS",
    "TOKEN_ENV",
    "Credentials",
    "Endpoint",
    "EndpointError",
    "PushError",
    "PushedGraph",
    "RemoteBackend",
    "connect",
    "push",
    "remove",
]


def connect(
    endpoint: str,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    *,
    auth: tuple[str, str] | None = None,
    token_env: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
):
    """Open a SPARQL server as a :class:`~andtsgraph.KnowledgeGraph` with the same query API.

    The project's graphs on the server (the named graphs under
    :data:`~andtsgraph.remote.PROJECT_GRAPHS`) are learned at the first query, and every
    query runs over exactly those, so the answers do not depend on the server's default graph
    or on other data it holds. After pushing more, call ``kg.backend.refresh()``.

    Parameters
    ----------
    endpoint : str
        The query endpoint (``http://host:7878/query``, ``http://host:8890/sparql``), or the
        base URL of an Oxigraph-style server (``http://host:7878``).
    update_endpoint, gsp_endpoint : str, optional
        The Update and Graph Store Protocol endpoints (the latter reads whole graphs).
    auth : (user, password), optional
        Basic or Digest authentication (the server's challenge chooses).
    token_env : str, optional
        Name of an environment variable holding a bearer token (``ANDTSGRAPH_TOKEN``, say);
        the token itself is never passed on the command line or printed.
    timeout : float
        Seconds for each request, all told (connecting, sending, receiving).
    max_bytes : int
        The largest answer accepted; a larger one is cut off with an error.

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    EndpointError
        At the first query, if the server cannot be reached or holds no andtsgraph graphs.

    Examples
    --------
    Nothing is sent until the first query (``kg.query("plans")``):

    >>> kg = connect("http://127.0.0.1:7878", timeout=10)
    >>> kg.backend.endpoint.query, kg.backend.endpoint.timeout
    ('http://127.0.0.1:7878/query', 10)
    """
    from andtsgraph.knowledge_graph import KnowledgeGraph

    ep = Endpoint.from_url(
        endpoint,
        update=update_endpoint,
        gsp=gsp_endpoint,
        auth=auth,
        token_env=token_env,
        timeout=timeout,
        max_bytes=max_bytes,
    )
    return KnowledgeGraph(RemoteBackend(ep))
