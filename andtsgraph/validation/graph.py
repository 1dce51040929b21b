"""Validate any data graph against any shapes graph with a named engine."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from andtsgraph.backends.base import OxigraphStore
from andtsgraph.errors import AndtsError, AndtsWarning
from andtsgraph.messages import text as _msg
from andtsgraph.validation.engines import ENGINES, UnsupportedShapes, select_graph, select_store
from andtsgraph.validation.engines import pyshacl as pyshacl_engine
from andtsgraph.validation.engines import sparql as sparql_engine
from andtsgraph.validation.records import ShaclReport, ShaclResult

__all__ = ["ValidationWarning", "choose_engine", "validate_graph"]


class ValidationWarning(AndtsWarning):
    """Something validation did differently from what was asked, said in one line."""


def choose_engine(
    engine: str, shapes: Graph, closure: Callable[[URIRef], list[str]] | None = None
) -> tuple[str, sparql_engine.Program | None]:
    """The engine that will run: "auto" takes "sparql" when it compiles the shapes, else
    "pyshacl", warning once with what it could not compile. With "sparql", the compiled shapes
    come too (with ``closure``: see :func:`~andtsgraph.validation.engines.sparql.compile_shapes`).

    Raises
    ------
    AndtsError
        For an unknown engine.
    UnsupportedShapes
        If "sparql" is asked for and the shapes use something it does not compile.
    """
    if engine not in ENGINES:
        raise AndtsError(
            _msg("errors.unknown_choice", name="engine", value=engine, choices=", ".join(ENGINES))
        )
    if engine == "pyshacl":
        return engine, None
    try:
        return "sparql", sparql_engine.compile_shapes(shapes, closure)
    except UnsupportedShapes as exc:
        if engine == "sparql":
            raise
        warnings.warn(f"{exc}; validating with pyshacl instead", ValidationWarning, stacklevel=3)
        return "pyshacl", None


def validate_graph(data: Any, shapes: Graph, *, engine: str = "auto") -> ShaclReport:
    """Validate a data graph against a shapes graph; return the SHACL results.

    Parameters
    ----------
    data : rdflib.Graph, rdflib.Dataset or KnowledgeGraph
        The data graph (of a Dataset or a knowledge graph: the union of its graphs).
    shapes : rdflib.Graph
        The shapes graph.
    engine : {"auto", "sparql", "pyshacl"}
        "sparql" compiles the shapes to SPARQL (:mod:`andtsgraph.validation.engines.sparql`)
        and runs them where the data are: a knowledge graph's store (embedded or remote), or
        for an rdflib graph a pyoxigraph copy of it (rdflib's own SPARQL engine when the copy
        would change a literal; see :mod:`andtsgraph.validation.stored`). "pyshacl" runs
        pyshacl. "auto" (default) takes "sparql" when it compiles the shapes, else "pyshacl".

    Returns
    -------
    ShaclReport
        ``conforms``, the :class:`ShaclResult` records, and ``graph()``: the standard
        ``sh:ValidationReport``.

    Raises
    ------
    UnsupportedShapes
        With ``engine="sparql"``, if the shapes use something it does not compile (named).

    Examples
    --------
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     @prefix ex: <http://example.org/> .
    ...     ex:Person a sh:NodeShape , <http://www.w3.org/2000/01/rdf-schema#Class> ;
    ...         sh:property [ sh:path ex:name ; sh:minCount 1 ] .''', format="turtle")
    >>> data = Graph().parse(data='''
    ...     <http://example.org/bob> a <http://example.org/Person> .''', format="turtle")
    >>> report = validate_graph(data, shapes, engine="sparql")
    >>> report.conforms, [r.component.fragment for r in report.results]
    (False, ['MinCountConstraintComponent'])
    """
    if engine not in ENGINES:
        choose_engine(engine, shapes)  # raises, naming the engines
    # The shapes are compiled once, with the data's class hierarchy.
    select, threads = (None, 1) if engine == "pyshacl" else _select(data)
    closure = None if select is None else sparql_engine.class_closure(select)
    chosen, program = choose_engine(engine, shapes, closure)
    if chosen == "sparql" and select is not None:
        results = sparql_engine.run(select, shapes, program, threads=threads)
    else:
        results = pyshacl_engine.run(_rdflib_graph(data), shapes)
    results.sort(key=ShaclResult.key)
    return ShaclReport(conforms=not results, results=results, shapes=shapes, engine=chosen)


def _select(data: Any) -> tuple[sparql_engine.Select, int]:
    """A select function over ``data``, and how many of its queries may run at once (several
    only on a pyoxigraph store: it is safe across threads and lets go of the GIL)."""
    if isinstance(data, Graph):
        from andtsgraph.validation.stored import changed_in_store

        graph = _rdflib_graph(data)
        if changed_in_store(o for _, _, o in graph if isinstance(o, Literal)):
            return select_graph(graph), 1  # the store would change the user's terms
        import pyoxigraph as ox

        from andtsgraph.backends.oxigraph_memory import to_oxigraph

        store = ox.Store()
        store.extend(
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
            for s, p, o in graph  # the triples of an rdflib graph: subject and predicate fit
        )

        def select(text: str) -> Iterator[dict[str, Node | None]]:
            solutions = store.query(text)
            assert isinstance(solutions, ox.QuerySolutions)  # the engine asks only SELECTs
            names = [v.value for v in solutions.variables]
            from andtsgraph.backends.oxigraph_memory import to_rdflib

            for solution in solutions:
                yield {n: to_rdflib(solution[n]) for n in names}

        return select, sparql_engine.store_threads()
    backend = getattr(data, "backend", None)
    if backend is None:
        raise AndtsError(_msg("errors.cannot_validate", kind=type(data).__name__))
    threads = sparql_engine.store_threads() if isinstance(backend, OxigraphStore) else 1
    return select_store(backend), threads


def _rdflib_graph(data: Any) -> Graph:
    if isinstance(data, Dataset):
        union = Graph()
        for s, p, o, _ in data.quads():
            union.add((s, p, o))
        return union
    if isinstance(data, Graph):
        return data
    if hasattr(data, "graph_names"):
        union = Graph()
        for name in data.graph_names():
            union += data.graph(name)
        return union
    raise AndtsError(_msg("errors.cannot_validate", kind=type(data).__name__))
