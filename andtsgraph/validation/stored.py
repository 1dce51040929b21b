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

__all__ = ["SCREEN_NUMBERS_UP_TO", "changed_in_file", "changed_in_files", "changed_in_store"]

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
        assert isinstance(stored, Literal)  # a literal is stored as a literal
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


#: Files up to this size are also screened for bare numbers in a non-canonical form
#: (``007``, ``1.50``, ``1e3``): a hand-written plan is far smaller; a generated corpus writes
#: its numbers in canonical form, and screening megabytes with a regular expression would
#: cost more than loading them.
SCREEN_NUMBERS_UP_TO = 2_000_000


def changed_in_files(paths: Iterable[Path]) -> dict[Path, list[tuple[Literal, Literal]]]:
    """The literals of RDF files that the Oxigraph store would hold differently, per file
    (files without any are left out).

    Turtle, N-Triples, TriG and N-Quads files are first screened for what the store changes:
    each typed literal as written, upper-case language tags and, when the files come to at
    most :data:`SCREEN_NUMBERS_UP_TO` bytes, bare numbers. A file the screen flags is parsed
    with Oxigraph's parser, which keeps the terms as written (with rdflib when a language tag
    has upper-case letters, which Oxigraph's parser lower-cases). Other formats are read with
    rdflib.
    """
    from andtsgraph.backends.oxigraph_memory import NATIVE_FORMATS
    from andtsgraph.rdf_io import guess_format

    contents = {}
    for path in paths:
        fmt = guess_format(path)
        contents[path] = (fmt, path.read_bytes() if fmt in NATIVE_FORMATS else None)
    numbers = sum(len(d) for _, d in contents.values() if d is not None) <= SCREEN_NUMBERS_UP_TO
    screened: dict[Path, set] = {}
    exact: list[Path] = []
    for path, (_fmt, data) in contents.items():
        if data is None or _upper_case_tag(data):
            exact.append(path)
        else:
            screened[path] = _written_literals(data, numbers)
    # One look at every screened literal at once.
    changed = {a for a, _ in _changed_terms(set().union(*screened.values()), rdflib=False)}
    exact += [path for path, found in screened.items() if found & changed]
    found = {}
    for path in exact:
        pairs = changed_in_file(path, *contents[path])
        if pairs:
            found[path] = pairs
    return found


def changed_in_file(
    path: Path, fmt: str | None = None, data: bytes | None = None
) -> list[tuple[Literal, Literal]]:
    """The literals of one RDF file that the Oxigraph store would hold differently, found by
    parsing it (see :func:`changed_in_files` for the quick screen before)."""
    from andtsgraph.backends.oxigraph_memory import NATIVE_FORMATS
    from andtsgraph.rdf_io import guess_format, read_rdf

    fmt = fmt or guess_format(path)
    if fmt in NATIVE_FORMATS:
        data = data if data is not None else path.read_bytes()
        if not _upper_case_tag(data):
            import pyoxigraph as ox

            # Compared as Oxigraph terms: only the changed ones become rdflib terms.
            candidates = {
                q.object
                for q in ox.parse(
                    input=data, format=NATIVE_FORMATS[fmt], base_iri=path.resolve().as_uri()
                )
                if isinstance(q.object, ox.Literal)
                and not q.object.language
                and q.object.datatype.value != _XSD_STRING
            }
            return _changed_terms(candidates)
    literals = (
        o for part in read_rdf(path, fmt).graphs() for o in part.objects() if isinstance(o, Literal)
    )
    return changed_in_store(literals)


_XSD_STRING = str(XSD.string)
_TAG_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def _upper_case_tag(data: bytes) -> bool:
    """Whether a language tag (``"…"@sv-SE``) has an upper-case letter."""
    for marker in (b'"@', b"'@"):
        i = data.find(marker)
        while i != -1:
            j = i + 2
            while j < len(data) and data[j] in _TAG_CHARS:
                j += 1
            if data[i + 2 : j] != data[i + 2 : j].lower():
                return True
            i = data.find(marker, j)
    return False


def _changed_terms(candidates: set, rdflib: bool = True) -> list:
    import pyoxigraph as ox

    from andtsgraph.backends.oxigraph_memory import to_rdflib

    if not candidates:
        return []
    ordered = list(candidates)
    scratch = ox.Store()
    p = ox.NamedNode("urn:andtsgraph:literal")
    scratch.extend(
        ox.Quad(ox.NamedNode(f"urn:andtsgraph:n{i}"), p, term) for i, term in enumerate(ordered)
    )
    changed = []
    for quad in scratch:
        original = ordered[int(quad.subject.value.rsplit("n", 1)[1])]
        if quad.object != original:
            changed.append((original, quad.object))
    if not rdflib:
        return changed
    pairs = [(to_rdflib(a), to_rdflib(b)) for a, b in changed]
    return sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[0].datatype)))


_PREFIX = re.compile(
    rb"@prefix\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>|PREFIX\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>"
)
_NAME = re.compile(rb"([A-Za-z][\w.-]*|):([\w-]*(?:\.[\w-]+)*)")
# Turtle's INTEGER, DECIMAL and DOUBLE, outside names and IRIs.
_NUMBER = re.compile(
    rb"(?<![\w\"'<:./#%-])[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+|\d*\.\d+|\d+)"
    rb"(?![\w:/#%-])"
)
_STRING = re.compile(rb'"(?:[^"\\\n]|\\.)*"' + rb"|'(?:[^'\\\n]|\\.)*'")


def _written_literals(data: bytes, numbers: bool = True) -> set:
    """Typed literals (and, in smaller files, bare numbers) as a Turtle, TriG, N-Triples or
    N-Quads file writes them. A superset may be taken (a number inside a long string, say):
    that only costs a closer look."""
    import pyoxigraph as ox

    prefixes = {(m[0] or m[2]): (m[1] or m[3]) for m in _PREFIX.findall(data)}
    written = set()
    i = data.find(b"^^")
    while i != -1:
        quote = data[i - 1 : i]
        if quote in (b'"', b"'"):
            if data[i - 3 : i] == quote * 3:
                start = data.rfind(quote * 3, 0, i - 3) + 3
                lexical = data[start : i - 3]
            else:
                lexical = data[data.rfind(quote, 0, i - 1) + 1 : i - 1]
            j = i + 2
            iri = None
            if data[j : j + 1] == b"<":
                iri = data[j + 1 : data.find(b">", j)]
            else:
                name = _NAME.match(data, j)
                if name and name[1] in prefixes:
                    iri = prefixes[name[1]] + name[2]
            if iri is not None:
                written.add((lexical, iri))
        i = data.find(b"^^", i + 2)
    found = set()
    for lexical, iri in written:
        try:
            text = lexical.decode("utf-8")
            found.add(ox.Literal(text, datatype=ox.NamedNode(iri.decode("utf-8"))))
        except (UnicodeDecodeError, ValueError):
            continue
    if numbers:
        for number in set(_NUMBER.findall(_STRING.sub(b'""', data))):
            text = number.decode("ascii")
            kind = "double" if "e" in text.lower() else "decimal" if "." in text else "integer"
            found.add(ox.Literal(text, datatype=ox.NamedNode(str(XSD[kind]))))
    return found
