"""Cell values ↔ RDF terms, one codec per kind of column.

Every kind reads a cell's text into an RDF term (or raises :class:`CellError` saying what
is wrong) and writes a term back as text (or returns None when the column cannot hold it).
The exporter puts a value in a column only when reading what it wrote gives the very same
term — lexical form, datatype and language — so a plan written to the template and read
back is unchanged; whatever a column cannot hold goes to the Övrigt sheet instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import overload

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from andtsgraph.messages import DEFAULT_LANG
from andtsgraph.messages import text as message
from andtsgraph.namespaces import PLAN, PREFIXES
from andtsgraph.spreadsheet.names import NameIndex, Registry, normalise
from andtsgraph.spreadsheet.targets import parse_number

__all__ = [
    "CODECS",
    "ID_RE",
    "PERIOD_NAMES",
    "PERIOD_WORDS",
    "SEPARATOR",
    "CellError",
    "Context",
    "Reader",
    "Writer",
    "looks_like_ref",
    "read_flag",
    "read_link_object",
    "read_term",
    "same_term",
    "split_cell",
    "write_link_object",
    "write_term",
]

#: A row's own id: letters, digits, "_", ".", "~", "-"; not ending in "." (Turtle's rule).
ID_RE = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9._~-]*[A-Za-z0-9_~-])?$")
#: Several values in one cell are separated by this.
SEPARATOR = ";"

_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DURATION = re.compile(r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$")
_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
_ABSOLUTE = re.compile(r"^(https?|urn|mailto|file):\S+$")

#: Periods by their Swedish name, as xsd:duration; the first name of each is the one written.
PERIOD_NAMES: dict[str, str] = {
    "år": "P1Y",
    "per år": "P1Y",
    "årligen": "P1Y",
    "halvår": "P6M",
    "per halvår": "P6M",
    "termin": "P6M",
    "månad": "P1M",
    "per månad": "P1M",
    "vecka": "P1W",
    "per vecka": "P1W",
    "dag": "P1D",
    "per dag": "P1D",
}
#: The name written for each period.
PERIOD_WORDS = {"P1Y": "år", "P6M": "halvår", "P1M": "månad", "P1W": "vecka", "P1D": "dag"}
_YES = {"ja", "j", "yes", "y", "true", "sant", "1", "x"}
_NO = {"nej", "n", "no", "false", "falskt", "0"}


class CellError(ValueError):
    """A cell's text is not a value its column accepts; the message says why."""


