"""The boundary with a SPARQL server, against small misbehaving servers on loopback: a total
deadline, a size limit, no credential to another origin, none in a URL or in output, and a
push that checks every name before it writes, stops honestly, and can be finished or undone."""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from typing import ClassVar

import pytest
from rdflib.compare import isomorphic
from server_compare import rows
from server_fixtures import run_cli, sparql_update

import andtsgraph
from andtsgraph.remote import (
    Credentials,
    Endpoint,
    EndpointError,
    PushError,
    connect,
    push,
    remove,
)
from andtsgraph.remote.http import exchange, redact

pytestmark = pytest.mark.usefixtures("english_messages")  # they read English messages

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


@contextmanager
def loopback(handler: type[http.server.BaseHTTPRequestHandler]):
    """Serve ``handler`` on a free loopback port in a thread; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test output stays readable
        pass

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))


class Drip(Quiet):
    """Answers one byte every 0.2 s, for a minute: each read succeeds, the whole never ends.
    With ``headers_too``, even its status line and headers come a byte at a time."""

    headers_too = False

    def do_POST(self) -> None:
        self.body()
        if self.headers_too:
            data = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 300
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            data = b" " * 300
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass


class DripHeaders(Drip):
    """Sends its status line and headers one byte at a time."""

    headers_too = True


class Endless(Quiet):
    """Streams without end (chunked), as fast as the client reads."""

    def do_POST(self) -> None:
        self.body()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536
        try:
            while True:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass


def test_a_server_that_drips_bytes_is_cut_off_at_the_deadline():
    with loopback(Drip) as url:
        kg = connect(f"{url}/query", timeout=1.5)
        started = time.monotonic()
        with pytest.raises(EndpointError, match=r"no answer from .* within 1.5 s \(timed out\)"):
            kg.backend.raw_select("SELECT * WHERE { ?s ?p ?o }", scoped=False)
        assert time.monotonic() - started < 5  # not the minute the server would take


def test_a_server_that_drips_its_headers_is_cut_off_at_the_deadline():
    with loopback(DripHeaders) as url:
        started = time.monotonic()
        with pytest.raises(EndpointError, match=r"within 1 s \(timed out\)"):
            exchange("POST", f"{url}/query", body=b"query=ASK{}", timeout=1)
        assert time.monotonic() - started < 5


def test_a_server_that_streams_forever_is_cut_off_by_the_size_limit():
    with loopback(Endless) as url:
        kg = connect(f"{url}/query", timeout=60, max_bytes=2_000_000)
        started = time.monotonic()
        with pytest.raises(EndpointError, match=r"larger than 2,000,000 bytes and was cut off"):
            kg.backend.raw_select("SELECT * WHERE { ?s ?p ?o }", scoped=False)
        assert time.monotonic() - started < 10


def test_a_server_that_streams_forever_is_cut_off_by_the_deadline_too():
    with loopback(Endless) as url:
        started = time.monotonic()
        with pytest.raises(EndpointError, match=r"within 1.5 s \(timed out\)"):
            exchange("POST", f"{url}/query", body=b"", timeout=1.5, max_bytes=1 << 40)
        assert time.monotonic() - started < 5


def test_cli_timeout_and_max_size_reach_the_request():
    with loopback(Endless) as url:
        proc = run_cli("query", "plans", "--endpoint", f"{url}/query", "--max-size", "1")
    assert proc.returncode == 2
    assert "larger than 1,000,000 bytes and was cut off" in proc.stderr
    assert "Traceback" not in proc.stderr


class Recorder(Quiet):
    """Records every request's path and Authorization header; answers ASK true."""

    seen: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Authorization")))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(ASK_TRUE)

    do_POST = do_GET


def _redirecting_to(target: str, status: int):
    class Redirect(Quiet):
        seen: ClassVar[list[str | None]] = []

        def do_POST(self) -> None:
            self.body()
            self.seen.append(self.headers.get("Authorization"))
            self.send_response(status)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST

    return Redirect


