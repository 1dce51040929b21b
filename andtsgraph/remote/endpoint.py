"""Where a SPARQL server listens, how to authenticate, and one checked request to it."""

from __future__ import annotations

import html as html_text
import os
import re
from dataclasses import dataclass, field

from andtsgraph.errors import QueryError
from andtsgraph.messages import text as _msg
from andtsgraph.remote.http import (
    DEFAULT_MAX_BYTES,
    Credentials,
    EndpointError,
    Response,
    exchange,
    redact,
    refuse_userinfo,
)

__all__ = ["DEFAULT_TIMEOUT", "TOKEN_ENV", "Endpoint"]

#: The environment variable a bearer token is read from, unless another is named.
TOKEN_ENV = "ANDTSGRAPH_TOKEN"
#: Seconds a query may take, all told (connecting, sending, receiving).
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL server's endpoints and the client's credentials. Credentials never appear in
    messages or ``repr``.

    Parameters
    ----------
    query : str
        The SPARQL query endpoint.
    update : str, optional
        The SPARQL Update endpoint.
    gsp : str, optional
        The Graph Store Protocol endpoint (``…/store`` on Oxigraph,
        ``…/sparql-graph-crud-auth`` on Virtuoso).
    credentials : Credentials
        Basic or Digest (user and password), or a bearer token.
    timeout : float
        Seconds for each request, all told; enforced on this side, since a server may not stop
        a long query by itself.
    max_bytes : int
        The largest answer accepted.
    """

    query: str
    update: str | None = None
    gsp: str | None = None
    credentials: Credentials = field(default_factory=Credentials, repr=False, compare=False)
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES

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
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Endpoint:
        """Build an endpoint from a URL.

        A bare server URL (no path, as ``http://127.0.0.1:7878``) is taken as an
        Oxigraph-style server with ``/query``, ``/update`` and ``/store``. A URL holding
        credentials (``user:password@``) is refused: they would end up in shell histories,
        process lists and logs.

        Examples
        --------
        >>> Endpoint.from_url("http://127.0.0.1:7878").gsp
        'http://127.0.0.1:7878/store'
        >>> Endpoint.from_url("http://alice:pw@127.0.0.1:7878")
        Traceback (most recent call last):
        ...
        andtsgraph.remote.http.EndpointError: serverns URL innehåller inloggningsuppgifter (användare:lösenord@); ange i stället en användare (auth=, --user) med lösenordet i en miljövariabel, eller en token (token_env=, --token-env)
        """
        parts = refuse_userinfo(url)
        for other in (update, gsp):
            if other:
                refuse_userinfo(other)
        if timeout <= 0:
            raise EndpointError(_msg("errors.timeout", timeout=timeout))
        if max_bytes <= 0:
            raise EndpointError(_msg("errors.size_limit"))
        if parts.path in ("", "/"):
            base = url.rstrip("/")
            url, update, gsp = f"{base}/query", update or f"{base}/update", gsp or f"{base}/store"
        token = None
        if token_env:
            token = os.environ.get(token_env)
            if not token:
                raise EndpointError(_msg("errors.token_env", var=token_env))
        if token and auth:
            raise EndpointError(_msg("errors.user_and_token"))
        user, password = auth if auth else (None, None)
        return cls(url, update, gsp, Credentials(user, password, token), timeout, max_bytes)

    def send(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        accept: str | None = None,
        is_query: bool = False,
        ok_missing: bool = False,
        timeout: float | None = None,
    ) -> Response:
        """Send one request; raise a clear error (with the server's own words, redacted) for
        any answer that is not a success.

        Parameters
        ----------
        is_query : bool
            A refusal (HTTP 400) is the query's fault: raise :class:`QueryError`.
        ok_missing : bool
            Return a 404 instead of raising (a graph that is not there).
        timeout : float, optional
            A shorter deadline than the endpoint's for this request.
        """
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        response = exchange(
            method,
            url,
            body=body,
            headers=headers,
            credentials=self.credentials,
            timeout=self.timeout if timeout is None else min(timeout, self.timeout),
            max_bytes=self.max_bytes,
        )
        if response.status < 300 or (ok_missing and response.status == 404):
            return response
        raise self.failure(response, url, is_query=is_query)

    def failure(self, response: Response, url: str, *, is_query: bool = False) -> EndpointError:
        """The error for a refused request: status, and the server's own message."""
        where = _plain(url)
        said = self.server_says(
            response.body, html="html" in response.headers.get("content-type", "")
        )
        tail = f": {said}" if said else ""
        if response.status == 400 and is_query:
            return QueryError(f"the server at {where} rejected the query (HTTP 400){tail}")  # type: ignore[return-value]
        if response.status == 401:
            if not self.credentials:
                return EndpointError(
                    f"the server at {where} needs credentials (HTTP 401): give --user (Basic or "
                    "Digest, password from an environment variable) or --token-env"
                )
            return EndpointError(f"the server at {where} refused the credentials (HTTP 401){tail}")
        if response.status == 404:
            return EndpointError(f"no SPARQL endpoint at {where} (HTTP 404){tail}")
        if 300 <= response.status < 400:
            return EndpointError(
                f"the server at {where} redirected (HTTP {response.status}) without a location"
            )
        return EndpointError(f"the server at {where} answered HTTP {response.status}{tail}")

    def server_says(self, body: bytes, limit: int = 300, *, html: bool = False) -> str:
        """The server's message from an error body: one line, tags stripped from an HTML
        page, credentials redacted."""
        text = body.decode("utf-8", "replace")
        if html:
            text = html_text.unescape(re.sub(r"(?s)<(script|style).*?</\1>|<[^>]+>", " ", text))
        text = redact(" ".join(text.split()), self.credentials)
        return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(url: str) -> str:
    """The URL without its query string (which may be long)."""
    return url.split("?", 1)[0]