class Context:
    """What cell values are resolved against while one plan is read or written.

    Attributes
    ----------
    registry : Registry
        Actors, vocabularies and ontology labels of the loaded graph.
    plan_id : str
        The plan's id; its parts get IRIs ``https://w3id.org/andtsgraph/plan/<id>/<row id>``.
    owner : URIRef or None
        The organisation whose plan it is (the Plan sheet's Utgivare): names are matched to
        its own bodies and to shared ones, never to another organisation's.
    local_actors : NameIndex
        Actors the plan defines itself (its Aktörer sheet, and names new to the registry).
    defined : set
        IRIs that the plan's rows define (goals, areas, activities …).
    """

    def __init__(
        self,
        registry: Registry,
        plan_id: str,
        owner: URIRef | None = None,
        lang: str = DEFAULT_LANG,
    ) -> None:
        self.registry = registry
        self.lang = lang
        self.owner = owner
        self.plan_id = plan_id
        self.plan_iri = PLAN[plan_id]
        self.ns = Namespace(f"{self.plan_iri}/")
        self.local_actors = NameIndex()
        self.defined: set[URIRef] = set()
        self._bnodes: dict[str, BNode] = {}

    def say(self, key: str, **fields: object) -> str:
        """A problem text in the import's language (messages/spreadsheet.py)."""
        return message(f"spreadsheet.{key}", self.lang, **fields)

    # -- IRIs written as ids, prefixed names or full IRIs -----------------------------------
    def resolve_ref(self, text: str) -> URIRef:
        """Read a reference: a row id of this plan, a loaded plan's id, ``prefix:name``, or an
        IRI (bare or in ``<…>``)."""
        text = text.strip()
        if text.startswith("<") and text.endswith(">"):
            return _iri(text[1:-1], self.lang)
        if _ABSOLUTE.match(text):
            return _iri(text, self.lang)
        prefix, colon, local = text.partition(":")
        if colon and prefix in PREFIXES and local and not local.startswith("//"):
            return _iri(PREFIXES[prefix] + local, self.lang)
        if ID_RE.match(text):
            own = self.ns[text]
            if own in self.defined or text not in self.registry.plans:
                return own
            return self.registry.plans[text]
        raise CellError(self.say("not_a_ref", text=text))

    @overload
    def ref_text(self, iri: URIRef) -> str: ...
    @overload
    def ref_text(self, iri: Node) -> str | None: ...
    def ref_text(self, iri: Node) -> str | None:
        """Write a reference the way :meth:`resolve_ref` reads it back (None for a term that
        is not an IRI)."""
        if not isinstance(iri, URIRef):
            return None
        text = str(iri)
        if text.startswith(self.ns) and ID_RE.match(text[len(self.ns) :]):
            return text[len(self.ns) :]
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and ID_RE.match(text[len(ns) :]):
                return f"{prefix}:{text[len(ns) :]}"
        return text if _ABSOLUTE.match(text) else f"<{text}>"

    # -- actors -------------------------------------------------------------------------------
    def find_actor(self, text: str) -> URIRef | None:
        """Return the actor ``text`` names (registry or this plan's own), None if no actor.

        A name is matched within scope: first to this plan's own actors and those of its
        organisation (:attr:`owner`), then to the shared bodies; never to another
        organisation's own body of the same name.

        Raises
        ------
        CellError
            If the name fits several actors, or is an IRI of no known actor.
        """
        found = self.match_actor(text)
        return found[0] if found else None

    def match_actor(self, text: str) -> tuple[URIRef, str] | None:
        """The actor ``text`` names and how: ``"own"`` (this plan's or its organisation's),
        ``"shared"`` (a national or regional body), ``"ref"`` (written as an IRI)."""
        text = text.strip()
        if looks_like_ref(text):
            iri = self.resolve_ref(text)
            if iri in self.registry.actor_types or iri in self.local_actors:
                return iri, "ref"
            raise CellError(self.say("not_an_actor", text=text))
        registry = self.registry
        for find in ("find_exact", "find_loose"):
            own = getattr(self.local_actors, find)(text) | {
                a
                for a in getattr(registry.actors, find)(text)
                if self.owner is not None and registry.unit_of.get(a) == self.owner
            }
            if own:
                return self._one_actor(text, own), "own"
        for find in ("find_exact", "find_loose"):
            shared = {a for a in getattr(registry.actors, find)(text) if a not in registry.unit_of}
            if shared:
                return self._one_actor(text, shared), "shared"
        return None

    def _one_actor(self, text: str, found: set[URIRef]) -> URIRef:
        if len(found) > 1:
            options = " or ".join(sorted(self.ref_text(i) or str(i) for i in found))
            raise CellError(self.say("actor_ambiguous", text=text, options=options))
        return next(iter(found))

    def others_actors(self, text: str) -> list[URIRef]:
        """Registry actors of this name that belong to another organisation (not matched)."""
        registry = self.registry
        return sorted(
            a
            for a in registry.actors.find(text)
            if a in registry.unit_of and registry.unit_of[a] != self.owner
        )

    def suggest_actor(self, text: str) -> str | None:
        """The name of an actor in scope that ``text`` is probably a misspelling of."""
        from rapidfuzz import fuzz, process, utils

        registry = self.registry
        names = [
            name
            for name in self.local_actors.names() + registry.actors.names()
            if name != text
            and any(
                a in self.local_actors or registry.in_scope(a, self.owner)
                for a in self.local_actors.find_exact(name) | registry.actors.find_exact(name)
            )
        ]
        best = process.extractOne(
            text, names, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=85
        )
        return best[0] if best and normalise(best[0]) != normalise(text) else None

    def actor_text(self, iri: Node) -> str | None:
        """The name the template writes for an actor: its Swedish label, or else another of
        its names, that finds it and no other actor; its prefixed IRI when none does."""
        for index in (self.local_actors, self.registry.actors):
            if iri not in index:
                continue
            for name in index.names_of(iri):
                try:
                    if self.find_actor(name) == iri:
                        return name
                except CellError:
                    continue
            return self.ref_text(iri)
        return None

    def bnode(self, label: str) -> BNode:
        """The blank node written ``_:label`` in the Övrigt sheet (one per label)."""
        return self._bnodes.setdefault(label, BNode())