@pytest.mark.parametrize("status", [302, 307])
@pytest.mark.parametrize("kind", ["basic", "bearer"])
def test_a_cross_origin_redirect_receives_no_credential(monkeypatch, status, kind):
    Recorder.seen = []
    with loopback(Recorder) as other:  # another port: another origin
        redirect = _redirecting_to(f"{other}/elsewhere", status)
        with loopback(redirect) as url:
            if kind == "bearer":
                monkeypatch.setenv("T_FOR_TEST", "t0ken-value-123")
                kg = connect(f"{url}/query", token_env="T_FOR_TEST", timeout=10)
            else:
                kg = connect(f"{url}/query", auth=("alice", "s3cret"), timeout=10)
                # A Basic challenge learned earlier: the credential would go unasked.
                kg.backend.endpoint.credentials.answer(
                    f"http://127.0.0.1:{url.rsplit(':', 1)[1]}/query", ['Basic realm="x"']
                )
            response = exchange(
                "POST",
                f"{url}/query",
                body=b"query=ASK%7B%7D",
                credentials=kg.backend.endpoint.credentials,
                timeout=10,
            )
    assert response.status == 200 and response.url == f"{other}/elsewhere"
    assert redirect.seen and redirect.seen[0] is not None  # the origin got it
    assert Recorder.seen == [("/elsewhere", None)]  # the other origin did not


class MovedHere(Recorder):
    """Redirects /old to /new on the same origin; records like Recorder."""

    def do_GET(self) -> None:
        if self.path == "/old":
            self.seen.append((self.path, self.headers.get("Authorization")))
            self.send_response(307)
            self.send_header("Location", "/new")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


def test_a_same_origin_redirect_keeps_the_credential():
    Recorder.seen = []
    with loopback(MovedHere) as url:
        credentials = Credentials(token="t0ken-value-123")
        response = exchange("GET", f"{url}/old", credentials=credentials, timeout=10)
    assert response.status == 200
    assert Recorder.seen == [("/old", "Bearer t0ken-value-123"), ("/new", "Bearer t0ken-value-123")]


def test_credentials_in_a_url_are_refused_and_never_shown():
    for url in ("http://alice:s3cret@127.0.0.1:9/query", "http://alice@127.0.0.1:9"):
        with pytest.raises(EndpointError, match="holds credentials") as info:
            connect(url)
        assert "s3cret" not in str(info.value) and "alice" not in str(info.value)
    proc = run_cli("query", "plans", "--endpoint", "http://alice:s3cret@127.0.0.1:9/query")
    assert proc.returncode == 2 and "holds credentials" in proc.stderr
    assert "s3cret" not in proc.stderr + proc.stdout


def test_a_redirect_to_a_url_with_credentials_is_refused():
    with (
        loopback(_redirecting_to("http://bob:pw@127.0.0.1:9/x", 302)) as url,
        pytest.raises(EndpointError, match="holds credentials"),
    ):
        exchange("GET", f"{url}/query", timeout=10)


class Echo(Quiet):
    """Fails with a body that echoes the request's headers (as some debugging servers do)."""

    def do_POST(self) -> None:
        self.body()
        text = f"Internal error. Request headers were:\n{self.headers}".encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)


def test_an_error_body_echoing_authorization_is_shown_redacted(monkeypatch):
    monkeypatch.setenv("T_FOR_TEST", "t0ken-value-123")
    with loopback(Echo) as url:
        kg = connect(f"{url}/query", token_env="T_FOR_TEST", timeout=10)
        with pytest.raises(EndpointError) as info:
            kg.backend.raw_select("SELECT * WHERE { ?s ?p ?o }", scoped=False)
        message = str(info.value)
        assert "answered HTTP 500: Internal error. Request headers were:" in message
        assert "Authorization: [redacted]" in message and "t0ken" not in message
        proc = run_cli(
            "query",
            "plans",
            "--endpoint",
            f"{url}/query",
            "--token-env",
            "T_FOR_TEST",
            env={"T_FOR_TEST": "t0ken-value-123"},
        )
    assert proc.returncode == 2 and "HTTP 500" in proc.stderr
    assert "t0ken" not in proc.stderr + proc.stdout


def test_redact_removes_every_form_of_a_credential():
    creds = Credentials("alice", "pa55word")
    text = "user alice sent pa55word as Basic YWxpY2U6cGE1NXdvcmQ= ; authorization=Digest x"
    assert redact(text, creds) == (
        "user alice sent [redacted] as [redacted] ; authorization=[redacted]"
    )


