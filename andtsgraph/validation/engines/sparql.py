"""SHACL Core compiled to SPARQL: each constraint of each shape becomes one SELECT query
that returns only the violations, run through any SPARQL store (the embedded Oxigraph or
memory store, or a remote server) with nothing but standard SPARQL 1.1.

How a shape becomes SPARQL
--------------------------
- The focus nodes of a shape (``sh:targetNode``, ``sh:targetClass`` and the implicit class
  target of a shape that is also a class, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``)
  are a sub-select binding ``?this``; a class target follows ``rdf:type/rdfs:subClassOf*``.
- A constraint on one value node (``sh:class``, ``sh:datatype``, ``sh:nodeKind``, value
  ranges, lengths, ``sh:pattern``, ``sh:languageIn``, ``sh:in``, ``sh:node``, ``sh:not``,
  ``sh:and``, ``sh:or``, ``sh:xone``) is a boolean expression; a SPARQL error while computing
  it (comparing incomparable values, say) counts as a violation, as SHACL requires.
- Counting constraints (``sh:minCount``, ``sh:maxCount``, qualified counts) group the values
  of each focus node; pair constraints (``sh:equals``, ``sh:disjoint``, ``sh:lessThan``,
  ``sh:lessThanOrEquals``), ``sh:uniqueLang``, ``sh:hasValue`` and ``sh:closed`` are joins.
- A shape used inside another (``sh:node``, logical constraints, qualified value shapes) is
  compiled to one expression that holds when a node conforms to it, with ``EXISTS``.
- SPARQL-based constraints (``sh:sparql`` with ``sh:select``) run with ``$this`` bound to the
  focus nodes and ``$PATH`` replaced by the property shape's path.

Anything else on a shape (an ``sh:`` term this compiler does not know, a blank node where a
query needs a term, counts above :data:`MAX_NESTED_COUNT` inside a nested shape, recursion)
raises :class:`UnsupportedShapes` naming it: nothing is ever skipped in silence.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import cast

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SH
from rdflib.term import Node

from andtsgraph.errors import AndtsError
from andtsgraph.messages import text as _msg
from andtsgraph.results import ResultList
from andtsgraph.validation.records import ShaclResult, fill_message
from andtsgraph.validation.shapes import is_shape, reporting_shapes, targets

__all__ = ["MAX_NESTED_COUNT", "Program", "UnsupportedShapes", "compile_shapes", "run"]

#: A select function: SPARQL SELECT text → rows (dicts of variable name → rdflib term).
Select = Callable[[str], Iterable[Mapping[str, Node | None]]]

#: The largest sh:minCount / sh:maxCount / qualified count compiled inside a nested shape
#: (each needs that many joined variables).
MAX_NESTED_COUNT = 4
_MAX_DEPTH = 12


class UnsupportedShapes(AndtsError):
    """The shapes use something the SPARQL engine does not compile; the message names it."""


#: SHACL Core constraint parameters → their constraint components.
COMPONENTS: dict[URIRef, URIRef] = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.uniqueLang: SH.UniqueLangConstraintComponent,
    SH.equals: SH.EqualsConstraintComponent,
    SH.disjoint: SH.DisjointConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent,
    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH.property: SH.PropertyConstraintComponent,
    SH.qualifiedValueShape: SH.QualifiedMinCountConstraintComponent,  # and QualifiedMax…
    SH.closed: SH.ClosedConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}
#: sh: terms on a shape that describe it, or are read by a constraint's main parameter.
_DESCRIPTIVE = {
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.path,
    SH.flags,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
    SH.ignoredProperties,
    SH.targetNode,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
}
#: Constraints whose condition is on one value node at a time.
_VALUE_LEVEL = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.minExclusive,
    SH.minInclusive,
    SH.maxExclusive,
    SH.maxInclusive,
    SH.minLength,
    SH.maxLength,
    SH.pattern,
    SH.languageIn,
    SH["not"],
    SH["and"],
    SH["or"],
    SH.xone,
    SH.node,
    SH["in"],
}
_NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "(isIRI({x}) || isBlank({x}))",
    SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
    SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))",
}
_COMPARISONS = {
    SH.minExclusive: ">",
    SH.minInclusive: ">=",
    SH.maxExclusive: "<",
    SH.maxInclusive: "<=",
}

# ---- well-formed literals of the XSD datatypes, as regular expressions (no Python needed) ---
_TZ = r"(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)?"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
_DAY = r"(0[1-9]|[12][0-9]|3[01])"
_MONTH = r"(0[1-9]|1[0-2])"
_TIME = r"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"
_INTEGER = r"^[+-]?[0-9]+$"
_LEXICAL = {
    XSD.integer: _INTEGER,
    XSD.decimal: r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    XSD.double: r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    XSD.float: r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    XSD.boolean: r"^(true|false|1|0)$",
    XSD.date: f"^{_YEAR}-{_MONTH}-{_DAY}{_TZ}$",
    XSD.dateTime: f"^{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TZ}$",
    XSD.time: f"^{_TIME}{_TZ}$",
    XSD.gYear: f"^{_YEAR}{_TZ}$",
    XSD.gYearMonth: f"^{_YEAR}-{_MONTH}{_TZ}$",
    XSD.duration: r"^-?P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$",
}
#: Integer types derived by restriction: their bounds (None: unbounded).
_INTEGER_RANGES: dict[URIRef, tuple[int | None, int | None]] = {
    XSD.long: (-(2**63), 2**63 - 1),
    XSD.int: (-(2**31), 2**31 - 1),
    XSD.short: (-(2**15), 2**15 - 1),
    XSD.byte: (-128, 127),
    XSD.nonNegativeInteger: (0, None),
    XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1),
    XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1),
    XSD.unsignedByte: (0, 255),
}


def _comparable(a: str, b: str) -> str:
    """Whether SPARQL may compare ``a`` and ``b`` with < (XPath: numbers with numbers, else
    literals of one datatype); other stores order mixed terms, SHACL calls them incomparable."""
    # A time with a time zone and one without are incomparable too (XPath: indeterminate).
    zoned = Literal("(Z|[+-][0-9][0-9]:[0-9][0-9])$").n3()
    timed = ", ".join(t.n3() for t in (XSD.dateTime, XSD.date, XSD.time))
    return (
        f"((isNumeric({a}) && isNumeric({b})) || (isLiteral({a}) && isLiteral({b}) && "
        f"!isNumeric({a}) && !isNumeric({b}) && sameTerm(DATATYPE({a}), DATATYPE({b})) && "
        f"LANG({a}) = LANG({b}) && (DATATYPE({a}) NOT IN ({timed}) || "
        f"REGEX(STR({a}), {zoned}) = REGEX(STR({b}), {zoned}))))"
    )


def _same_term(x: str, term: Node | str) -> str:
    """``sameTerm(x, term)``, as ``x = term`` when ``term`` is an IRI: the same test (``=`` on
    an IRI is identity), and the one Virtuoso 7.2 evaluates inside ``||``, ``!`` or
    ``COALESCE``, where its ``sameTerm`` with an IRI gives no value."""
    if isinstance(term, URIRef):
        return f"({x} = {term.n3()})"
    return f"sameTerm({x}, {term if isinstance(term, str) else term.n3()})"


def _regex(x: str, pattern: str) -> str:
    return f"REGEX(STR({x}), {Literal(pattern).n3()})"


def _well_formed(x: str, datatype: URIRef) -> str:
    """An expression true when literal ``x`` (of datatype ``datatype``) is well formed."""
    if datatype in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[datatype]
        tests = [_regex(x, _INTEGER)]
        value = f"{XSD.integer.n3()}(STR({x}))"
        if low is not None:
            tests.append(f"{value} >= {low}")
        if high is not None:
            tests.append(f"{value} <= {high}")
        return "(" + " && ".join(tests) + ")"
    if datatype == XSD.duration:
        # Or held as a number: Virtuoso keeps a duration it has read as months or seconds
        # ("P1Y" as 12); no other store calls a duration numeric (isNumeric is false for it).
        lexical = f'{_regex(x, _LEXICAL[datatype])} && !REGEX(STR({x}), "(^-?P|T)$")'
        return f"(({lexical}) || isNumeric({x}))"
    if datatype in _LEXICAL:
        return _regex(x, _LEXICAL[datatype])
    return "true"


class _Path(str):
    """A SPARQL property path, with its steps when it is plain and inverse properties only."""

    steps: list[tuple[str, bool]] | None

    def __new__(cls, text: str, steps: list[tuple[str, bool]] | None) -> _Path:
        made = super().__new__(cls, text)
        made.steps = steps
        return made


class _Safe(str):
    """An expression already made error-proof (see ``_Compiler.safe``): not wrapped again."""


#: Variable → (a group pattern binding it to each focus node, the variables that tell apart the
#: outer focus nodes a nested shape's focus nodes come from).
Focus = Callable[[str], tuple[str, list[str]]]


# ---- the compiled program ----------------------------------------------------------------------
@dataclass
class Query:
    """One SELECT finding the violations of one constraint of one shape.

    The query projects ``?this`` (the focus node) and, where the result has them, ``?value``
    and ``?path`` (``sh:closed`` finds the path in the data).
    """

    text: str
    shape: Node
    component: URIRef
    path: Node | None
    severity: URIRef
    messages: tuple[Literal, ...]
    source_constraint: Node | None = None
    fill_messages: bool = False  # SPARQL-based: {?var} and {$var} are filled in per result
    per_focus: str | None = None  # SPARQL-based, run once per focus node: the focus query


@dataclass
class Program:
    """The compiled shapes: one query per constraint of each shape."""

    queries: list[Query] = field(default_factory=list)
    #: The class hierarchy the queries were compiled with (None: they follow it themselves).
    closure: Callable[[URIRef], list[str]] | None = None


class _Compiler:
    def __init__(self, shapes: Graph, closure: Callable[[URIRef], list[str]] | None) -> None:
        self.sg = shapes
        self.closure = closure
        self.fresh = itertools.count()
        self.program = Program()

    # -- reading the shapes graph ----------------------------------------------------------
    def var(self, stem: str = "v") -> str:
        return f"?{stem}{next(self.fresh)}"

    def fail(self, shape: Node, what: str, why: str) -> UnsupportedShapes:
        return UnsupportedShapes(
            f"the SPARQL engine cannot compile {what} of shape {shape.n3()}: {why}"
        )

    def term(self, shape: Node, what: str, node: Node) -> str:
        if isinstance(node, URIRef | Literal):
            return node.n3()
        raise self.fail(shape, what, f"its value {node.n3()} is a blank node")

    def items(self, shape: Node, what: str, node: Node) -> list[Node]:
        if node == RDF.nil:
            return []
        if self.sg.value(node, RDF.first) is None:
            raise self.fail(shape, what, f"{node.n3()} is not an RDF list")
        return list(Collection(self.sg, node))

    def count(self, shape: Node, prop: URIRef, node: Node) -> int:
        if not isinstance(node, Literal) or not isinstance(node.value, int):
            raise self.fail(shape, prop.n3(), f"{node.n3()} is not an integer")
        return int(node.value)

    def tp(self, x: str, p: str, y: str) -> str:
        """A pattern: ``y`` is reached from ``x`` along path ``p``. A path of plain and inverse
        properties in sequence becomes triple patterns (Oxigraph joins those from either end;
        a property path it evaluates from its far end inside EXISTS)."""
        steps = getattr(p, "steps", None)
        if not steps:
            return f"{x} {p} {y} ."
        nodes = [x, *(self.var("s") for _ in steps[1:]), y]
        parts = []
        for i, (iri, inverse) in enumerate(steps):
            a, b = nodes[i], nodes[i + 1]
            parts.append(f"{b} {iri} {a} ." if inverse else f"{a} {iri} {b} .")
        return " ".join(parts)

    def path(self, shape: Node, node: Node, depth: int = 0) -> str:
        """A SHACL property path as a SPARQL property path (with its steps, when it is a
        sequence of plain and inverse properties)."""
        text = self._path(shape, node, depth)
        return _Path(text, self._steps(node))

    def _steps(self, node: Node) -> list[tuple[str, bool]] | None:
        if isinstance(node, URIRef):
            return [(node.n3(), False)]
        if self.sg.value(node, RDF.first) is not None:
            steps: list[tuple[str, bool]] = []
            for item in Collection(self.sg, node):
                inner = self._steps(item)
                if inner is None:
                    return None
                steps += inner
            return steps
        inverse = self.sg.value(node, SH.inversePath)
        if isinstance(inverse, URIRef) and len(set(self.sg.predicates(node))) == 1:
            return [(inverse.n3(), True)]
        return None

    def _path(self, shape: Node, node: Node, depth: int = 0) -> str:
        if depth > _MAX_DEPTH:
            raise self.fail(shape, "sh:path", "the path is nested too deeply")
        if isinstance(node, URIRef):
            return node.n3()
        if self.sg.value(node, RDF.first) is not None:
            parts = [self.path(shape, p, depth + 1) for p in self.items(shape, "sh:path", node)]
            if len(parts) < 2:
                raise self.fail(shape, "sh:path", "a sequence path needs two or more members")
            return "(" + "/".join(parts) + ")"
        for prop, form in (
            (SH.inversePath, "^({})"),
            (SH.zeroOrMorePath, "({})*"),
            (SH.oneOrMorePath, "({})+"),
            (SH.zeroOrOnePath, "({})?"),
        ):
            inner = self.sg.value(node, prop)
            if inner is not None:
                return form.format(self.path(shape, inner, depth + 1))
        alternatives = self.sg.value(node, SH.alternativePath)
        if alternatives is not None:
            members = self.items(shape, "sh:alternativePath", alternatives)
            return "(" + "|".join(self.path(shape, p, depth + 1) for p in members) + ")"
        raise self.fail(shape, "sh:path", f"{node.n3()} is no SHACL property path")

    def constraints(self, shape: Node) -> list[tuple[URIRef, Node]]:
        """The shape's constraint parameters, each checked to be known."""
        found: list[tuple[URIRef, Node]] = []
        for p, o in sorted(self.sg.predicate_objects(shape)):
            if isinstance(p, URIRef) and p in COMPONENTS:
                found.append((p, o))
            elif str(p).startswith(str(SH)) and p not in _DESCRIPTIVE:
                raise self.fail(shape, p.n3(), "not a SHACL Core constraint this engine knows")
        return found

    def deactivated(self, shape: Node) -> bool:
        return self.sg.value(shape, SH.deactivated) == Literal(True)

    def severity(self, shape: Node) -> URIRef:
        severity = self.sg.value(shape, SH.severity)
        return severity if isinstance(severity, URIRef) else SH.Violation

    def messages(self, *subjects: Node) -> tuple[Literal, ...]:
        found: list[Literal] = []
        for s in subjects:
            found += [m for m in self.sg.objects(s, SH.message) if isinstance(m, Literal)]
        return tuple(dict.fromkeys(found))

    # -- conditions on one value node ------------------------------------------------------
    def value_condition(self, shape: Node, prop: URIRef, param: Node, x: str, depth: int) -> str:
        """An expression that holds when value node ``x`` satisfies one constraint."""
        if prop == SH.datatype:
            if not isinstance(param, URIRef):
                raise self.fail(shape, "sh:datatype", f"{param.n3()} is not an IRI")
            if param == RDF.langString:
                return f'(isLiteral({x}) && LANG({x}) != "")'
            test = f'(isLiteral({x}) && LANG({x}) = "" && {_same_term(f"DATATYPE({x})", param)}'
            return test + f" && {_well_formed(x, param)})"
        if prop == SH["class"]:
            cls = self.term(shape, "sh:class", param)
            return f"EXISTS {{ {self.instance(x, cls, param)} }}"
        if prop == SH.nodeKind:
            kind = _NODE_KINDS.get(param) if isinstance(param, URIRef) else None
            if kind is None:
                raise self.fail(shape, "sh:nodeKind", f"{param.n3()} is no node kind")
            return kind.format(x=x)
        if prop in _COMPARISONS:
            bound = self.term(shape, prop.n3(), param)
            return f"({_comparable(x, bound)} && {x} {_COMPARISONS[prop]} {bound})"
        if prop in (SH.minLength, SH.maxLength):
            n = self.count(shape, prop, param)
            op = ">=" if prop == SH.minLength else "<="
            return f"(!isBlank({x}) && STRLEN(STR({x})) {op} {n})"
        if prop == SH.pattern:
            flags = self.sg.value(shape, SH.flags)
            args = f"STR({x}), {Literal(str(param)).n3()}"
            if flags is not None:
                args += f", {Literal(str(flags)).n3()}"
            return f"(!isBlank({x}) && REGEX({args}))"
        if prop == SH.languageIn:
            tags = [str(t) for t in self.items(shape, "sh:languageIn", param)]
            tests = [f"langMatches(LANG({x}), {Literal(t).n3()})" for t in tags]
            return f'(isLiteral({x}) && LANG({x}) != "" && ({" || ".join(tests) or "false"}))'
        if prop == SH["in"]:
            items = self.items(shape, "sh:in", param)
            members = [self.term(shape, "sh:in", m) for m in items]
            iris = [m.n3() for m in items if isinstance(m, URIRef)]
            others = [m for m in members if m not in iris]
            tests = [f"{x} IN ({', '.join(iris)})"] if iris else []  # = is sameTerm for an IRI
            if len(others) <= 2:
                tests += [_same_term(x, m) for m in others]
            else:  # a VALUES block rather than a chain of ||: rdflib's parser recurses on each ||
                m = self.var("m")
                tests.append(
                    f"EXISTS {{ VALUES {m} {{ {' '.join(others)} }} FILTER(sameTerm({x}, {m})) }}"
                )
            return "(" + (" || ".join(tests) or "false") + ")"
        if prop == SH.node:
            return self.conforms(param, x, depth + 1)
        if prop == SH["not"]:
            return f"(!{self.conforms(param, x, depth + 1)})"
        if prop == SH["and"]:
            parts = [self.conforms(s, x, depth + 1) for s in self.items(shape, "sh:and", param)]
            return "(" + (" && ".join(parts) or "true") + ")"
        if prop == SH["or"]:
            parts = [self.conforms(s, x, depth + 1) for s in self.items(shape, "sh:or", param)]
            return "(" + (" || ".join(parts) or "false") + ")"
        if prop == SH.xone:
            parts = [self.conforms(s, x, depth + 1) for s in self.items(shape, "sh:xone", param)]
            return "((" + (" + ".join(f"IF({p}, 1, 0)" for p in parts) or "0") + ") = 1)"
        raise self.fail(shape, prop.n3(), "not a condition on one value")  # pragma: no cover

    def instance(self, x: str, cls: str, node: Node) -> str:
        """A pattern: ``x`` is a SHACL instance of class ``cls`` (rdf:type/rdfs:subClassOf*).
        With the data's class hierarchy read beforehand, the classes are listed (Oxigraph
        answers a VALUES list much faster than the path)."""
        if self.closure is None or not isinstance(node, URIRef):
            return f"{x} {RDF.type.n3()}/{RDFS.subClassOf.n3()}* {cls} ."
        t = self.var("c")
        classes = self.closure(node)
        if len(classes) == 1:
            return f"{x} {RDF.type.n3()} {classes[0]} ."
        return f"{x} {RDF.type.n3()} {t} . VALUES {t} {{ {' '.join(classes)} }}"

    def safe(self, condition: str) -> str:
        """An expression whose error counts as false (a SPARQL error is never a pass)."""
        if isinstance(condition, _Safe):
            return condition
        return _Safe(f"COALESCE({condition}, false)")

    # -- conformance of a node to a whole shape (shapes used inside other shapes) ------------
    def conforms(self, shape: Node, x: str, depth: int) -> str:
        """An expression that holds when node ``x`` conforms to ``shape``."""
        if depth > _MAX_DEPTH:
            raise UnsupportedShapes(
                _msg("errors.recursive_shape", shape=shape.n3(), depth=_MAX_DEPTH)
            )
        constraints = self.constraints(shape)
        if self.deactivated(shape):
            return "true"
        path_node = self.sg.value(shape, SH.path)
        tests = []
        for prop, param in constraints:
            if path_node is None:
                tests.append(self.node_condition(shape, prop, param, x, depth))
            else:
                p = self.path(shape, path_node)
                tests.append(self.property_condition(shape, p, prop, param, x, depth))
        if len(tests) == 1:
            return self.safe(tests[0])
        return _Safe("(" + (" && ".join(self.safe(t) for t in tests) or "true") + ")")

    def node_condition(self, shape: Node, prop: URIRef, param: Node, x: str, depth: int) -> str:
        """A node shape's constraint on its focus ``x`` (its only value node)."""
        if prop in _VALUE_LEVEL:
            return self.value_condition(shape, prop, param, x, depth)
        if prop == SH.property:
            return self.conforms(param, x, depth + 1)
        if prop == SH.hasValue:
            self.term(shape, "sh:hasValue", param)  # refuses a blank node
            return _same_term(x, param)
        o = self.var("o")
        if prop == SH.equals:
            q = self.term(shape, "sh:equals", param)
            return (
                f"(NOT EXISTS {{ {x} {q} {o} FILTER(!sameTerm({o}, {x})) }} && "
                f"EXISTS {{ {x} {q} {o} FILTER(sameTerm({o}, {x})) }})"
            )
        if prop == SH.disjoint:
            q = self.term(shape, "sh:disjoint", param)
            return f"NOT EXISTS {{ {x} {q} {o} FILTER(sameTerm({o}, {x})) }}"
        if prop == SH.closed:
            return self.closed_condition(shape, param, x)
        if prop == SH.sparql:
            raise self.fail(shape, "sh:sparql", "SPARQL-based constraints inside another shape")
        raise self.fail(shape, prop.n3(), "only property shapes take it")

    def closed_condition(self, shape: Node, param: Node, x: str) -> str:
        if param != Literal(True):
            return "true"
        p, o = self.var("p"), self.var("o")
        return f"NOT EXISTS {{ {self.tp(x, p, o)} FILTER({self.not_allowed(shape, p)}) }}"

    def not_allowed(self, shape: Node, p: str) -> str:
        """An expression true when predicate ``p`` is not allowed by a closed ``shape``."""
        allowed = {
            path
            for prop in self.sg.objects(shape, SH.property)
            for path in self.sg.objects(prop, SH.path)
            if isinstance(path, URIRef)
        }
        ignored = self.sg.value(shape, SH.ignoredProperties)
        if ignored is not None:
            allowed |= {
                self.term(shape, "sh:ignoredProperties", i)  # type: ignore[misc]
                and i
                for i in self.items(shape, "sh:ignoredProperties", ignored)
            }
        if not allowed:
            return "true"
        return f"{p} NOT IN ({', '.join(sorted(a.n3() for a in allowed))})"

    def distinct_values(self, x: str, p: str, n: int, condition: Callable[[str], str] | None):
        """A pattern binding ``n`` pairwise distinct values of ``x`` along ``p``."""
        ys = [self.var("y") for _ in range(n)]
        parts = [self.tp(x, p, y) for y in ys]
        tests = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(ys, 2)]
        if condition is not None:
            tests += [self.safe(condition(y)) for y in ys]
        where = " ".join(parts)
        return where + (f" FILTER({' && '.join(tests)})" if tests else "")

    def property_condition(
        self, shape: Node, p: str, prop: URIRef, param: Node, x: str, depth: int
    ) -> str:
        """A property shape's constraint on the values of ``x`` along path ``p``."""
        y = self.var("y")
        if prop in _VALUE_LEVEL or prop == SH.property:
            if prop == SH.property:
                test = self.conforms(param, y, depth + 1)
            else:
                test = self.value_condition(shape, prop, param, y, depth)
            return f"NOT EXISTS {{ {self.tp(x, p, y)} FILTER(!{self.safe(test)}) }}"
        if prop in (SH.minCount, SH.maxCount):
            n = self.count(shape, prop, param)
            if prop == SH.minCount:
                if n == 0:
                    return "true"
                self.nested_limit(shape, prop, n)
                return f"EXISTS {{ {self.distinct_values(x, p, n, None)} }}"
            self.nested_limit(shape, prop, n + 1)
            return f"NOT EXISTS {{ {self.distinct_values(x, p, n + 1, None)} }}"
        if prop == SH.hasValue:
            value = self.term(shape, "sh:hasValue", param)
            if isinstance(param, URIRef):
                return f"EXISTS {{ {self.tp(x, p, value)} }}"
            return f"EXISTS {{ {self.tp(x, p, y)} FILTER(sameTerm({y}, {value})) }}"
        if prop == SH.uniqueLang:
            if param != Literal(True):
                return "true"
            z = self.var("y")
            return f"NOT EXISTS {{ {self.tp(x, p, y)} {self.tp(x, p, z)} FILTER({self.same_lang(y, z)}) }}"
        if prop == SH.equals:
            q, o = self.term(shape, "sh:equals", param), self.var("o")
            return (
                f"(NOT EXISTS {{ {self.tp(x, p, y)} FILTER NOT EXISTS {{ {x} {q} {y} }} }} && "
                f"NOT EXISTS {{ {x} {q} {o} FILTER NOT EXISTS {{ {self.tp(x, p, o)} }} }})"
            )
        if prop == SH.disjoint:
            q = self.term(shape, "sh:disjoint", param)
            return f"NOT EXISTS {{ {self.tp(x, p, y)} {x} {q} {y} }}"
        if prop in (SH.lessThan, SH.lessThanOrEquals):
            q, o = self.term(shape, prop.n3(), param), self.var("o")
            op = "<" if prop == SH.lessThan else "<="
            test = f"{_comparable(y, o)} && {y} {op} {o}"
            return (
                f"NOT EXISTS {{ {self.tp(x, p, y)} {x} {q} {o} FILTER(!COALESCE({test}, false)) }}"
            )
        if prop == SH.qualifiedValueShape:
            tests = []
            for bound, more in ((SH.qualifiedMinCount, False), (SH.qualifiedMaxCount, True)):
                given = self.sg.value(shape, bound)
                if given is None:
                    continue
                n = self.count(shape, bound, given) + (1 if more else 0)
                if n == 0:
                    continue
                self.nested_limit(shape, bound, n)
                pattern = self.distinct_values(x, p, n, self.qualified(shape, param, depth))
                tests.append(f"{'NOT ' if more else ''}EXISTS {{ {pattern} }}")
            return "(" + (" && ".join(tests) or "true") + ")"
        if prop == SH.closed:
            if param != Literal(True):
                return "true"
            q, o = self.var("p"), self.var("o")
            return f"NOT EXISTS {{ {self.tp(x, p, y)} {y} {q} {o} FILTER({self.not_allowed(shape, q)}) }}"
        if prop == SH.sparql:
            raise self.fail(shape, "sh:sparql", "SPARQL-based constraints inside another shape")
        raise self.fail(shape, prop.n3(), "not compiled on a property shape")  # pragma: no cover

    def nested_limit(self, shape: Node, prop: URIRef, n: int) -> None:
        if n > MAX_NESTED_COUNT:
            raise self.fail(
                shape, f"{prop.n3()} {n}", f"counts above {MAX_NESTED_COUNT} inside another shape"
            )

    @staticmethod
    def same_lang(a: str, b: str) -> str:
        return (
            f'!sameTerm({a}, {b}) && isLiteral({a}) && isLiteral({b}) && LANG({a}) != "" && '
            f"LCASE(LANG({a})) = LCASE(LANG({b}))"
        )

    def qualified(self, shape: Node, qvs: Node, depth: int) -> Callable[[str], str]:
        """Value ``y`` counts for a qualified count: it conforms to ``qvs`` and, when the shape
        asks for disjoint qualified shapes, to none of its siblings' qualified shapes."""
        siblings: list[Node] = []
        if self.sg.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            for parent in self.sg.subjects(SH.property, shape):
                for other in self.sg.objects(parent, SH.property):
                    if other != shape:
                        siblings += [s for s in self.sg.objects(other, SH.qualifiedValueShape)]

        def condition(y: str) -> str:
            tests = [self.conforms(qvs, y, depth + 1)]
            tests += [f"!{self.conforms(s, y, depth + 1)}" for s in siblings if s != qvs]
            return "(" + " && ".join(tests) + ")"

        return condition

    # -- the top level: shapes with focus nodes ------------------------------------------
    def target_focus(self, shape: Node) -> Focus:
        """A function: variable → a group pattern binding it to each focus node of ``shape``
        (and the variables telling apart the outer focus nodes a nested shape's come from)."""
        found = targets(self.sg, shape)

        def focus(v: str) -> tuple[str, list[str]]:
            branches = []
            for node in found.get(SH.targetNode, []):
                branches.append(f"VALUES {v} {{ {self.term(shape, 'sh:targetNode', node)} }}")
            for cls in found.get(SH.targetClass, []):
                cls_term = self.term(shape, "sh:targetClass", cls)
                branches.append(self.instance(v, cls_term, cls))
            for prop in found.get(SH.targetSubjectsOf, []):
                o = self.var("t")
                branches.append(f"{v} {self.term(shape, 'sh:targetSubjectsOf', prop)} {o} .")
            for prop in found.get(SH.targetObjectsOf, []):
                s = self.var("t")
                branches.append(f"{s} {self.term(shape, 'sh:targetObjectsOf', prop)} {v} .")
            if len(branches) == 1:
                # One target: its pattern as it is (every query keeps distinct rows itself),
                # so that the store joins it with the constraint's pattern.
                return branches[0], []
            union = " UNION ".join(f"{{ {b} }}" for b in branches)
            return f"{{ SELECT DISTINCT {v} WHERE {{ {union} }} }}", []

        return focus

    def add(self, shape: Node, prop: URIRef, text: str, path: Node | None, **more) -> None:
        self.program.queries.append(
            Query(
                text=text,
                shape=shape,
                component=more.pop("component", COMPONENTS[prop]),
                path=path,
                severity=self.severity(shape),
                messages=more.pop("messages", self.messages(shape)),
                **more,
            )
        )

    def top(self, shape: Node, focus: Focus, depth: int = 0) -> None:
        """Queries for every constraint of ``shape`` on the focus nodes ``focus`` binds."""
        if depth > _MAX_DEPTH:
            raise self.fail(shape, "sh:property", "property shapes nested too deeply")
        constraints = self.constraints(shape)
        if self.deactivated(shape):
            return
        path_node = self.sg.value(shape, SH.path)
        for prop, param in constraints:
            if prop == SH.sparql:
                self.sparql_constraint(shape, param, focus, path_node)
            elif path_node is None:
                self.node_constraint(shape, prop, param, focus, depth)
            else:
                self.property_constraint(shape, path_node, prop, param, focus, depth)

    def node_constraint(
        self, shape: Node, prop: URIRef, param: Node, focus: Focus, depth: int
    ) -> None:
        F, ctx = focus("?this")
        keys = " ".join([*ctx, "?this"])
        if prop == SH.property:
            self.top(param, focus, depth + 1)
            return
        if prop in _VALUE_LEVEL:
            test = self.safe(self.value_condition(shape, prop, param, "?this", depth))
            text = f"SELECT DISTINCT {keys} (?this AS ?value) WHERE {{ {F} FILTER(!{test}) }}"
        elif prop == SH.hasValue:
            value = self.term(shape, "sh:hasValue", param)
            text = f"SELECT DISTINCT {keys} WHERE {{ {F} FILTER(!sameTerm(?this, {value})) }}"
        elif prop == SH.equals:
            q = self.term(shape, "sh:equals", param)
            text = (
                f"SELECT DISTINCT {keys} ?value WHERE {{ "
                f"{{ {F} ?this {q} ?value FILTER(!sameTerm(?value, ?this)) }} UNION "
                f"{{ {F} FILTER NOT EXISTS {{ ?this {q} ?o FILTER(sameTerm(?o, ?this)) }} "
                "BIND(?this AS ?value) } }"
            )
        elif prop == SH.disjoint:
            q = self.term(shape, "sh:disjoint", param)
            text = (
                f"SELECT DISTINCT {keys} (?this AS ?value) WHERE {{ {F} ?this {q} ?o "
                "FILTER(sameTerm(?o, ?this)) }"
            )
        elif prop == SH.closed:
            if param != Literal(True):
                return
            text = (
                f"SELECT DISTINCT {keys} ?path ?value WHERE {{ {F} ?this ?path ?value "
                f"FILTER({self.not_allowed(shape, '?path')}) }}"
            )
        else:
            raise self.fail(shape, prop.n3(), "only property shapes take it")
        self.add(shape, prop, text, None)

    def property_constraint(
        self,
        shape: Node,
        path_node: Node,
        prop: URIRef,
        param: Node,
        focus: Focus,
        depth: int,
    ) -> None:
        p = self.path(shape, path_node)
        F, ctx = focus("?this")
        keys = " ".join([*ctx, "?this"])
        if prop == SH.property:
            # The nested shape's focus nodes are this shape's value nodes, once for each
            # focus node they are values of (each is validated, and reported, on its own).
            def values(v: str) -> tuple[str, list[str]]:
                f = self.var("f")
                inner, outer = focus(f)
                names = " ".join([*outer, f, v])
                return f"{{ SELECT DISTINCT {names} WHERE {{ {inner} {self.tp(f, p, v)} }} }}", [
                    *outer,
                    f,
                ]

            self.top(param, values, depth + 1)
            return
        # The focus node's values, the pattern every constraint below starts from.
        vp = self.tp("?this", p, "?value")

        def lacking(condition: str = "") -> str:
            """Focus nodes without a value (meeting ``condition``). OPTIONAL + !BOUND rather
            than NOT EXISTS: Oxigraph evaluates a path inside NOT EXISTS from its far end
            (seconds on a national corpus)."""
            return (
                f"SELECT DISTINCT {keys} WHERE {{ {F} OPTIONAL {{ {vp} {condition} }} "
                "FILTER(!BOUND(?value)) }"
            )

        def counted(op: str, n: int, optional: bool = False, condition: str = "") -> str:
            """Focus nodes whose count of distinct values (meeting ``condition``) is ``op n``."""
            values = f"OPTIONAL {{ {vp} {condition} }}" if optional else vp
            return (
                f"SELECT {keys} WHERE {{ {F} {values} }} "
                f"GROUP BY {keys} HAVING (COUNT(DISTINCT ?value) {op} {n})"
            )

        if prop in _VALUE_LEVEL:
            test = self.safe(self.value_condition(shape, prop, param, "?value", depth))
            text = f"SELECT DISTINCT {keys} ?value WHERE {{ {F} {vp} FILTER(!{test}) }}"
        elif prop == SH.minCount:
            n = self.count(shape, prop, param)
            if n == 0:
                return
            text = lacking() if n == 1 else counted("<", n, optional=True)
        elif prop == SH.maxCount:
            text = counted(">", self.count(shape, prop, param))
        elif prop == SH.hasValue:
            value = self.term(shape, "sh:hasValue", param)
            text = lacking(f"FILTER(sameTerm(?value, {value}))")
        elif prop == SH.uniqueLang:
            if param != Literal(True):
                return
            text = (
                f"SELECT DISTINCT {keys} (LCASE(LANG(?a)) AS ?lang) WHERE {{ {F} {self.tp('?this', p, '?a')} "
                f"{self.tp('?this', p, '?b')} FILTER({self.same_lang('?a', '?b')}) }}"
            )
        elif prop == SH.equals:
            q = self.term(shape, "sh:equals", param)
            text = (
                f"SELECT DISTINCT {keys} ?value WHERE {{ {F} "
                f"{{ {vp} FILTER NOT EXISTS {{ ?this {q} ?value }} }} UNION "
                f"{{ ?this {q} ?value FILTER NOT EXISTS {{ {vp} }} }} }}"
            )
        elif prop == SH.disjoint:
            q = self.term(shape, "sh:disjoint", param)
            text = f"SELECT DISTINCT {keys} ?value WHERE {{ {F} {vp} ?this {q} ?value }}"
        elif prop in (SH.lessThan, SH.lessThanOrEquals):
            q = self.term(shape, prop.n3(), param)
            op = "<" if prop == SH.lessThan else "<="
            text = (
                # One result per pair of values, as SHACL counts them.
                f"SELECT DISTINCT {keys} ?value ?o WHERE {{ {F} {vp} ?this {q} ?o "
                f"FILTER(!COALESCE({_comparable('?value', '?o')} && ?value {op} ?o, false)) }}"
            )
        elif prop == SH.qualifiedValueShape:
            counts = self.qualified(shape, param, depth)("?value")
            for bound, component, op in (
                (SH.qualifiedMinCount, SH.QualifiedMinCountConstraintComponent, "<"),
                (SH.qualifiedMaxCount, SH.QualifiedMaxCountConstraintComponent, ">"),
            ):
                given = self.sg.value(shape, bound)
                if given is None:
                    continue
                n = self.count(shape, bound, given)
                text = counted(op, n, optional=True, condition=f"FILTER({self.safe(counts)})")
                self.add(shape, prop, text, path_node, component=component)
            return
        elif prop == SH.closed:
            if param != Literal(True):
                return
            text = (
                f"SELECT DISTINCT {keys} ?path ?value WHERE {{ {F} {self.tp('?this', p, '?y')} ?y ?path ?value "
                f"FILTER({self.not_allowed(shape, '?path')}) }}"
            )
            self.add(shape, prop, text, None)
            return
        else:  # pragma: no cover - every component is handled above
            raise self.fail(shape, prop.n3(), "not compiled on a property shape")
        self.add(shape, prop, text, path_node)

    def sparql_constraint(
        self, shape: Node, constraint: Node, focus: Focus, path_node: Node | None
    ) -> None:
        if self.deactivated(constraint):
            return
        for p in self.sg.predicates(constraint):
            if str(p).startswith(str(SH)) and p not in (
                SH.select,
                SH.message,
                SH.prefixes,
                SH.deactivated,
            ):
                raise self.fail(shape, f"{p.n3()} on a SPARQL constraint", "not compiled")
        select = self.sg.value(constraint, SH.select)
        if select is None:
            raise self.fail(shape, "sh:sparql", "only sh:select constraints are compiled")
        text = str(select)
        if re.search(r"\$(currentShape|shapesGraph)\b", text):
            raise self.fail(shape, "sh:sparql", "$currentShape and $shapesGraph are not bound")
        if re.search(r"\$PATH\b", text):
            if path_node is None:
                raise self.fail(shape, "sh:sparql", "$PATH on a node shape")
            text = re.sub(r"\$PATH\b", self.path(shape, path_node), text)
        text = re.sub(r"\$this\b", "?this", text)
        prefixes = []
        for declared_in in self.sg.objects(constraint, SH.prefixes):
            for declaration in self.sg.objects(declared_in, SH.declare):
                prefix = self.sg.value(declaration, SH.prefix)
                namespace = self.sg.value(declaration, SH.namespace)
                prefixes.append(f"PREFIX {prefix}: <{namespace}>")
        self.add(
            shape,
            SH.sparql,
            "\n".join([*prefixes, text]),
            path_node,
            messages=self.messages(constraint, shape),
            source_constraint=constraint,
            fill_messages=True,
            per_focus=f"SELECT DISTINCT ?this WHERE {{ {focus('?this')[0]} }}",
        )


