"""Shapes graphs: the bundled shapes, loading others, and reading a shapes graph as SHACL does.

The bundled shapes live in ``ontology/shapes/``: ``structure.ttl`` (severity Violation: what a
well-formed plan must have), ``quality.ttl`` (Warning or Info: the questions a reviewer using
the European drug prevention quality standards would ask) and ``project.ttl`` (Violation: the
rules the project's own data keep, such as a rationale on every curated link).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, SH
from rdflib.term import Node

from andtsgraph.rdf_io import read_rdf
from andtsgraph.resources import ontology_dir

__all__ = [
    "ANDTSH",
    "TARGETS",
    "load_shapes",
    "path_text",
    "reporting_shapes",
    "shapes_files",
    "targets",
]

#: The shapes' own namespace (``andtsh:``).
ANDTSH = Namespace("https://w3id.org/andtsgraph/shapes#")

#: The explicit target predicates of SHACL Core.
TARGETS = (SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)


def shapes_files() -> list[Path]:
    """Return the bundled shapes files: structure and project rules (Violations), then quality.

    Examples
    --------
    >>> [p.name for p in shapes_files()]
    ['structure.ttl', 'project.ttl', 'quality.ttl']
    """
    folder = ontology_dir() / "shapes"
    return [folder / "structure.ttl", folder / "project.ttl", folder / "quality.ttl"]


@cache
def _bundled_shapes() -> Graph:
    graph = Graph()
    for path in shapes_files():
        graph += read_rdf(path).default_graph
    return graph


def load_shapes(shapes: str | Path | Graph | Iterable[str | Path] | None = None) -> Graph:
    """Return a shapes graph: the bundled shapes, a graph as given, or the files named.

    Parameters
    ----------
    shapes : path, iterable of paths, rdflib.Graph, optional
        Shapes files (any RDF format andtsgraph reads) or a graph; the bundled shapes when
        omitted.

    Raises
    ------
    DataFileError
        If a shapes file is missing or does not parse.

    Examples
    --------
    >>> from rdflib.namespace import SH
    >>> (ANDTSH.ActivityIndicator, SH.severity, SH.Warning) in load_shapes()
    True
    """
    if shapes is None:
        # A copy: engines and callers must never change the cached graph.
        copy = Graph()
        copy += _bundled_shapes()
        return copy
    if isinstance(shapes, Graph):
        return shapes
    paths = [shapes] if isinstance(shapes, str | Path) else list(shapes)
    graph = Graph()
    for path in paths:
        graph += read_rdf(path).default_graph
    return graph


def _is_instance(graph: Graph, node: Node, cls: URIRef) -> bool:
    """SHACL instance: ``node rdf:type/rdfs:subClassOf* cls`` in ``graph``."""
    for t in graph.objects(node, RDF.type):
        if t == cls or cls in graph.transitive_objects(t, RDFS.subClassOf):
            return True
    return False


def is_shape(graph: Graph, node: Node) -> bool:
    """Whether ``node`` is a shape of ``graph`` (typed, targeted, or used as one)."""
    return (
        _is_instance(graph, node, SH.NodeShape)
        or _is_instance(graph, node, SH.PropertyShape)
        or any((node, t, None) in graph for t in TARGETS)
        or (node, SH.path, None) in graph
    )


def implicit_class_target(graph: Graph, shape: Node) -> bool:
    """Whether ``shape`` is also a class, so its instances are its focus nodes (SHACL 2.1.3.3)."""
    return isinstance(shape, URIRef) and (
        _is_instance(graph, shape, RDFS.Class) or _is_instance(graph, shape, OWL.Class)
    )


def _order(node: Node) -> Any:
    """The term itself as its sort key: rdflib terms order themselves (the stubs say not)."""
    return node


def targets(graph: Graph, shape: Node) -> dict[URIRef, list[Node]]:
    """The targets of ``shape``: target predicate → values; an implicit class target is
    given as ``sh:targetClass`` of the shape itself.

    Examples
    --------
    >>> from rdflib.namespace import SH
    >>> targets(load_shapes(), ANDTSH.ActivityIndicator)[SH.targetClass]
    [rdflib.term.URIRef('https://w3id.org/andtsgraph/ontology#Activity')]
    """
    found: dict[URIRef, list[Node]] = {
        t: sorted(graph.objects(shape, t), key=_order) for t in TARGETS
    }
    if implicit_class_target(graph, shape) and is_shape(graph, shape):
        found[SH.targetClass] = sorted({*found[SH.targetClass], shape}, key=_order)
    return {t: v for t, v in found.items() if v}


def reporting_shapes(graph: Graph) -> list[Node]:
    """The shapes with targets (explicit or implicit), IRIs first, in a fixed order."""
    shapes = {s for t in TARGETS for s in graph.subjects(t, None)}
    for cls in (RDFS.Class, OWL.Class):
        shapes |= {
            s
            for s in graph.subjects(RDF.type, cls)
            if is_shape(graph, s) and implicit_class_target(graph, s)
        }
    return sorted(shapes, key=lambda n: (isinstance(n, BNode), str(n)))


_UNARY = {
    SH.inversePath: "^{}",
    SH.zeroOrMorePath: "{}*",
    SH.oneOrMorePath: "{}+",
    SH.zeroOrOnePath: "{}?",
}


def path_text(graph: Graph, path: Node, name: Callable[[URIRef], str] | None = None) -> str:
    """A SHACL property path in SPARQL syntax, each property written by ``name``.

    Examples
    --------
    >>> from rdflib import BNode, Graph, URIRef
    >>> from rdflib.namespace import SH
    >>> g = Graph(); b = BNode(); _ = g.add((b, SH.inversePath, URIRef("urn:p")))
    >>> path_text(g, b)
    '^<urn:p>'
    """
    name = name or (lambda iri: iri.n3())
    if isinstance(path, URIRef):
        return name(path)
    if graph.value(path, RDF.first) is not None:
        return "/".join(_grouped(graph, p, name) for p in Collection(graph, path))
    for prop, form in _UNARY.items():
        inner = graph.value(path, prop)
        if inner is not None:
            text = path_text(graph, inner, name)
            if not isinstance(inner, URIRef):
                text = f"({text})"
            return form.format(text)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_grouped(graph, p, name) for p in Collection(graph, alternatives))
    return f"_:{path}"


def _grouped(graph: Graph, path: Node, name: Callable[[URIRef], str]) -> str:
    text = path_text(graph, path, name)
    return (
        text
        if isinstance(path, URIRef)
        or (graph.value(path, RDF.first) is None and not (graph.value(path, SH.alternativePath)))
        else f"({text})"
    )


def literal_in(graph: Graph, subject: Node, prop: URIRef, lang: str) -> str | None:
    """The value of ``prop`` in ``lang`` (then Swedish, English, untagged, any)."""
    values = list(graph.objects(subject, prop))
    for wanted in (lang, "sv", "en", None):
        for v in values:
            if isinstance(v, Literal) and v.language == wanted:
                return str(v)
    return str(values[0]) if values else None
