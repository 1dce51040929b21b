"""Stores behind the knowledge graph, in one registry. Callers talk to a :class:`Backend`;
which store holds the quads (pyoxigraph, rdflib's memory store, a SPARQL server) is the
backend's business, and what a store can do beyond the seam is a capability protocol of
:mod:`andtsgraph.backends.base` (checked with ``isinstance``).

Examples
--------
>>> sorted(BACKENDS)
['memory', 'oxigraph', 'remote']
>>> make_backend("oxigraph").name
'oxigraph'
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from andtsgraph.backends.base import (
    Backend,
    NativeFileLoading,
    OxigraphStore,
    SelectRows,
    Updatable,
)
from andtsgraph.errors import ChoiceError, did_you_mean

__all__ = [
    "BACKENDS",
    "STORES",
    "Backend",
    "BackendInfo",
    "NativeFileLoading",
    "OxigraphStore",
    "SelectRows",
    "Updatable",
    "check_store",
    "make_backend",
    "register_backend",
]


@dataclass(frozen=True)
class BackendInfo:
    """A registered store: its name, where its class lives, and whether it is embedded (runs
    in this process; ``load(store=…)`` and ``--store`` offer those)."""

    name: str
    target: str
    embedded: bool
    description: str

    def cls(self) -> type:
        """The backend class (imported when first asked for: a server's client is not loaded
        for local work)."""
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


#: The registry: store name → :class:`BackendInfo`.
BACKENDS: dict[str, BackendInfo] = {}


def register_backend(name: str, target: str, *, embedded: bool, description: str) -> None:
    """Add a store to the registry; ``target`` is ``"module:Class"``."""
    BACKENDS[name] = BackendInfo(name, target, embedded, description)


register_backend(
    "oxigraph",
    "andtsgraph.backends.oxigraph_memory:OxigraphMemoryBackend",
    embedded=True,
    description="pyoxigraph in memory (the default; compiled, fast)",
)
register_backend(
    "memory",
    "andtsgraph.backends.rdflib_memory:RdflibMemoryBackend",
    embedded=True,
    description="rdflib's pure-Python memory store (slower; for debugging rdflib)",
)
register_backend(
    "remote",
    "andtsgraph.remote:RemoteBackend",
    embedded=False,
    description="a SPARQL 1.1 server (andtsgraph.connect)",
)

#: The embedded stores, in registry order: the choices of ``load(store=…)`` and ``--store``.
STORES = tuple(name for name, info in BACKENDS.items() if info.embedded)


def make_backend(store: str, *args: Any, **kwargs: Any) -> Backend:
    """Return a new backend of the store named ``store`` (a server's takes its endpoint).

    Raises
    ------
    ChoiceError
        For a store that is not registered (the message lists those that are).
    """
    if store not in BACKENDS:
        check_store(store)
    return BACKENDS[store].cls()(*args, **kwargs)


def check_store(store: str) -> None:
    """Refuse a store that is not an embedded one (what ``load(store=…)`` offers).

    Raises
    ------
    ChoiceError
        Listing the embedded stores (and, for a server, how to connect to it).

    Examples
    --------
    >>> from andtsgraph.messages import using_language
    >>> with using_language("en"):
    ...     check_store("remote")
    Traceback (most recent call last):
    ...
    andtsgraph.errors.ChoiceError: store='remote' is not one of: oxigraph, memory; for a SPARQL server use andtsgraph.connect(URL)
    """
    from andtsgraph.messages import text

    if store in STORES:
        return
    hint = text("stores.server") if store in BACKENDS else did_you_mean(store, STORES)
    raise ChoiceError(text("stores.unknown", store=store, allowed=", ".join(STORES), hint=hint))
