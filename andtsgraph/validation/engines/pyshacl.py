"""The pyshacl engine: pyshacl validates an rdflib graph; its report is read into records.

pyshacl is the reference the SPARQL engine is tested against (the test oracle), and the
engine for shapes the SPARQL engine does not compile.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import SH

from andtsgraph.validation.records import ShaclResult, fill_message

__all__ = ["run"]


def run(data: Graph, shapes: Graph, *, inplace: bool = False) -> list[ShaclResult]:
    """Validate ``data`` against ``shapes`` with pyshacl (no inference); return the results.

    Parameters
    ----------
    data, shapes : rdflib.Graph
        The data graph and the shapes graph.
    inplace : bool
        Let pyshacl work on ``data`` itself instead of a copy (the caller's own union graph).

    Examples
    --------
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ...     <urn:s> sh:targetNode <urn:a> ; sh:path <urn:year> ; sh:datatype xsd:gYear .''',
    ...     format="turtle")
    >>> data = Graph().parse(data='<urn:a> <urn:year> "2024" .', format="turtle")
    >>> [(str(r.value), r.component.fragment) for r in run(data, shapes)]
    [('2024', 'DatatypeConstraintComponent')]
    """
    import pyshacl  # imported here: it takes a while, and only this engine needs it

    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        inplace=inplace,
        advanced=False,
        allow_warnings=True,
    )
    results = []
    for node in report.objects(None, SH.result):
        shape = report.value(node, SH.sourceShape)
        constraint = report.value(node, SH.sourceConstraint)
        component = report.value(node, SH.sourceConstraintComponent)
        templates = [
            m
            for s in (constraint, shape)
            if s is not None
            for m in shapes.objects(s, SH.message)
            if isinstance(m, Literal)
        ]
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        if component == SH.SPARQLConstraintComponent:
            # pyshacl fills the templates in but drops their language tags: fill them again.
            bound = {"this": focus, "path": path, "value": value}
            messages = tuple(fill_message(m, bound) for m in dict.fromkeys(templates))
        else:
            messages = tuple(dict.fromkeys(templates))
        results.append(
            ShaclResult(
                focus=focus,
                path=path,
                value=value,
                component=component,
                shape=shape,
                severity=report.value(node, SH.resultSeverity),
                source_constraint=constraint,
                messages=messages,
            )
        )
    return results