def compile_shapes(shapes: Graph, closure: Callable[[URIRef], list[str]] | None = None) -> Program:
    """Compile a shapes graph to SPARQL queries, one per constraint of each shape.

    Parameters
    ----------
    shapes : rdflib.Graph
        The shapes.
    closure : callable, optional
        Class IRI → the SPARQL terms of the class and of all its subclasses in the data (see
        :func:`class_closure`); without it, queries follow ``rdfs:subClassOf*`` themselves.

    Raises
    ------
    UnsupportedShapes
        If a shape uses something this engine does not compile; the message names it.

    Examples
    --------
    >>> from andtsgraph.validation import load_shapes
    >>> len(compile_shapes(load_shapes()).queries) > 40
    True
    """
    compiler = _Compiler(shapes, closure)
    compiler.program.closure = closure
    for shape in reporting_shapes(shapes):
        if is_shape(shapes, shape):
            compiler.top(shape, compiler.target_focus(shape))
    return compiler.program


def class_closure(select: Select) -> Callable[[URIRef], list[str]]:
    """Class → the SPARQL terms of itself and its subclasses (``rdfs:subClassOf*`` in the
    data), read with one query.

    Examples
    --------
    >>> from rdflib import Graph, URIRef
    >>> data = Graph().parse(data="<urn:B> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <urn:A> .",
    ...                      format="turtle")
    >>> class_closure(lambda q: data.query(q))(URIRef("urn:A"))
    ['<urn:A>', '<urn:B>']
    """
    children: dict[URIRef, set[URIRef]] = {}
    rows = select(f"SELECT DISTINCT ?s ?o WHERE {{ ?s {RDFS.subClassOf.n3()} ?o }}")
    for row in rows:
        s, o = _get(row, "s"), _get(row, "o")
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            children.setdefault(o, set()).add(s)

    def closure(cls: URIRef) -> list[str]:
        found, todo = {cls}, [cls]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return sorted(c.n3() for c in found)

    return closure


