"""Stores behind the knowledge graph. Callers talk to a :class:`Backend`; which store holds
the quads (rdflib in memory today; pyoxigraph or a remote SPARQL server later) is the
backend's business."""

from __future__ import annotations

from andtsgraph.backends.base import Backend, SelectRows
from andtsgraph.backends.oxigraph_memory import OxigraphMemoryBackend
from andtsgraph.backends.rdflib_memory import RdflibMemoryBackend

__all__ = [
    "STORES",
    "Backend",
    "OxigraphMemoryBackend",
    "RdflibMemoryBackend",
    "SelectRows",
    "make_backend",
]

#: The embedded stores: pyoxigraph (compiled, the default) and rdflib's pure-Python memory store.
STORES = ("oxigraph", "memory")


def make_backend(store: str) -> Backend:
    """Return an empty backend for the store named ``store`` ("oxigraph" or "memory")."""
    from andtsgraph.errors import AndtsError

    if store == "oxigraph":
        return OxigraphMemoryBackend()
    if store == "memory":
        return RdflibMemoryBackend()
    raise AndtsError(f"unknown store {store!r}: choose one of {', '.join(STORES)}")