# -- codecs: (read, write) per kind --------------------------------------------------------------
Reader = Callable[[str, Context], Node]
Writer = Callable[[Node, Context], "str | None"]


def _iri(text: str, lang: str = DEFAULT_LANG) -> URIRef:
    def say(key: str, **fields: object) -> str:
        return message(f"spreadsheet.{key}", lang, **fields)

    if not text or any(c.isspace() or c in '<>"{}|^`\\' for c in text):
        raise CellError(say("not_an_iri", text=text))
    return URIRef(text)


def _plain(node: Node) -> bool:
    return isinstance(node, Literal) and node.language is None and node.datatype is None


def _read_string(text: str, ctx: Context) -> Node:
    return Literal(text)


def _write_string(node: Node, ctx: Context) -> str | None:
    return str(node) if _plain(node) else None


def _read_text(text: str, ctx: Context) -> Node:
    return Literal(text, lang="sv")


def _write_text(node: Node, ctx: Context) -> str | None:
    return str(node) if isinstance(node, Literal) and node.language == "sv" else None


def _read_integer(text: str, ctx: Context) -> Node:
    value = parse_number(text)
    if not isinstance(value, int):
        raise CellError(ctx.say("not_whole", text=text))
    return Literal(str(value), datatype=XSD.integer)


def _write_number(node: Node, ctx: Context) -> str | None:
    if isinstance(node, Literal) and node.datatype in (XSD.integer, XSD.decimal):
        return str(node)
    return None


def _read_number(text: str, ctx: Context) -> Node:
    value = parse_number(text)
    if value is None:
        raise CellError(ctx.say("not_a_number", text=text))
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    return Literal(str(value), datatype=XSD.decimal)


def _read_date(text: str, ctx: Context) -> Node:
    if not _DATE.match(text):
        raise CellError(ctx.say("not_a_date", text=text))
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(ctx.say("not_a_calendar_date", text=text)) from None
    return Literal(text, datatype=XSD.date)


def _write_date(node: Node, ctx: Context) -> str | None:
    return str(node) if isinstance(node, Literal) and node.datatype == XSD.date else None


def _read_date_or_year(text: str, ctx: Context) -> Node:
    if _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    try:
        return _read_date(text, ctx)
    except CellError:
        raise CellError(ctx.say("not_a_date_or_year", text=text)) from None


def _write_date_or_year(node: Node, ctx: Context) -> str | None:
    if isinstance(node, Literal) and node.datatype in (XSD.date, XSD.gYear):
        return str(node)
    return None


def _read_duration(text: str, ctx: Context) -> Node:
    key = " ".join(text.casefold().split())
    if key in PERIOD_NAMES:
        return Literal(PERIOD_NAMES[key], datatype=XSD.duration)
    if _DURATION.match(text.upper()):
        return Literal(text.upper(), datatype=XSD.duration)
    raise CellError(ctx.say("not_a_period", text=text))


def _write_duration(node: Node, ctx: Context) -> str | None:
    if isinstance(node, Literal) and node.datatype == XSD.duration:
        return PERIOD_WORDS.get(str(node), str(node))
    return None


def _read_lang(text: str, ctx: Context) -> Node:
    if not _LANG.match(text):
        raise CellError(ctx.say("not_a_language", text=text))
    return Literal(text.lower())


def _one(index: NameIndex, text: str, what: str, options: list[str], ctx: Context) -> URIRef:
    found = index.find(text)
    if len(found) == 1:
        return found.pop()
    what_text = ctx.say(f"what.{what}")
    if found:
        raise CellError(ctx.say("ambiguous", what=what_text, text=text, options=", ".join(options)))
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    raise CellError(ctx.say("unknown", what=what_text, text=text, options=shown))


