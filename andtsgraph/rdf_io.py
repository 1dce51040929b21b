"""Reading RDF files into graphs, with errors that name the file and the line."""

from __future__ import annotations

import json
import xml.sax
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from andtsgraph.errors import DataFileError
from andtsgraph.messages import text

__all__ = [
    "FORMATS_BY_SUFFIX",
    "QUAD_FORMATS",
    "guess_format",
    "read_rdf",
]

#: File extensions andtsgraph reads, and the rdflib parser for each.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".n3": "n3",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

#: Formats that carry named graphs of their own.
QUAD_FORMATS = {"trig", "nquads"}

#: One statement as rdflib iterates a graph.
_Triple = tuple[Node, Node, Node]


#: Bytes that Windows-1252 gives no character (a file with them is in no Windows code page).
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode_text(path: Path, data: bytes, *, allow_cp1252: bool = False) -> str:
    r"""Decode a text file's bytes as UTF-8 (a byte-order mark is dropped), naming the encoding
    to save it as when it is another, and normalising line ends (CR LF and CR alone to LF).

    Parameters
    ----------
    path : Path
        The file (for the message).
    data : bytes
        Its content.
    allow_cp1252 : bool
        Read text that is not UTF-8 as Windows-1252 (what Swedish Excel saves as "CSV"),
        rather than refusing it.

    Raises
    ------
    DataFileError
        For UTF-16 or UTF-32 text, binary content, or (unless ``allow_cp1252``) text that is
        not UTF-8; the message says to save the file as UTF-8.

    Examples
    --------
    >>> decode_text(Path("a.csv"), "\ufeffå\r\nb\rc".encode("utf-8"))
    'å\nb\nc'
    >>> decode_text(Path("a.ttl"), "å".encode("cp1252"))
    Traceback (most recent call last):
    ...
    andtsgraph.errors.DataFileError: a.ttl, line 1: the text looks like Windows-1252 (ANSI), not UTF-8; save it as UTF-8
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise DataFileError(path, text("io.utf16", "en"))
    if b"\x00" in data[:8192]:
        raise DataFileError(path, text("io.binary", "en"))
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        if allow_cp1252 and not (set(data) & _CP1252_HOLES):
            decoded = data.decode("cp1252")
        elif bad >= 0x80 and not (set(data) & _CP1252_HOLES):
            raise DataFileError(path, text("io.cp1252", "en"), line=line) from None
        else:
            raise DataFileError(path, text("io.not_utf8", "en", byte=bad), line=line) from None
    return decoded.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is a NUL."""
    head = data[:2000]
    return len(head) >= 4 and max(head[1::2].count(0), head[0::2].count(0)) > len(head) // 3


def refuse_external_contexts(path: Path, document: object) -> None:
    """Refuse a JSON-LD document whose ``@context`` (or ``@import``) names a context outside
    the file: it would be fetched from the network or read from the disk, and local work does
    neither.

    Raises
    ------
    DataFileError
        Naming the context, and saying to put it into the file.

    Examples
    --------
    >>> refuse_external_contexts(Path("a.jsonld"), {"@context": "https://schema.org/"})
    Traceback (most recent call last):
    ...
    andtsgraph.errors.DataFileError: a.jsonld: the JSON-LD context 'https://schema.org/' is outside the file; andtsgraph never fetches or reads a context: put the context itself into the file
    """
    pending = [document]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            for key in ("@context", "@import"):
                value = item.get(key)
                for ref in value if isinstance(value, list) else [value]:
                    if isinstance(ref, str):
                        raise DataFileError(path, text("io.jsonld_context", "en", context=ref))
            pending.extend(item.values())


def guess_format(path: Path) -> str:
    """Return the rdflib parser name for ``path``, from its extension or else its content.

    Raises
    ------
    DataFileError
        If neither the extension nor the first bytes tell the format.
    """
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt:
        return fmt
    head = path.read_bytes()[:2048].lstrip()
    if head.startswith((b"{", b"[")):
        return "json-ld"
    if head.startswith(b"<?xml") or b"<rdf:RDF" in head:
        return "xml"
    if head.startswith((b"@prefix", b"PREFIX", b"@base", b"prefix")):
        return "turtle"
    if head.startswith((b"<", b"_:")):
        return "nt"
    known = ", ".join(sorted(FORMATS_BY_SUFFIX))
    raise DataFileError(path, text("errors.unknown_format", known=known))


