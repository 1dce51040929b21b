"""The one result record every engine returns, and the SHACL results graph built from records."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

__all__ = ["ShaclReport", "ShaclResult", "fill_message", "results_graph"]


@dataclass(frozen=True)
class ShaclResult:
    """One SHACL validation result (``sh:ValidationResult``) as an engine finds it.

    Attributes
    ----------
    focus : rdflib term
        ``sh:focusNode``.
    path : rdflib term or None
        ``sh:resultPath``: an IRI, or a blank node of the shapes graph describing the path.
    value : rdflib term or None
        ``sh:value``.
    component : URIRef
        ``sh:sourceConstraintComponent``.
    shape : rdflib term
        ``sh:sourceShape``.
    severity : URIRef
        ``sh:resultSeverity``.
    source_constraint : rdflib term or None
        ``sh:sourceConstraint`` (SPARQL-based constraints).
    messages : tuple of Literal
        ``sh:resultMessage``: the shape's (or constraint's) ``sh:message``, filled in for
        SPARQL-based constraints; empty when the shape has none.
    """

    focus: Node
    path: Node | None
    value: Node | None
    component: URIRef
    shape: Node
    severity: URIRef
    source_constraint: Node | None = None
    messages: tuple[Literal, ...] = field(default=())

    def key(self) -> tuple[str, ...]:
        """A sort key independent of the order an engine found the results in."""
        return tuple(
            _n3(t) for t in (self.focus, self.shape, self.component, self.path, self.value)
        )


def _n3(term: Node | None) -> str:
    """``term.n3()``, written out for IRIs and blank nodes (rdflib checks the IRI again)."""
    if term is None:
        return ""
    if type(term) is URIRef:
        return f"<{term}>"
    if type(term) is BNode:
        return f"_:{term}"
    return term.n3()


@dataclass
class ShaclReport:
    """The outcome of :func:`andtsgraph.validation.validate_graph`.

    Attributes
    ----------
    conforms : bool
        True when there is no result (of any severity, as SHACL defines it).
    results : list of ShaclResult
        The results, in a fixed order.
    shapes : rdflib.Graph
        The shapes graph (blank-node paths and shapes of the results are described there).
    engine : str
        The engine that found them.
    """

    conforms: bool
    results: list[ShaclResult]
    shapes: Graph
    engine: str

    def __len__(self) -> int:
        return len(self.results)

    def graph(self) -> Graph:
        """Return the standard SHACL validation report (``sh:ValidationReport``)."""
        return results_graph(self.results, self.shapes)


def results_graph(
    results: Iterable[ShaclResult],
    shapes: Graph,
    conforms: bool | None = None,
    describe: Callable[[BNode], Iterable[tuple[Node, Node]]] | None = None,
) -> Graph:
    """The results as a SHACL ``sh:ValidationReport`` graph.

    Blank nodes of the shapes graph that a result names (complex paths, nested shapes,
    SPARQL constraints) are copied in with their descriptions and ids, so the report can be
    read on its own; ``describe`` does the same for blank nodes of the data.

    Examples
    --------
    >>> from rdflib import Graph, URIRef
    >>> from rdflib.namespace import SH
    >>> r = ShaclResult(URIRef("urn:a"), URIRef("urn:p"), None, SH.MinCountConstraintComponent,
    ...                 URIRef("urn:s"), SH.Violation)
    >>> g = results_graph([r], Graph())
    >>> next(g.objects(None, SH.focusNode))
    rdflib.term.URIRef('urn:a')
    """
    results = list(results)
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(not results if conforms is None else conforms)))
    copied: set[Node] = set()
    from_shapes = shapes.predicate_objects
    from_data = describe or (lambda node: ())
    for r in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, _copy(from_data, r.focus, graph, copied)))
        graph.add((node, SH.sourceConstraintComponent, r.component))
        graph.add((node, SH.sourceShape, _copy(from_shapes, r.shape, graph, copied)))
        graph.add((node, SH.resultSeverity, r.severity))
        if r.path is not None:
            graph.add((node, SH.resultPath, _copy(from_shapes, r.path, graph, copied)))
        if r.value is not None:
            graph.add((node, SH.value, _copy(from_data, r.value, graph, copied)))
        if r.source_constraint is not None:
            graph.add(
                (node, SH.sourceConstraint, _copy(from_shapes, r.source_constraint, graph, copied))
            )
        for message in r.messages:
            graph.add((node, SH.resultMessage, message))
    return graph


def _copy(describe: Callable, node: Node, target: Graph, copied: set[Node], depth: int = 0) -> Node:
    if not isinstance(node, BNode) or node in copied or depth > 20:
        return node
    copied.add(node)
    for p, o in list(describe(node)):
        target.add((node, p, _copy(describe, o, target, copied, depth + 1)))
    return node


def fill_message(message: Literal, bound: Mapping[str, Node | None]) -> Literal:
    """A SPARQL-based constraint's message template with ``{$var}`` and ``{?var}`` filled in
    from the result's bindings; the language tag is kept.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> fill_message(Literal("{$this} ends too early", lang="en"), {"this": URIRef("urn:a")})
    rdflib.term.Literal('urn:a ends too early', lang='en')
    """
    text = str(message)
    for name, value in bound.items():
        if value is not None:
            text = re.sub("{[?$]" + re.escape(name) + "}", _replacement(str(value)), text)
    return Literal(text, lang=message.language)


def _replacement(value: str) -> Callable[[re.Match[str]], str]:
    """A replacement function: the value as it is (``re.sub`` would read backslashes in it)."""
    return lambda _match: value
