"""One HTTP exchange with a SPARQL server, bounded and discreet.

- **A total deadline.** ``timeout`` bounds the whole exchange (connecting, sending, every
  redirect and authentication round, receiving), not each socket read: a watchdog shuts the
  socket when the time is up, so a server that sends one byte a second cannot hold the client.
- **A size limit.** A response larger than ``max_bytes`` is cut off with an error, so a server
  that streams without end cannot fill the machine's memory.
- **Authentication**: Basic or Digest (whichever the server's challenge asks for, RFC 7617 and
  RFC 7616) for a user and password, Bearer for a token. Credentials go only to the origin
  they were given for: a redirect to another scheme, host or port is followed without them.
- **Nothing secret in output**: a URL holding credentials is refused, and a server's error
  text is shown with every credential (and any ``Authorization`` header it echoes) redacted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import os
import re
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from andtsgraph.errors import AndtsError
from andtsgraph.messages import text as _msg

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Credentials",
    "EndpointError",
    "Response",
    "exchange",
    "redact",
    "refuse_userinfo",
]

#: Far above any real answer (all of a 311-plan corpus as SPARQL JSON is ~200 MB).
DEFAULT_MAX_BYTES = 1_000_000_000
_CHUNK = 1 << 16
_MAX_REDIRECTS = 5


class EndpointError(AndtsError):
    """A SPARQL server cannot be reached, refuses the request, or fails."""


@dataclass
class Credentials:
    """Who the client is, for one origin. Never shown (``repr`` hides every field).

    Parameters
    ----------
    user, password : str, optional
        For Basic or Digest authentication (the server's challenge chooses).
    token : str, optional
        A bearer token.
    """

    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    # What the origin asked for last: (scheme, challenge parameters), reused so that only the
    # first request to a protected endpoint pays an extra round trip.
    _challenge: dict[str, tuple[str, dict[str, str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _counter: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.token or self.user is not None)

    def secrets(self) -> list[str]:
        """Every string that must never be shown: the secrets and their encodings."""
        found = [s for s in (self.password, self.token) if s]
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            found.append(base64.b64encode(pair).decode("ascii"))
        return found

    def header(self, method: str, target: str, space: str) -> str | None:
        """The ``Authorization`` value for a request to ``target`` (path and query) in the
        protection space ``space``, or None before the server has asked for one."""
        if self.token:
            return f"Bearer {self.token}"
        if self.user is None or space not in self._challenge:
            return None
        scheme, params = self._challenge[space]
        if scheme == "basic":
            pair = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        self._counter[space] = self._counter.get(space, 0) + 1
        return _digest(self.user, self.password or "", method, target, params, self._counter[space])

    def answer(self, space: str, challenges: list[str]) -> bool:
        """Learn the server's challenge for ``space``; return whether a retry can help."""
        if self.user is None:
            return False
        parsed = [_parse_challenge(c) for c in challenges]
        digest = [p for p in parsed if p[0] == "digest"]
        basic = [p for p in parsed if p[0] == "basic"]
        chosen = digest[0] if digest else basic[0] if basic else None
        if chosen is None:
            return False
        before = self._challenge.get(space)
        stale = chosen[1].get("stale", "").lower() == "true"
        self._challenge[space] = chosen
        self._counter[space] = 0
        # Asked again with the same challenge: the credentials themselves are wrong.
        return before is None or stale or before[1].get("nonce") != chosen[1].get("nonce")


def _parse_challenge(value: str) -> tuple[str, dict[str, str]]:
    scheme, _, rest = value.strip().partition(" ")
    params = {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in re.finditer(r'([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))', rest)
    }
    return scheme.lower(), params


def _split_challenges(values: list[str]) -> list[str]:
    """Split ``WWW-Authenticate`` headers into one challenge each (a header may hold several:
    a new one starts where a comma is followed by a scheme and a parameter)."""
    pieces = (re.split(r",\s*(?=[A-Za-z][\w-]*\s+[\w-]+\s*=)", value) for value in values)
    return [p.strip() for group in pieces for p in group if p.strip()]


def _digest(
    user: str, password: str, method: str, target: str, params: dict[str, str], count: int
) -> str:
    """The Digest ``Authorization`` value (RFC 7616; MD5 or SHA-256, qop ``auth``)."""
    algorithm = params.get("algorithm", "MD5")
    base_algorithm = algorithm.upper().removesuffix("-SESS")
    hasher = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}.get(base_algorithm)
    if hasher is None:
        raise EndpointError(_msg("errors.digest", what=algorithm))

    def h(text: str) -> str:
        return hasher(text.encode("utf-8")).hexdigest()

    realm, nonce = params.get("realm", ""), params.get("nonce", "")
    cnonce = os.urandom(8).hex()
    nc = f"{count:08x}"
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.upper().endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{target}")
    qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
    fields = {
        "username": user,
        "realm": realm,
        "nonce": nonce,
        "uri": target,
        "algorithm": algorithm,
    }
    if "auth" in qops:
        fields["response"] = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
        fields.update(qop="auth", nc=nc, cnonce=cnonce)
    elif qops:
        raise EndpointError(_msg("errors.digest", what=f"qop={params['qop']}"))
    else:
        fields["response"] = h(f"{ha1}:{nonce}:{ha2}")
    if "opaque" in params:
        fields["opaque"] = params["opaque"]
    unquoted = {"algorithm", "qop", "nc"}
    return "Digest " + ", ".join(
        f"{k}={v}" if k in unquoted else f'{k}="{v}"' for k, v in fields.items()
    )