# ---- running -----------------------------------------------------------------------------------
def run(
    select: Select, shapes: Graph, program: Program | None = None, *, threads: int = 1
) -> ResultList[ShaclResult]:
    """Validate the data that ``select`` queries against ``shapes``; return the results.

    Parameters
    ----------
    select : callable
        SPARQL SELECT text → rows (mappings of variable name → rdflib term). Every query is
        standard SPARQL 1.1, so any store or server answers it.
    shapes : rdflib.Graph
        The shapes graph.
    program : Program, optional
        ``compile_shapes(shapes)``, if already compiled.
    threads : int, optional
        How many queries may run at once (1: one after another). Give more only for a
        ``select`` that is safe to call from several threads and releases the GIL while a
        query runs (pyoxigraph does): the results are the same, in the same order.

    Raises
    ------
    UnsupportedShapes
        If a shape uses something this engine does not compile.

    Examples
    --------
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:s> sh:targetSubjectsOf <urn:p> ; sh:path <urn:p> ; sh:maxCount 1 .''',
    ...     format="turtle")
    >>> data = Graph().parse(data="<urn:a> <urn:p> 1, 2 .", format="turtle")
    >>> [(str(r.focus), r.component.fragment) for r in run(lambda q: data.query(q), shapes)]
    [('urn:a', 'MaxCountConstraintComponent')]
    """
    if program is None or program.closure is None:
        program = compile_shapes(shapes, class_closure(select))
    results: ResultList[ShaclResult] = ResultList()
    answers = _answers(select, [q.text for q in program.queries if q.per_focus is None], threads)
    for query in program.queries:
        if query.per_focus is not None:
            results += _run_sparql_constraint(select, query)
            continue
        rows = answers[query.text] if query.text in answers else select(query.text)
        for row in rows:
            path = _get(row, "path") or query.path
            results.append(
                ShaclResult(
                    focus=cast(Node, _get(row, "this")),  # every compiled query binds ?this
                    path=path,
                    value=_get(row, "value"),
                    component=query.component,
                    shape=query.shape,
                    severity=query.severity,
                    source_constraint=query.source_constraint,
                    messages=query.messages,
                )
            )
    return results