class DigestOnly(Quiet):
    """Accepts only Digest (RFC 7616, MD5, qop=auth) for alice/s3cret; records what it got."""

    seen: ClassVar[list[str | None]] = []

    def do_POST(self) -> None:
        import hashlib
        import re

        self.body()
        auth = self.headers.get("Authorization")
        self.seen.append(auth)
        nonce = "abc123"
        if auth and auth.startswith("Digest "):
            f = dict(re.findall(r'(\w+)="?([^",]+)"?', auth[7:]))

            def h(s: str) -> str:
                return hashlib.md5(s.encode()).hexdigest()

            ha1, ha2 = h("alice:test:s3cret"), h(f"POST:{f['uri']}")
            expected = h(f"{ha1}:{nonce}:{f['nc']}:{f['cnonce']}:auth:{ha2}")
            if f.get("response") == expected and f["uri"] == self.path:
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(ASK_TRUE)))
                self.end_headers()
                self.wfile.write(ASK_TRUE)
                return
        self.send_response(401)
        self.send_header(
            "WWW-Authenticate", f'Digest realm="test", nonce="{nonce}", qop="auth", algorithm="MD5"'
        )
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_digest_authentication_never_sends_the_password():
    DigestOnly.seen = []
    with loopback(DigestOnly) as url:
        kg = connect(f"{url}/query", auth=("alice", "s3cret"), timeout=10)
        for _ in range(2):
            assert kg.backend._json("ASK { ?s ?p ?o }", False) == {"head": {}, "boolean": True}
        # One challenge, then answers (the second request reuses it); never the password.
        assert DigestOnly.seen[0] is None and all(
            s.startswith("Digest ") for s in DigestOnly.seen[1:]
        )
        assert len(DigestOnly.seen) == 3
        assert not any("s3cret" in s for s in DigestOnly.seen[1:])
        wrong = connect(f"{url}/query", auth=("alice", "nope"), timeout=10)
        with pytest.raises(EndpointError, match=r"refused the credentials \(HTTP 401\)"):
            wrong.backend._json("ASK { ?s ?p ?o }", False)


# ---- push against a real Oxigraph server -------------------------------------------------------


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """One Oxigraph server as installed (no flags) for this module; stopped by PID."""
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path_factory.mktemp("safety")) as url:
        yield url


THEIRS = "https://example.org/another-team/graph"


def _clear(url: str) -> None:
    """Empty the server (the test's own doing, not andtsgraph's) and give it another team's
    graph."""
    for text in (
        "DROP ALL",
        f"INSERT DATA {{ GRAPH <{THEIRS}> {{ <urn:x:a> <urn:x:b> 'theirs' }} }}",
    ):
        urllib.request.urlopen(
            urllib.request.Request(
                f"{url}/update",
                data=text.encode(),
                headers={"Content-Type": "application/sparql-update"},
            ),
            timeout=30,
        ).read()


def _theirs_survive(url: str) -> bool:
    query = f"ASK {{ GRAPH <{THEIRS}> {{ <urn:x:a> <urn:x:b> 'theirs' }} }}"
    with urllib.request.urlopen(
        urllib.request.Request(
            f"{url}/query",
            data=query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/json"},
        ),
        timeout=30,
    ) as response:
        return json.loads(response.read())["boolean"]


HOSTILE_TRIG = """
@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
<https://w3id.org/andtsgraph/graph/x\\u003E { } } ; DROP ALL ; INSERT DATA { GRAPH \\u003Chttps://w3id.org/andtsgraph/graph/y> {
  <https://w3id.org/andtsgraph/plan/x> a andts:Note .
}
"""


def test_a_hostile_graph_name_never_reaches_an_update(kg, oxigraph, tmp_path):
    _clear(oxigraph)
    path = tmp_path / "crafted.trig"
    path.write_text(HOSTILE_TRIG, encoding="utf-8")
    crafted = andtsgraph.load([path], store="memory")
    hostile = [n for n in crafted.graph_names() if "DROP" in n]
    assert hostile, "rdflib keeps the decoded name: the case this test is about"
    for how in ({}, {"update_endpoint": f"{oxigraph}/update", "gsp_endpoint": None}):
        endpoint = oxigraph if not how else f"{oxigraph}/query"
        with pytest.raises(EndpointError, match="is not a valid IRI; nothing was written"):
            push(crafted, endpoint, replace=True, **how)
    assert _theirs_survive(oxigraph)
    assert connect(oxigraph).backend.refresh() == []  # nothing of the crafted file arrived


