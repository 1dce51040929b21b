"""pyoxigraph's in-memory store: a compiled SPARQL engine, 10–200× faster than rdflib's on
aggregate queries. rdflib terms go in and come out; pyoxigraph stays inside this module."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from andtsgraph.backends.base import dataset_of
from andtsgraph.backends.embedded import EmbeddedStore
from andtsgraph.errors import QueryError
from andtsgraph.results import KEEP_LEXICAL
from andtsgraph.results import to_python as rdflib_to_python
from andtsgraph.sparql_text import bind_with_values, dataset_clauses, syntax_error

__all__ = [
    "NATIVE_FORMATS",
    "RDFLIB_DEFAULT_GRAPH",
    "OxigraphMemoryBackend",
    "to_oxigraph",
    "to_python",
    "to_rdflib",
]

#: rdflib parser names of the formats Oxigraph parses itself, into the same quads as rdflib.
#: (JSON-LD, RDF/XML and N3 stay with rdflib: their processors differ in the corners.)
NATIVE_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}

#: Where the default graph of a TriG or N-Quads file goes: the name rdflib gives it.
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_rdflib(term: Any) -> Node | None:
    """Convert a pyoxigraph term (or None) to an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Datatypes whose Python value is their lexical form (results.to_python keeps these as text).
_LEXICAL = {_XSD_STRING} | {str(dt) for dt in KEEP_LEXICAL}


def to_python(term: Any) -> object:
    """Convert a pyoxigraph term (or None) to the Python value :func:`andtsgraph.results.to_python`
    gives for the same rdflib term: IRIs and strings directly, other literals through rdflib."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal) and (term.language or term.datatype.value in _LEXICAL):
        return term.value
    return rdflib_to_python(to_rdflib(term))


def _quad(s: Node, p: Node, o: Node, context: ox.NamedNode) -> ox.Quad:
    """A triple of rdflib terms as an Oxigraph quad in ``context``."""
    subject, predicate = to_oxigraph(s), to_oxigraph(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"cannot store the triple ({s!r}, {p!r}, {o!r}): not valid RDF")
    return ox.Quad(subject, predicate, to_oxigraph(o), context)


def _triple(quad: Any) -> tuple[Node, Node, Node]:
    """A stored triple as rdflib terms (a stored term is never unbound)."""
    s, p, o = to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)
    assert s is not None and p is not None and o is not None
    return s, p, o


def _readable(exc: SyntaxError, sparql: str, prefixes: Mapping[str, str]) -> str:
    """Oxigraph's "error at 3:9: expected one of …" as :func:`syntax_error` words it; the
    position is found again on the query as written (before parameters were bound)."""
    try:
        ox.Store().query(sparql, prefixes=dict(prefixes))
    except SyntaxError as unbound:
        exc = unbound
    message = str(exc)
    m = re.match(r"error at (\d+):(\d+): (?:expected )?(.*)", message)
    if not m:
        return f"syntax error: {message}"
    return syntax_error(sparql, int(m.group(1)), int(m.group(2)), m.group(3))


def _base(path: Path) -> str:
    """The base IRI of a file's relative IRIs: its own file: URI, as rdflib makes it."""
    return path.resolve().as_uri()


