"""Shared fixtures: the bundled knowledge graph, loaded once per test session; a guard that
refuses every socket to anything but loopback (local work never touches the network); and
pyshacl's SPARQL constraints prepared once instead of once per focus node."""

from __future__ import annotations

import ipaddress
import socket
import warnings

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


#: rdflib's translations of the query texts pyshacl sent, by (text, base, namespaces).
_PREPARED: dict[tuple, object] = {}
#: pyshacl's own method, for tests/test_suite_speed.py to compare with.
_UNPREPARED: list = []


@pytest.fixture(scope="session", autouse=True)
def _pyshacl_prepares_each_sparql_constraint_once():
    """pyshacl parses a SPARQL-based constraint again for every focus node: one validation of
    the bundled context parses 3 texts 175 times, two thirds of its time, and the tests that
    hold the SPARQL engine to pyshacl's reports run it some fifty times. While pyshacl checks
    such a constraint, rdflib's SPARQL processor keeps each text's translation (parse and
    algebra, exactly what it would compute again) and evaluates it with that focus node's
    bindings; prepared queries are made to be evaluated again with other bindings. Every
    other rdflib query of the suite is parsed as usual."""
    from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.processor import SPARQLProcessor, translateQuery

    plain_query = SPARQLProcessor.query
    plain_validate = getattr(SPARQLBasedConstraint, "_validate_sparql_query", None)
    if plain_validate is None:  # another pyshacl: slower, the same answers
        warnings.warn(
            "conftest: pyshacl's SPARQL constraints are parsed per focus node", stacklevel=1
        )
        yield
        return
    _UNPREPARED.append(plain_validate)

    def prepared_query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
            if key not in _PREPARED:
                _PREPARED[key] = translateQuery(parseQuery(strOrQuery), base, initNs)
            strOrQuery = _PREPARED[key]
        return plain_query(self, strOrQuery, initBindings, initNs, base, DEBUG)

    def validate_sparql_query(self, query, init_binds, target_graph):
        SPARQLProcessor.query = prepared_query
        try:
            return plain_validate(self, query, init_binds, target_graph)
        finally:
            SPARQLProcessor.query = plain_query

    SPARQLBasedConstraint._validate_sparql_query = validate_sparql_query
    yield
    SPARQLBasedConstraint._validate_sparql_query = plain_validate


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


@pytest.fixture
def english():
    """The library speaks English inside the test (Swedish is the default): for a test that
    reads an English message of a call that takes no ``lang``."""
    from andtsgraph.messages import using_language

    with using_language("en"):
        yield


@pytest.fixture(autouse=True)
def _language_restored():
    """Each test starts in the default language: one that leaves another language set (the
    library's global choice) would change what later tests on the same worker read. The
    language is put back, and the test that left it is named in the warnings summary."""
    import warnings

    from andtsgraph import messages

    before = messages._chosen
    yield
    if messages._chosen != before:
        left = messages._chosen
        messages.set_language(before)
        warnings.warn(f"the test left the library's language set to {left!r}", stacklevel=1)