def _shown(index: NameIndex) -> Writer:
    def write(node: Node, ctx: Context) -> str | None:
        return index.shown(node)

    return write


_CONCEPT_WHAT = {
    "substance": "substance",
    "level": "prevention level",
    "group": "target group",
    "method": "method",
    "perspective": "perspective",
    "factor": "risk or protective factor",
}


def _concept_codec(kind: str) -> tuple[Reader, Writer]:
    def read(text: str, ctx: Context) -> Node:
        if looks_like_ref(text):
            iri = ctx.resolve_ref(text)
            if iri in ctx.registry.concepts[kind]:
                return iri
        index = ctx.registry.concepts[kind]
        return _one(index, text, kind, sorted(index.names(), key=str.casefold), ctx)

    def write(node: Node, ctx: Context) -> str | None:
        return ctx.registry.concepts[kind].shown(node)

    return read, write


def _class_codec(group: str) -> tuple[Reader, Writer]:
    def read(text: str, ctx: Context) -> Node:
        index = ctx.registry.classes[group]
        return _one(index, text, "type", index.names(), ctx)

    def write(node: Node, ctx: Context) -> str | None:
        return ctx.registry.classes[group].shown(node)

    return read, write


def _read_comparator(text: str, ctx: Context) -> Node:
    index = ctx.registry.comparators
    return _one(index, text, "comparator", index.names(), ctx)


def _read_actor(text: str, ctx: Context) -> Node:
    found = ctx.find_actor(text)
    if found is None:
        raise CellError(ctx.say("no_actor", text=text))
    return found


def _read_ref(text: str, ctx: Context) -> Node:
    return ctx.resolve_ref(text)


def _write_ref(node: Node, ctx: Context) -> str | None:
    return ctx.ref_text(node)


def _read_predicate(text: str, ctx: Context) -> Node:
    found = ctx.registry.link_predicates.find(text)
    if len(found) == 1:
        return found.pop()
    if looks_like_ref(text):
        return ctx.resolve_ref(text)
    return _one(
        ctx.registry.link_predicates, text, "link", ctx.registry.link_predicates.names(), ctx
    )


def _write_predicate(node: Node, ctx: Context) -> str | None:
    return ctx.registry.link_predicates.shown(node) or ctx.ref_text(node)


def looks_like_ref(text: str) -> bool:
    """Whether a cell is written as an IRI or a prefixed name rather than as a name."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return True
    if _ABSOLUTE.match(text):
        return True
    prefix, colon, local = text.partition(":")
    return bool(colon) and prefix in PREFIXES and bool(local) and not any(c.isspace() for c in text)


#: The vocabulary of a curated link's object, by the link's predicate.
_LINK_OBJECTS = {
    "addressesFactor": "concept:factor",
    "preventionLevel": "concept:level",
    "targetGroup": "concept:group",
}


def read_link_object(predicate: Node, text: str, ctx: Context) -> Node:
    """Read the Till (to) cell of a curated link: a factor, level or target group by name,
    a national goal as "Nationellt mål 3", or a reference."""
    local = str(predicate).rsplit("#", 1)[-1]
    if local in _LINK_OBJECTS:
        return CODECS[_LINK_OBJECTS[local]][0](text, ctx)
    found = ctx.registry.national_goals.find(text)
    if len(found) == 1:
        return found.pop()
    if local == "alignsWith" and not looks_like_ref(text) and not ID_RE.match(text):
        goals = ", ".join(ctx.registry.national_goals.names())
        raise CellError(ctx.say("unknown_goal", text=text, goals=goals))
    return ctx.resolve_ref(text)


def write_link_object(predicate: Node, node: Node, ctx: Context) -> str | None:
    """Write a curated link's object the way :func:`read_link_object` reads it back."""
    local = str(predicate).rsplit("#", 1)[-1]
    if local in _LINK_OBJECTS:
        return CODECS[_LINK_OBJECTS[local]][1](node, ctx)
    return ctx.registry.national_goals.shown(node) or ctx.ref_text(node)