def read_rdf(path: str | Path, fmt: str | None = None) -> Dataset:
    """Parse one RDF file into a new Dataset.

    Triples land in the Dataset's default graph; TriG and N-Quads keep their named graphs.

    Parameters
    ----------
    path : str or Path
        The file to read.
    fmt : str, optional
        An rdflib parser name; guessed from the file when omitted.

    Returns
    -------
    rdflib.Dataset

    Raises
    ------
    DataFileError
        If the file is missing, unreadable or does not parse; the message names the file and,
        where the parser tells it, the line.

    Examples
    --------
    >>> from andtsgraph.resources import data_dir
    >>> ds = read_rdf(data_dir() / "vocab" / "substances.ttl")
    >>> len(ds) > 0
    True
    """
    path = Path(path)
    if not path.exists():
        raise DataFileError(path, text("errors.no_file"))
    if not path.is_file():
        raise DataFileError(path, text("errors.not_a_file"))
    fmt = fmt or guess_format(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(path, text("errors.cannot_read", reason=exc.strerror or exc)) from None
    # Decoded here, so that an encoding is named and line ends are one kind (RDF/XML says its
    # own encoding, so it is left to the XML parser).
    data: str | bytes = raw if fmt == "xml" else decode_text(path, raw)
    if fmt == "json-ld":
        try:
            document = json.loads(data)
        except ValueError as exc:
            raise DataFileError(
                path,
                text("errors.format_error", format="JSON", reason=exc),
                line=getattr(exc, "lineno", None),
            ) from None
        except RecursionError:
            raise DataFileError(path, text("errors.too_deep", format="JSON")) from None
        refuse_external_contexts(path, document)
    ds = Dataset()
    try:
        ds.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        raise DataFileError(
            path, text("errors.syntax", format=fmt, reason=exc._why), line=exc.lines + 1
        ) from None
    except ParserError as exc:
        raise DataFileError(
            path, text("errors.syntax", format=fmt, reason=exc), line=_first_bad_line(path, fmt)
        ) from None
    except xml.sax.SAXParseException as exc:
        raise DataFileError(
            path, text("errors.rdfxml", reason=exc.getMessage()), line=exc.getLineNumber()
        ) from None
    except ValueError as exc:  # JSON decoding, bad literals
        raise DataFileError(
            path,
            text("errors.format_error", format=fmt, reason=exc),
            line=getattr(exc, "lineno", None),
        ) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(path, text("errors.not_utf8", reason=exc.reason)) from None
    except OSError as exc:
        raise DataFileError(path, text("errors.cannot_read", reason=exc.strerror or exc)) from None
    except RecursionError:
        raise DataFileError(path, text("errors.too_deep", format=fmt)) from None
    except Exception as exc:  # rdflib plugins raise a wide variety of errors for bad input
        raise DataFileError(path, text("errors.format_error", format=fmt, reason=exc)) from None
    return ds


def _first_bad_line(path: Path, fmt: str) -> int | None:
    """Find the first line that does not parse, for line-based formats whose parser omits it."""
    if fmt not in ("nt", "nquads"):
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            Graph().parse(data=line, format=fmt)
        except Exception:
            return number
    return None


def split_by_plan(graph: Graph, plans: list[str]) -> tuple[dict[str, Graph], Graph]:
    """Place the triples of a file holding several plans (a whole-graph Turtle or N-Triples
    export) in the graph of the plan each belongs to.

    A triple belongs to plan P if its subject is P, states ``andts:inPlan P``, or has an IRI
    under P's own (``P/…``), or is a blank node reached from such a subject; every other triple
    (ontology, vocabularies, actors, links) stays in the rest.

    Returns
    -------
    (dict, Graph)
        Plan IRI → its triples, and the triples of no plan.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix andts: <https://w3id.org/andtsgraph/ontology#> .
    ...     <http://x/plan/a> a andts:MunicipalPlan . <http://x/plan/a/g1> andts:inPlan <http://x/plan/a> .
    ...     <http://x/plan/b> a andts:MunicipalPlan . <http://x/other> a andts:Actor .''', format="turtle")
    >>> parts, rest = split_by_plan(g, ["http://x/plan/a", "http://x/plan/b"])
    >>> len(parts["http://x/plan/a"]), len(parts["http://x/plan/b"]), len(rest)
    (2, 1, 1)
    """
    from rdflib import BNode, URIRef

    from andtsgraph.namespaces import ANDTS

    owner: dict[Node, str] = {}
    for plan in plans:
        owner[URIRef(plan)] = plan
    for subject, in_plan in graph.subject_objects(ANDTS.inPlan):
        if str(in_plan) in plans:
            owner.setdefault(subject, str(in_plan))
    prefixes = sorted(((p + "/", p) for p in plans), key=lambda item: -len(item[0]))
    for subject in set(graph.subjects()):
        if subject not in owner and isinstance(subject, URIRef):
            for prefix, plan in prefixes:
                if str(subject).startswith(prefix):
                    owner[subject] = plan
                    break
    # Blank nodes (targets, statement nodes) go with the named node that holds them.
    pending = [s for s in owner]
    while pending:
        node = pending.pop()
        for obj in graph.objects(node, None):
            if isinstance(obj, BNode) and obj not in owner:
                owner[obj] = owner[node]
                pending.append(obj)
    # A curated link about a plan's part (the triple and the statement that gives its
    # rationale) lives with the links, not in the plan.
    from rdflib import RDF

    linked = {
        (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        for st in set(graph.subjects(RDF.subject, None))
        if st not in owner
    }
    entailed = _entailed_types(graph, owner)
    parts = {plan: Graph() for plan in plans}
    rest = Graph()
    for triple in graph:
        holder = owner.get(triple[0])
        if holder is not None and triple not in linked and triple not in entailed:
            parts[holder].add(triple)
        else:
            rest.add(triple)
    return parts, rest


def _entailed_types(graph: Graph, subjects: Iterable[Node]) -> set[_Triple]:
    """The ``?x a ?super`` triples of ``subjects`` that another of their types gives by
    ``rdfs:subClassOf`` (the class closure an export carries): they are derived, not the
    plan's own, and the graph derives them again when loaded."""
    from rdflib import RDF, RDFS

    supers: dict[Node, set[Node]] = {}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        supers.setdefault(sub, set()).add(sup)

    def above(cls: Node) -> set[Node]:
        seen: set[Node] = set()
        todo = list(supers.get(cls, ()))
        while todo:
            c = todo.pop()
            if c not in seen and c != cls:
                seen.add(c)
                todo.extend(supers.get(c, ()))
        return seen

    found: set[_Triple] = set()
    for subject in subjects:
        types = set(graph.objects(subject, RDF.type))
        derived: set[Node] = set().union(*(above(t) for t in types)) if types else set()
        found |= {(subject, RDF.type, t) for t in types & derived}
    return found