def test_replace_touches_only_the_pushed_graphs(kg, oxigraph):
    _clear(oxigraph)
    push(kg, oxigraph)
    again = push(kg, oxigraph, replace=True)
    assert {p.graph for p in again} == set(kg.graph_names())
    assert _theirs_survive(oxigraph)  # no DROP ALL: another team's graph is still there
    with pytest.raises(EndpointError, match=r"already hold data on the server .* use --replace"):
        push(kg, oxigraph)


def test_graphs_outside_the_project_namespace_are_refused(oxigraph, tmp_path):
    path = tmp_path / "other.trig"
    path.write_text("<https://example.org/g> { <urn:x:s> <urn:x:p> 'o' }", encoding="utf-8")
    other = andtsgraph.load([path])
    with pytest.raises(
        EndpointError, match=r"https://example.org/g is not under .* nothing was written"
    ):
        push(other, oxigraph, replace=True)


class FailAfter:
    """A proxy in front of a real server that lets ``allowed`` graph writes through and answers
    the next one with a server error, as a full disk or a restart would."""

    def __init__(self, target: str, allowed: int) -> None:
        self.target, self.allowed, self.writes = target, allowed, 0

    def handler(self):
        proxy = self

        class Handler(Quiet):
            def forward(self) -> None:
                data = self.body() if self.command in ("POST", "PUT") else None
                is_write = self.command in ("PUT", "DELETE") or (
                    self.command == "POST" and "/update" in self.path
                )
                if is_write:
                    proxy.writes += 1
                    if proxy.writes > proxy.allowed:
                        text = b"Storage full: cannot write the graph"
                        self.send_response(507)
                        self.send_header("Content-Length", str(len(text)))
                        self.end_headers()
                        self.wfile.write(text)
                        return
                request = urllib.request.Request(
                    proxy.target + self.path, data=data, method=self.command
                )
                for key in ("Content-Type", "Accept"):
                    if self.headers.get(key):
                        request.add_header(key, self.headers[key])
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        status, body, kind = (
                            response.status,
                            response.read(),
                            response.headers.get("Content-Type", ""),
                        )
                except urllib.error.HTTPError as exc:
                    status, body, kind = exc.code, exc.read(), exc.headers.get("Content-Type", "")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = forward

        return Handler


def test_a_push_interrupted_half_way_reports_graph_by_graph_and_can_be_finished(kg, oxigraph):
    _clear(oxigraph)
    names = kg.graph_names()
    half = len(names) // 2
    proxy = FailAfter(oxigraph, half)
    with loopback(proxy.handler()) as url:
        seen = []
        with pytest.raises(PushError) as info:
            push(kg, url, progress=seen.append)
        error = info.value
        assert [g.graph for g in error.written] == names[:half] == [g.graph for g in seen]
        assert error.failed == names[half] and error.remaining == names[half + 1 :]
        assert "HTTP 507: Storage full: cannot write the graph" in str(error)
        assert f"{half} graphs were written whole" in str(error) and "--resume" in str(error)
        # The command line lists each graph as it is written, then how to finish or undo.
        proxy.writes = 0
        _clear(oxigraph)
        proc = run_cli("push", url, "--lang", "en")
    assert proc.returncode == 2, proc.stderr
    written_lines = [line for line in proc.stdout.splitlines() if line.startswith("wrote ")]
    assert [line.split()[1] for line in written_lines] == names[:half]
    assert f"the push stopped at {names[half]}: " in proc.stderr
    assert (
        f"{half} graphs were written whole (listed above), {len(names) - half} were not"
        in proc.stderr
    )
    assert f"To finish: andtsgraph push {url} --resume" in proc.stderr
    assert "Traceback" not in proc.stderr
    # What was written is really there, whole, and nothing else of ours.
    server = connect(oxigraph)
    assert server.backend.refresh() == sorted(names[:half])
    # --resume keeps those and writes the rest; the result is the whole graph.
    finished = push(kg, oxigraph, resume=True)
    assert [g.method for g in finished] == ["kept"] * half + ["gsp"] * (len(names) - half)
    server.backend.refresh()
    for name in names:
        assert isomorphic(server.graph(name), kg.graph(name)), name
    assert _theirs_survive(oxigraph)