# -- Turtle terms (the Övrigt sheet) -------------------------------------------------------------
@cache
def _prefix_header() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def read_term(text: str, ctx: Context, *, position: str = "object") -> Node:
    """Read one RDF term written as in Turtle; ``:id`` is a part of this plan.

    Examples
    --------
    >>> from andtsgraph.spreadsheet.names import Registry
    >>> ctx = Context(Registry(), "exempelby-2024-2027")
    >>> read_term('"2022"^^xsd:gYear', ctx).datatype.endswith("gYear")
    True
    >>> str(read_term(":a-1", ctx))
    'https://w3id.org/andtsgraph/plan/exempelby-2024-2027/a-1'
    """
    text = text.strip()
    if text.startswith("_:") and ID_RE.match(text[2:]):
        if position == "predicate":
            raise CellError(ctx.say("predicate_bnode"))
        return ctx.bnode(text[2:])
    if position == "predicate" and text == "a":
        return RDF.type
    doc = f"{_prefix_header()}@prefix : <{ctx.ns}> .\n<urn:x:s> <urn:x:p> {text} ."
    try:
        triples = list(Graph().parse(data=doc, format="turtle"))
    except Exception:
        triples = []
    if len(triples) != 1 or isinstance(triples[0][2], BNode):
        raise CellError(ctx.say("not_a_term", text=text))
    term = triples[0][2]
    if position != "object" and not isinstance(term, URIRef):
        raise CellError(ctx.say(f"term_not_iri.{position}", text=text))
    return term


def write_term(node: Node, ctx: Context, bnode_labels: dict[BNode, str]) -> str:
    """Write one RDF term as :func:`read_term` reads it; blank nodes get stable labels."""
    if isinstance(node, BNode):
        return "_:" + bnode_labels.setdefault(node, f"b{len(bnode_labels) + 1}")
    if isinstance(node, URIRef):
        text = str(node)
        if text.startswith(ctx.ns) and ID_RE.match(text[len(ctx.ns) :]):
            return ":" + text[len(ctx.ns) :]
        ref = ctx.ref_text(node)
        return ref if ref and not _ABSOLUTE.match(ref) else f"<{text}>"
    assert isinstance(node, Literal)
    return node.n3(namespace_manager=_namespaces())


@cache
def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        manager.bind(prefix, ns, replace=True)
    return manager


#: The codec of every column kind whose cells are read one value at a time.
CODECS: dict[str, tuple[Reader, Writer]] = {
    "string": (_read_string, _write_string),
    "text": (_read_text, _write_text),
    "integer": (_read_integer, _write_number),
    "number": (_read_number, _write_number),
    "date": (_read_date, _write_date),
    "date_or_year": (_read_date_or_year, _write_date_or_year),
    "duration": (_read_duration, _write_duration),
    "lang": (_read_lang, _write_string),
    "comparator": (_read_comparator, lambda n, c: c.registry.comparators.shown(n)),
    "actor": (_read_actor, lambda n, c: c.actor_text(n)),
    "ref": (_read_ref, _write_ref),
    "predicate": (_read_predicate, _write_predicate),
    **{f"concept:{kind}": _concept_codec(kind) for kind in _CONCEPT_WHAT},
    **{
        f"class:{group}": _class_codec(group)
        for group in ("plan", "goal", "area", "document", "actor")
    },
}


def read_flag(text: str, lang: str = DEFAULT_LANG) -> bool:
    """Read a yes/no cell ("ja", "nej", "yes", "no" …).

    Examples
    --------
    >>> read_flag("Ja"), read_flag("nej")
    (True, False)
    """
    key = text.strip().casefold()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(message("spreadsheet.not_a_flag", lang, text=text))


def split_cell(text: str, multi: bool) -> list[str]:
    """The values of a cell: several separated by ``;`` in a multi-valued column."""
    if not multi:
        return [text.strip()] if text.strip() else []
    return [part.strip() for part in text.split(SEPARATOR) if part.strip()]


def same_term(a: Node, b: Node) -> bool:
    """Whether two terms are the very same: kind, lexical form, datatype and language."""
    if type(a) is not type(b) or str(a) != str(b):
        return False
    if isinstance(a, Literal) and isinstance(b, Literal):
        return a.datatype == b.datatype and a.language == b.language
    return True