_AUTH_ECHO = re.compile(
    r"(?i)\b(authorization|proxy-authorization)(\W{1,4})(basic|bearer|digest)?\s*[^\r\n]*"
)
_SCHEME_VALUE = re.compile(r"(?i)\b(basic|bearer)\s+[A-Za-z0-9._~+/=-]{8,}")


def redact(text: str, credentials: Credentials | None) -> str:
    """Return ``text`` with every credential replaced by ``[redacted]``.

    Examples
    --------
    >>> creds = Credentials("alice", "s3cret")
    >>> redact("Authorization: Basic YWxpY2U6czNjcmV0 (the rest of the line goes too)", creds)
    'Authorization: [redacted]'
    >>> redact("your password s3cret is wrong", creds)
    'your password [redacted] is wrong'
    """
    text = _AUTH_ECHO.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    text = _SCHEME_VALUE.sub("[redacted]", text)
    for secret in sorted(credentials.secrets() if credentials else [], key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return text


def refuse_userinfo(url: str) -> urllib.parse.SplitResult:
    """Split an http(s) URL; refuse one that holds credentials or is not http(s)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        # urllib's reason names the port or bracket, never the user or password.
        raise EndpointError(_msg("errors.bad_url", reason=exc)) from None
    if "@" in parts.netloc:
        raise EndpointError(_msg("errors.url_credentials"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(_msg("errors.not_http", url=url))
    return parts


def origin(parts: urllib.parse.SplitResult) -> tuple[str, str, int]:
    """Scheme, host and port: where credentials may go."""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, (parts.hostname or "").lower(), port


@dataclass(frozen=True)
class Response:
    """A server's answer: status, headers (lower-case names) and the whole body."""

    status: int
    headers: dict[str, str]
    body: bytes
    url: str


def exchange(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    credentials: Credentials | None = None,
    timeout: float = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Response:
    """Send one request and return the final response (after redirects and authentication).

    Any status is returned; only a failure to get an answer in time, or a too large one,
    raises.

    Parameters
    ----------
    method, url : str
        The request.
    body : bytes, optional
        What to send.
    headers : dict, optional
        More headers (never ``Authorization``: that comes from ``credentials``).
    credentials : Credentials, optional
        Sent only to the origin of ``url``.
    timeout : float
        Seconds for the whole exchange.
    max_bytes : int
        The largest body accepted.

    Raises
    ------
    EndpointError
        If the server cannot be reached, does not answer in time, sends more than
        ``max_bytes``, or redirects too often or to a URL holding credentials.
    """
    deadline = time.monotonic() + timeout
    first = refuse_userinfo(url)
    trusted = origin(first)
    current, current_method, current_body = first, method, body
    for _ in range(_MAX_REDIRECTS + 1):
        same_origin = origin(current) == trusted
        creds = credentials if (credentials and same_origin) else None
        for _attempt in range(3):
            response = _one(
                current_method,
                current,
                current_body,
                headers or {},
                creds,
                deadline,
                timeout,
                max_bytes,
            )
            if response.status == 401 and creds is not None:
                challenges = _split_challenges(
                    [v for k, v in response.raw_headers if k.lower() == "www-authenticate"]
                )
                if creds.answer(_space(current), challenges):
                    continue
            break
        if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
            target = urllib.parse.urljoin(
                urllib.parse.urlunsplit(current), response.headers["location"]
            )
            current = refuse_userinfo(target)
            if response.status == 303 or (
                response.status in (301, 302) and current_method == "POST"
            ):
                current_method, current_body = "GET", None
            continue
        return Response(
            response.status, response.headers, response.body, urllib.parse.urlunsplit(current)
        )
    raise EndpointError(_msg("errors.redirects", where=_where(first), n=_MAX_REDIRECTS))


def _space(parts: urllib.parse.SplitResult) -> str:
    """The protection space a challenge is kept for: origin and path."""
    scheme, host, port = origin(parts)
    return f"{scheme}://{host}:{port}{parts.path}"


def _where(parts: urllib.parse.SplitResult) -> str:
    return urllib.parse.urlunsplit(parts._replace(query="", fragment=""))


@dataclass
class _Raw:
    status: int
    headers: dict[str, str]
    raw_headers: list[tuple[str, str]]
    body: bytes


def _one(
    method: str,
    parts: urllib.parse.SplitResult,
    body: bytes | None,
    headers: dict[str, str],
    credentials: Credentials | None,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> _Raw:
    where = _where(parts)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise EndpointError(_msg("errors.no_answer", where=where, timeout=timeout))
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=remaining, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=remaining)
    timer_fired = threading.Event()
    # The socket is kept here: http.client hands it to the response and forgets it when the
    # server will close the connection.
    held: list[socket.socket] = []

    def cut() -> None:
        timer_fired.set()
        for sock in held:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, cut)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.connect()
        held.append(connection.sock)
        if timer_fired.is_set():  # the deadline passed while connecting
            raise TimeoutError
        connection.putrequest(method, target, skip_accept_encoding=True)
        sent = {k.lower() for k in headers}
        for key, value in headers.items():
            connection.putheader(key, value)
        if "user-agent" not in sent:
            connection.putheader("User-Agent", "andtsgraph")
        authorization = credentials.header(method, target, _space(parts)) if credentials else None
        if authorization:
            connection.putheader("Authorization", authorization)
        connection.putheader("Content-Length", str(len(body or b"")))
        try:
            connection.endheaders(body)
        except (BrokenPipeError, ConnectionResetError):
            # A server may answer before it has read the body (a 401 asking for Digest) and
            # close: its answer is still there to read.
            if timer_fired.is_set():
                raise
        response = connection.getresponse()
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise EndpointError(_too_large(where, max_bytes))
        chunks, size = [], 0
        while True:
            held[0].settimeout(max(0.01, deadline - time.monotonic()))
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise EndpointError(_too_large(where, max_bytes))
            chunks.append(chunk)
        if timer_fired.is_set():
            raise TimeoutError
        raw_headers = list(response.getheaders())
        return _Raw(
            response.status,
            {k.lower(): v for k, v in raw_headers},
            raw_headers,
            b"".join(chunks),
        )
    except EndpointError:
        raise
    except TimeoutError:
        raise EndpointError(_msg("errors.no_answer", where=where, timeout=timeout)) from None
    except (OSError, http.client.HTTPException) as exc:
        if timer_fired.is_set() or time.monotonic() >= deadline:
            raise EndpointError(_msg("errors.no_answer", where=where, timeout=timeout)) from None
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        if isinstance(exc, http.client.HTTPException):
            reason = f"the connection broke ({type(exc).__name__})"
        raise EndpointError(_msg("errors.unreachable", where=where, reason=reason)) from None
    finally:
        watchdog.cancel()
        connection.close()


def _too_large(where: str, max_bytes: int) -> str:
    return (
        f"the answer from {where} is larger than {max_bytes:,} bytes and was cut off; "
        "raise the limit with --max-size (max_bytes=) if it is expected"
    )