class OxigraphMemoryBackend(EmbeddedStore):
    """Quads in a pyoxigraph ``Store``; queries see the union of all named graphs by default."""

    name = "oxigraph"
    #: Formats :meth:`load_file` reads (rdflib parser names).
    native_formats = frozenset(NATIVE_FORMATS)

    def __init__(self, *, allow_service: bool = False) -> None:
        super().__init__(allow_service=allow_service)
        self._store = ox.Store()

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph Store itself, for Oxigraph-specific tools (the SPARQL validation
        engine, :mod:`andtsgraph.shacl_sparql`). Read it; change it only through this class."""
        return self._store

    def add_triples(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        context = ox.NamedNode(graph)
        self._store.bulk_extend(_quad(s, p, o, context) for s, p, o in triples)

    # -- loading files with Oxigraph's own parsers (KnowledgeGraph.add_file's fast path) -----
    def load_file(self, path: Path, fmt: str, graph: str | None, data: bytes) -> None:
        """Parse ``data``, the content of ``path``, with Oxigraph straight into the store, in one
        transaction.

        Triples go to the named graph ``graph``; TriG and N-Quads keep their named graphs,
        and their default graph goes to :data:`RDFLIB_DEFAULT_GRAPH`, as with rdflib.

        Raises
        ------
        SyntaxError, ValueError, OSError
            As pyoxigraph raises them (nothing is written then).
        """
        self._store.load(
            input=data,
            format=NATIVE_FORMATS[fmt],
            base_iri=_base(path),
            to_graph=None if graph is None else ox.NamedNode(graph),
        )
        if graph is None:
            self._name_default_graph()

    def _name_default_graph(self) -> None:
        # The store's own default graph is otherwise always empty: anything in it came from
        # the file just loaded.
        default = list(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        if default:
            named = ox.NamedNode(RDFLIB_DEFAULT_GRAPH)
            self._store.extend(ox.Quad(q.subject, q.predicate, q.object, named) for q in default)
            self._store.clear_graph(ox.DefaultGraph())

    @staticmethod
    def subjects_typed_in_file(
        path: Path, fmt: str, classes: Iterable[str], data: bytes
    ) -> list[str]:
        """Return the subjects of ``data`` (the content of ``path``) typed with one of
        ``classes`` (IRIs, or blank node ids).

        Parses into a scratch store, so that the file can then be loaded into the graph its
        content calls for.
        """
        scratch = ox.Store()
        scratch.load(input=data, format=NATIVE_FORMATS[fmt], base_iri=_base(path))
        wanted = {ox.NamedNode(c) for c in classes}
        return sorted(
            {
                str(q.subject.value)
                for q in scratch.quads_for_pattern(None, _RDF_TYPE, None, None)
                if q.object in wanted and not isinstance(q.subject, ox.Triple)
            }
        )

    @staticmethod
    def graphs_in_file(path: Path, fmt: str, data: bytes) -> list[str]:
        """Return the names of the graphs ``data``, a TriG or N-Quads file's content, puts
        quads in."""
        names = {
            RDFLIB_DEFAULT_GRAPH if isinstance(g, ox.DefaultGraph) else g.value
            for g in (
                q.graph_name
                for q in ox.parse(input=data, format=NATIVE_FORMATS[fmt], base_iri=_base(path))
            )
        }
        return sorted(names)

    def remove_graph(self, name: str) -> None:
        self._store.remove_graph(ox.NamedNode(name))

    def graph_names(self) -> list[str]:
        return sorted(
            g.value
            for g in self._store.named_graphs()
            if isinstance(g, ox.NamedNode) and self._nonempty(g)
        )

    def _nonempty(self, graph: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def graph(self, name: str) -> Graph:
        graph = Graph(identifier=URIRef(name))
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            graph.add(_triple(quad))
        return graph

    def _answer(
        self, sparql: str, bindings: Mapping[str, Identifier], prefixes: Mapping[str, str]
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        # pyoxigraph's substitutions only bind projected variables (SEP-0007); a parameter used
        # only in a FILTER would be refused, so parameters go into a VALUES block, exactly as
        # they do for a remote server. The default graph is the union of the named graphs, as
        # on the memory store, unless the query chooses its own with FROM (then, as there, FROM
        # is honoured: Oxigraph ignores it when asked for the union).
        union = not dataset_clauses(sparql)
        try:
            return self._store.query(
                bind_with_values(sparql, bindings),
                prefixes=dict(prefixes),
                use_default_graph_as_union=union,
            )
        except SyntaxError as exc:
            raise QueryError(_readable(exc, sparql, prefixes)) from None

    def _solutions(self, answer: object) -> tuple[list[str], Iterable[tuple[Any, ...]]] | None:
        if not isinstance(answer, ox.QuerySolutions):
            return None
        return [v.value for v in answer.variables], (tuple(s) for s in answer)

    def _boolean(self, answer: object) -> bool:
        return bool(answer)

    def _triples(self, answer: ox.QueryTriples) -> Iterable[tuple[Node, Node, Node]]:
        return (_triple(triple) for triple in answer)

    def _converters(self) -> tuple[Callable[[Any], Node | None], Callable[[Any], Any]]:
        # Oxigraph's own terms: QueryResult converts them straight to Python values, and to
        # rdflib terms only when asked (see SelectRows).
        return to_rdflib, to_python

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (the knowledge graph's own: the class closure)."""
        self._store.update(sparql)

    def dataset(self) -> Dataset:
        return dataset_of(self)

    def __len__(self) -> int:
        return len(self._store)
