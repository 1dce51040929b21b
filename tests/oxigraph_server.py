"""Start and stop a real Oxigraph SPARQL server (PyPI package ``oxigraph``) for the tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def oxigraph_command() -> str:
    """Return the ``oxigraph`` executable installed beside this Python (or on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is not installed: run scripts/setup.sh --test")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path, *, union_default_graph: bool = False):
    """Run ``oxigraph serve`` on a free loopback port; yield its base URL; stop it by PID.

    By default the server runs as installed (its default graph is the unnamed graph only);
    ``union_default_graph`` starts it with ``--union-default-graph``."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_command(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--union-default-graph"] if union_default_graph else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"oxigraph exited: {process.stderr.read().decode(errors='replace')}"
                )
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("oxigraph did not start within 30 s") from None
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