def test_remove_undoes_a_push_and_nothing_else(kg, oxigraph):
    _clear(oxigraph)
    push(kg, oxigraph)
    proc = run_cli("push", oxigraph, "--remove", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert f"removed {len(kg.graph_names())} graphs" in proc.stderr
    assert connect(oxigraph).backend.refresh() == []
    assert _theirs_survive(oxigraph)


def test_a_remove_interrupted_half_way_says_what_it_removed(kg, oxigraph):
    _clear(oxigraph)
    push(kg, oxigraph)
    names = kg.graph_names()
    half = len(names) // 2
    proxy = FailAfter(oxigraph, half)
    with loopback(proxy.handler()) as url, pytest.raises(PushError) as info:
        remove(kg, url)
    error = info.value
    assert [g.graph for g in error.written] == names[:half] and error.failed == names[half]
    assert f"remove stopped at graph {names[half]} ({half + 1} of {len(names)})" in str(error)
    assert f"{half} graphs were removed, {len(names) - half} were not" in str(error)
    assert connect(oxigraph).backend.refresh() == sorted(names[half:])
    assert remove(kg, oxigraph) == names[half:]  # the same remove again finishes it
    assert connect(oxigraph).backend.refresh() == [] and _theirs_survive(oxigraph)


def test_a_server_with_only_our_graphs_is_asked_for_their_union(kg, oxigraph):
    _clear(oxigraph)
    push(kg, oxigraph)
    shared = connect(oxigraph).backend
    shared.refresh()
    assert shared._how == "from"  # another team's graph is there: name ours
    sparql_update(oxigraph, f"DROP GRAPH <{THEIRS}>")
    # The parameter's union holds the unnamed graph too: with a triple there, name ours.
    sparql_update(oxigraph, "INSERT DATA { <urn:x:unnamed> <urn:x:p> 'not ours' }")
    assert shared.refresh() == kg.graph_names() and shared._how == "from"
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(shared.raw_select(everything).rows[0][0]) == int(kg.query(everything).terms[0][0])
    sparql_update(oxigraph, "DROP DEFAULT")
    ours = connect(oxigraph)
    ours.backend.refresh()
    assert ours.backend._how == "union"  # the Oxigraph server's union-default-graph parameter
    assert len(ours) == len(kg) and ours.plans.to_records() == kg.plans.to_records()
    for query in ("activities-by-target-group", "memberships", "uncovered-factors-by-plan"):
        assert rows(ours.query(query)) == rows(kg.query(query)), query


def test_an_empty_server_is_an_error_with_a_hint(oxigraph):
    _clear(oxigraph)
    with pytest.raises(
        EndpointError, match=r"holds no andtsgraph graphs .* with 'andtsgraph push'"
    ):
        connect(oxigraph).query("plans")


def test_server_down_is_one_clear_error():
    from oxigraph_server import free_port

    port = free_port()  # nothing listens there
    proc = run_cli("query", "plans", "--endpoint", f"http://127.0.0.1:{port}", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"andtsgraph: error: cannot reach http://127.0.0.1:{port}/query: Connection refused"
    ]


def test_endpoint_with_with_or_store_is_an_error_that_says_why(tmp_path):
    for extra in (["--with", str(tmp_path / "x.ttl")], ["--store", "memory"]):
        for command in (["report"], ["gaps"], ["hubs"], ["info"], ["query", "plans"]):
            proc = run_cli(*command, "--endpoint", "http://127.0.0.1:9", *extra, "--lang", "en")
            assert proc.returncode == 2, (command, extra)
            assert (
                f"{extra[0]} cannot be used with --endpoint: the graph is the one on the server"
                in proc.stderr
            )
    proc = run_cli("validate", "plan.ttl", "--endpoint", "http://127.0.0.1:9", "--lang", "en")
    assert proc.returncode == 2 and "cannot be used with --endpoint" in proc.stderr


def test_endpoint_from_url_keeps_no_secret_in_its_repr(monkeypatch):
    monkeypatch.setenv("T_FOR_TEST", "t0ken-value-123")
    endpoint = Endpoint.from_url("http://127.0.0.1:7878", token_env="T_FOR_TEST")
    assert "t0ken" not in repr(endpoint) + repr(endpoint.credentials)
    basic = Endpoint.from_url("http://127.0.0.1:7878", auth=("alice", "pw"))
    assert "pw" not in repr(basic).replace("http", "")
    with pytest.raises(EndpointError, match="NOT_SET_VAR"):
        Endpoint.from_url("http://127.0.0.1:7878", token_env="NOT_SET_VAR")