def store_threads() -> int:
    """How many compiled queries to run at once on a pyoxigraph store: one per core."""
    return max(1, min(4, os.cpu_count() or 1))


def _answers(
    select: Select, texts: list[str], threads: int
) -> Mapping[str, Iterable[Mapping[str, Node | None]]]:
    """Each query's rows by its text, all run at once in ``threads`` threads (the store's query
    time, not Python's, is most of a validation); none with one thread: each runs in its turn."""
    if threads <= 1:
        return {}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        rows = pool.map(lambda text: list(select(text)), texts)
        return dict(zip(texts, rows, strict=True))


def _get(row: Mapping[str, Node | None], name: str) -> Node | None:
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


_SUBQUERY = re.compile(r"\{\s*SELECT\b|\bGROUP\s+BY\b|\bMINUS\b|\bSERVICE\b", re.IGNORECASE)


def _n3(term: Node | None) -> str:
    return "(none)" if term is None else term.n3()


def _any_blank(select: Select, per_focus: str) -> bool:
    """Whether a focus query finds a blank node (SPARQL cannot name one to pre-bind)."""
    at = per_focus.rindex("}")
    probe = per_focus[:at] + " FILTER(isBlank(?this)) " + per_focus[at:] + " LIMIT 1"
    return any(True for _ in select(probe))


