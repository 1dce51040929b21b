"""Shared fixtures: the bundled knowledge graph, loaded once per test session; and a guard
that refuses every socket to anything but loopback (local work never touches the network)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

import andtsgraph

pytest_plugins = ["server_fixtures"]  # the real servers, once per session (issue 16)

#: Connections the guard refused, so that a test can assert that none were tried.
REFUSED: list[object] = []


class NetworkRefused(OSError):
    """A test tried to reach a host that is not this machine."""


def _is_loopback(host: object) -> bool:
    if host is None:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name in ("localhost", "localhost.localdomain", ""):
        return True
    try:
        return ipaddress.ip_address(name.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _guard(original):
    def connect(sock, address, *args):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            REFUSED.append(address)
            raise NetworkRefused(f"tests may not reach {address[0]!r}: only loopback")
        return original(sock, address, *args)

    return connect


_original_getaddrinfo = socket.getaddrinfo


def _getaddrinfo(host, *args, **kwargs):
    if not _is_loopback(host):
        REFUSED.append(host)
        raise NetworkRefused(f"tests may not look up {host!r}: only loopback")
    return _original_getaddrinfo(host, *args, **kwargs)


# Installed when pytest loads this file, before any test runs.
socket.socket.connect = _guard(socket.socket.connect)  # type: ignore[method-assign]
socket.socket.connect_ex = _guard(socket.socket.connect_ex)  # type: ignore[method-assign]
socket.getaddrinfo = _getaddrinfo


@pytest.fixture(scope="session")
def kg() -> andtsgraph.KnowledgeGraph:
    """The whole bundled knowledge graph (ontology, vocabularies, actors, links, all plans)."""
    return andtsgraph.load()


@pytest.fixture(scope="session")
def plans_by_id(kg):
    """The loaded plans keyed by id."""
    return {p.id: p for p in kg.plans}


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    """A real Oxigraph server on a free loopback port, empty; stopped by PID at the end."""
    from oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="session")
def pushed_server(kg, oxigraph_url):
    """The Oxigraph server holding the bundled graph, pushed with andtsgraph.push()."""
    pushed = andtsgraph.push(kg, oxigraph_url)
    return oxigraph_url, pushed
