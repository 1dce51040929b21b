"""What the Oxigraph store changes in literals, found before it changes them.

pyoxigraph stores literals by value: the integer types derived from ``xsd:integer``
(``xsd:int``, ``xsd:long``, ``xsd:byte``, ``xsd:nonNegativeInteger`` …) become
``xsd:integer``, ``"07"`` becomes ``"7"``, ``"1"^^xsd:boolean`` becomes ``"true"``, language
tags are lower-cased. SHACL speaks of the terms the user wrote (``sh:datatype xsd:int``, two
distinct values for ``sh:maxCount``), so validation finds such literals first and validates
their graphs as written (see :func:`andtsgraph.validation.validate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

__all__ = ["changed_in_file", "changed_in_store"]

_UPPER_TAG = re.compile(rb"[\"']@[A-Za-z0-9-]*[A-Z]")

#: Literals that are surely kept as they are: plain strings and lower-case language tags.
_PLAIN = {None, XSD.string}


def changed_in_store(literals: Iterable[Literal]) -> list[tuple[Literal, Literal]]:
    """Return each literal the Oxigraph store would hold differently, with its stored form.

    Examples
    --------
    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> changed_in_store([Literal("7", datatype=XSD.int), Literal("7", datatype=XSD.integer)])
    [(rdflib.term.Literal('7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#int')), rdflib.term.Literal('7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))]
    """
    import pyoxigraph as ox

    from andtsgraph.backends.oxigraph_memory import to_oxigraph, to_rdflib

    candidates = []
    for lit in dict.fromkeys(literals):
        if lit.language is not None:
            if lit.language != lit.language.lower():
                candidates.append(lit)
        elif lit.datatype not in _PLAIN:
            candidates.append(lit)
    if not candidates:
        return []
    scratch = ox.Store()
    p = ox.NamedNode("urn:andtsgraph:literal")
    scratch.extend(
        ox.Quad(ox.NamedNode(f"urn:andtsgraph:n{i}"), p, to_oxigraph(lit))
        for i, lit in enumerate(candidates)
    )
    changed = []
    for quad in scratch:
        original = candidates[int(quad.subject.value.rsplit("n", 1)[1])]
        stored = to_rdflib(quad.object)
        if not _same_term(original, stored):
            changed.append((original, stored))
    return sorted(changed, key=lambda pair: (str(pair[0]), str(pair[0].datatype)))


def _same_term(a: Literal, b) -> bool:
    return (
        isinstance(b, Literal)
        and str(a) == str(b)
        and a.language == b.language
        and (a.datatype or XSD.string) == (b.datatype or XSD.string)
    )


def changed_in_file(path: Path) -> list[tuple[Literal, Literal]]:
    """The literals of an RDF file that the Oxigraph store would hold differently.

    Files of Turtle, N-Triples, TriG or N-Quads are read with Oxigraph's parser, which keeps
    the terms as written; others with rdflib.
    """
    from andtsgraph.backends.oxigraph_memory import NATIVE_FORMATS, to_rdflib
    from andtsgraph.rdf_io import guess_format, read_rdf

    fmt = guess_format(path)
    data = path.read_bytes()
    # Oxigraph's parser lower-cases language tags itself: a file with an upper-case tag is
    # read with rdflib, which keeps it.
    if fmt in NATIVE_FORMATS and not _UPPER_TAG.search(data):
        import pyoxigraph as ox

        literals = (
            to_rdflib(q.object)
            for q in ox.parse(input=data, format=NATIVE_FORMATS[fmt], base_iri=path.resolve().as_uri())
            if isinstance(q.object, ox.Literal)
        )
    else:
        literals = (
            o for part in read_rdf(path, fmt).graphs() for o in part.objects() if isinstance(o, Literal)
        )
    return changed_in_store(literals)