def _run_sparql_constraint(select: Select, query: Query) -> list[ShaclResult]:
    """A SPARQL-based constraint with ``$this`` pre-bound to each focus node.

    Plain queries get every focus node at once: the focus query joined at the opening of their
    WHERE clause (the same solutions as binding one at a time); a query with a sub-select,
    grouping or MINUS runs once per focus node, as SHACL defines pre-binding.
    """
    from andtsgraph.sparql_text import outer_where_brace

    at = outer_where_brace(query.text) + 1
    per_focus = query.per_focus or ""
    batches: list[list[Node]]
    if _SUBQUERY.search(query.text) or _any_blank(select, per_focus):
        foci = [f for f in (_get(row, "this") for row in select(per_focus)) if f is not None]
        batches = [[f] for f in foci]
        joined = None
    else:
        # Every focus node at once: the focus query joined where the VALUES block would be
        # (the same solutions), so the store never sends the focus nodes to Python and back.
        batches, joined = [[]], f" {{ {per_focus} }} "
    results = []
    seen = set()
    for batch in batches:
        if any(isinstance(f, BNode) for f in batch):
            raise UnsupportedShapes(
                _msg("errors.blank_focus", constraint=_n3(query.source_constraint))
            )
        values = joined or f" VALUES ?this {{ {' '.join(f.n3() for f in batch)} }} "
        for row in select(query.text[:at] + values + query.text[at:]):
            bound = {k: v for k, v in dict(row).items() if v is not None}
            if "failure" in bound:
                raise UnsupportedShapes(
                    _msg("errors.failure", constraint=_n3(query.source_constraint))
                )
            this = bound.get("this")
            key = (this, bound.get("path"), bound.get("value"), tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            path = bound.get("path") or query.path
            value = bound.get("value", this)
            filled = {"this": this, "path": path, "value": value, **bound}
            results.append(
                ShaclResult(
                    focus=cast(Node, this),  # bound by the focus query it is joined with
                    path=path,
                    value=value,
                    component=SH.SPARQLConstraintComponent,
                    shape=query.shape,
                    severity=query.severity,
                    source_constraint=query.source_constraint,
                    messages=tuple(fill_message(m, filled) for m in query.messages),
                )
            )
    return results
