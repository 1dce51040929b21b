"""The validation engines behind one interface: data and shapes in, :class:`ShaclResult` out.

- ``"sparql"`` (:mod:`.sparql`): the shapes compiled to standard SPARQL 1.1 queries, run by
  whichever store holds the data (embedded Oxigraph or memory store, or a remote server);
  only the violations come back to Python.
- ``"pyshacl"`` (:mod:`.pyshacl`): pyshacl on an rdflib graph; the test oracle.
- ``"auto"``: "sparql" when it compiles the shapes, else "pyshacl" (a one-line warning says
  what it could not compile).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

from rdflib import Graph
from rdflib.term import Node

from andtsgraph.validation.engines.sparql import Select, UnsupportedShapes

__all__ = ["ENGINES", "UnsupportedShapes", "select_graph", "select_store"]

#: The engine names :func:`andtsgraph.validation.validate_graph` takes.
ENGINES = ("auto", "sparql", "pyshacl")


def select_graph(graph: Graph) -> Select:
    """A select function over an rdflib graph (rdflib's own SPARQL engine)."""

    def select(text: str) -> Iterator[Mapping[str, Node | None]]:
        result = graph.query(text)
        names = [str(v) for v in result.vars or []]
        for row in result:
            # A SELECT's rows are ResultRows (tuples of terms, None where unbound).
            yield dict(zip(names, cast(tuple, row), strict=True))

    return select


def select_store(backend: Any) -> Select:
    """A select function over a knowledge graph's store (its ``select``: the same method the
    query API uses, so the same queries run on the embedded stores and on a server)."""

    def select(text: str) -> Iterator[Mapping[str, Node | None]]:
        rows = backend.select(text, {}, {})
        convert = rows.to_rdflib
        for row in rows.rows:
            terms = row if convert is None else [convert(t) for t in row]
            yield dict(zip(rows.columns, terms, strict=True))

    return select
