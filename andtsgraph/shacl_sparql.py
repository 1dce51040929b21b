"""SHACL Core validation compiled to SPARQL and run on the Oxigraph store.

pyshacl checks every constraint of every focus node in Python, at about 8,000 triples a
second: the 311 plans of a national corpus (half a million triples) take over a minute, plus
20 s to copy the store into the rdflib graph pyshacl reads. This module gives the same results
a different way: each (shape, constraint) becomes one SPARQL query over the whole store, which
Oxigraph answers in compiled code, and only the violations come back to Python.

It covers the SHACL Core the project's shapes use, and a little more: targets (``targetNode``,
``targetClass``, ``targetSubjectsOf``, ``targetObjectsOf``), every kind of property path,
``minCount``, ``maxCount``, ``datatype``, ``class``, ``nodeKind``, ``in`` (of IRIs),
``hasValue`` (an IRI), ``pattern``, ``languageIn``, ``min/maxInclusive``,
``min/maxExclusive``, ``equals``, ``node``, ``and``, ``or``, ``not``, ``qualifiedValueShape``
with ``qualifiedMinCount``/``qualifiedMaxCount``, nested ``sh:property``, and SPARQL-based
constraints (``sh:select`` on node shapes). Shapes using anything else, or a reporting shape
without ``sh:message`` (pyshacl writes its own English text then), raise
:class:`UnsupportedShapes`, and :func:`andtsgraph.validation.validate` falls back to pyshacl.

What "the same results" means, and how it is kept:

- The data graph is pyshacl's: every named graph but the ontology, plus the ontology's
  ``rdfs:subClassOf`` triples (see :func:`andtsgraph.validation.data_graph`). Queries run on a
  copy of the store holding exactly that, blank nodes keeping their ids.
- Per component, the focus node, value node, path, shape, severity and messages are those
  pyshacl reports (value nodes only where pyshacl gives them; ``sh:resultPath`` on property
  shapes; ``sh:sourceConstraint`` and language-less, filled-in messages for SPARQL
  constraints). The result graph has pyshacl's layout, blank nodes of the data and of the
  shapes copied in with their ids, but no ``sh:detail``: the nested results pyshacl adds
  under a failed ``sh:node`` (SHACL leaves them to the processor; the readable report never
  showed them).
- Checks whose meaning lives in Python are done by the same Python: ``sh:datatype`` (rdflib's
  ``ill_typed`` and value type, as pyshacl tests them), ``sh:pattern`` (Python's ``re``) and
  the value ranges (pyshacl's own ``compare_literal``) are custom SPARQL functions.
- Values are compared as RDF terms. Oxigraph stores literals in canonical form (``"01"`` as
  ``xsd:integer`` is stored as ``"1"``), as rdflib compares them by value, so counts such as
  ``sh:maxCount`` agree.

``tests/test_validation.py`` (every rule has a fixture that triggers exactly it) runs on this
engine; ``tests/test_synthetic.py`` checks that both engines give identical reports on every
fixture, on the bundled plans and on a synthetic corpus.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from andtsgraph.backends.oxigraph_memory import to_oxigraph, to_rdflib
from andtsgraph.errors import AndtsError

__all__ = ["UnsupportedShapes", "compile_shapes", "run", "supports", "validation_store"]


class UnsupportedShapes(AndtsError):
    """The shapes use something this engine does not compile (pyshacl validates them then)."""


# ---- what may appear on a shape ---------------------------------------------------------------
_TARGETS = (SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
#: sh: predicates that describe a shape without constraining (or that a constraint reads).
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
    *_TARGETS,
}
_CONSTRAINTS = {
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH["in"],
    SH.hasValue,
    SH.pattern,
    SH.languageIn,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
    SH.equals,
    SH.node,
    SH["and"],
    SH["or"],
    SH["not"],
    SH.qualifiedValueShape,
    SH.property,
    SH.sparql,
}
_COMPONENT = {
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH["class"]: SH.ClassConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.equals: SH.EqualsConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}
_NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "!isLiteral({x})",
    SH.BlankNodeOrLiteral: "!isIRI({x})",
    SH.IRIOrLiteral: "!isBlank({x})",
}
_RANGES = {
    SH.minInclusive: lambda c: c >= 0,
    SH.maxInclusive: lambda c: c <= 0,
    SH.minExclusive: lambda c: c > 0,
    SH.maxExclusive: lambda c: c < 0,
}
#: Custom SPARQL functions (Python) for the checks pyshacl makes in Python.
_FN = "urn:andtsgraph:shacl:"
_MAX_DEPTH = 8


# ---- the checks pyshacl makes in Python, as SPARQL functions ----------------------------------
def _datatype_ok(term: ox.Literal, datatype: ox.NamedNode) -> ox.Literal:
    """pyshacl's DatatypeConstraintComponent for a literal whose datatype IRI is the rule's."""
    value = to_rdflib(term)
    ok = isinstance(value, Literal) and getattr(value, "ill_typed", None) is not True
    if ok:
        ok = _actual_datatype(value, URIRef(datatype.value))
    return ox.Literal(ok)


def _actual_datatype(literal: Literal, rule: URIRef) -> bool:
    # As pyshacl's DatatypeConstraintComponent._assert_actual_datatype.
    import datetime as dt

    value = literal.value
    checks: dict[URIRef, Callable[[object], bool]] = {
        XSD.string: lambda v: isinstance(v, str | bytes),
        RDF.langString: lambda v: isinstance(v, str | bytes),
        XSD.integer: lambda v: isinstance(v, int),
        XSD.float: lambda v: isinstance(v, float),
        XSD.decimal: lambda v: isinstance(v, Decimal),
        XSD.boolean: lambda v: isinstance(v, bool),
        XSD.date: lambda v: isinstance(v, dt.date),
        XSD.time: lambda v: isinstance(v, dt.time),
        XSD.dateTime: lambda v: isinstance(v, dt.datetime),
    }
    check = checks.get(rule)
    return True if check is None else check(value)


_PATTERNS: dict[tuple[str, str], re.Pattern] = {}


def _pattern_ok(term, pattern: ox.Literal, flags: ox.Literal) -> ox.Literal:
    """pyshacl's PatternConstraintComponent: Python's re; blank nodes never match."""
    if isinstance(term, ox.BlankNode):
        return ox.Literal(False)
    key = (pattern.value, flags.value)
    if key not in _PATTERNS:
        re_flags = 0
        for letter, flag in (
            ("i", re.IGNORECASE),
            ("m", re.MULTILINE),
            ("s", re.DOTALL),
            ("x", re.VERBOSE),
        ):
            if letter in flags.value:
                re_flags |= flag
        _PATTERNS[key] = re.compile(pattern.value, re_flags)
    text = str(to_rdflib(term))
    matcher = _PATTERNS[key]
    return ox.Literal(bool(matcher.match(text) or matcher.search(text)))


def _range_ok(term, bound: ox.Literal, which: ox.Literal) -> ox.Literal:
    """pyshacl's value range components (compare_literal, strings only with strings)."""
    from pyshacl.rdfutil.compare import compare_literal

    value, limit = to_rdflib(term), to_rdflib(bound)
    if not isinstance(value, Literal) or not isinstance(limit, Literal):
        return ox.Literal(False)
    if isinstance(limit.value, str) != isinstance(value.value, str):
        return ox.Literal(False)
    try:
        ok = _RANGES[SH[which.value]](compare_literal(value, limit))
    except (TypeError, NotImplementedError):
        ok = False
    return ox.Literal(bool(ok))


_FUNCTIONS = {
    ox.NamedNode(_FN + "datatype"): _datatype_ok,
    ox.NamedNode(_FN + "pattern"): _pattern_ok,
    ox.NamedNode(_FN + "range"): _range_ok,
}


# ---- compiling shapes --------------------------------------------------------------------------
@dataclass
class _Query:
    """One SPARQL query finding the violations of one component of one shape."""

    shape: Node
    component: URIRef
    text: str
    has_value: bool  # the query projects ?value (the sh:value of each result)
    source_constraint: Node | None = None
    messages: list[Literal] = field(default_factory=list)
    formatted: bool = False  # SPARQL-based: messages are filled in and lose their language


@dataclass
class _Sparql:
    """A SPARQL-based constraint of a node shape, run once per focus node."""

    shape: Node
    constraint: Node
    text: str
    focus: str  # query selecting the focus nodes
    messages: list[Literal]


class _Compiler:
    def __init__(self, shapes: Graph, closure: Callable[[URIRef], list[str]]) -> None:
        self.sg = shapes
        self.closure = closure
        self.fresh = itertools.count()
        self.queries: list[_Query] = []
        self.sparql: list[_Sparql] = []

    # -- helpers -------------------------------------------------------------------------------
    def var(self) -> str:
        return f"?v{next(self.fresh)}"

    def term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return node.n3()
        raise UnsupportedShapes(f"a constraint names {node!r}; only IRIs are compiled here")

    def iri(self, node: Node) -> URIRef:
        if isinstance(node, URIRef):
            return node
        raise UnsupportedShapes(f"{node!r} where an IRI is expected")

    def items(self, node: Node) -> list[Node]:
        if node == RDF.nil:
            return []
        if self.sg.value(node, RDF.first) is None:
            raise UnsupportedShapes(f"{node!r} is not an RDF list")
        return list(Collection(self.sg, node))

    def one(self, shape: Node, prop: URIRef) -> Node:
        values = list(self.sg.objects(shape, prop))
        if len(values) != 1:
            raise UnsupportedShapes(f"{shape!r} has {len(values)} values of {prop!r}")
        return values[0]

    def path(self, node: Node) -> str:
        """A SHACL property path as a SPARQL property path."""
        if isinstance(node, URIRef):
            return node.n3()
        if self.sg.value(node, RDF.first) is not None:
            parts = [self.path(p) for p in self.items(node)]
            return "(" + "/".join(parts) + ")"
        for prop, form in (
            (SH.inversePath, "^({})"),
            (SH.zeroOrMorePath, "({})*"),
            (SH.oneOrMorePath, "({})+"),
            (SH.zeroOrOnePath, "({})?"),
        ):
            inner = self.sg.value(node, prop)
            if inner is not None:
                return form.format(self.path(inner))
        alternatives = self.sg.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in self.items(alternatives)) + ")"
        raise UnsupportedShapes(f"unknown property path {node!r}")

    def check_known(self, shape: Node) -> None:
        for p in set(self.sg.predicates(shape)):
            if str(p).startswith(str(SH)) and p not in _CONSTRAINTS | _DESCRIPTIVE:
                raise UnsupportedShapes(f"{shape!r} uses {p!r}")
        if self.sg.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise UnsupportedShapes(f"{shape!r} uses sh:qualifiedValueShapesDisjoint")
        if (shape, RDF.type, RDFS.Class) in self.sg or (
            shape,
            RDF.type,
            URIRef("http://www.w3.org/2002/07/owl#Class"),
        ) in self.sg:
            raise UnsupportedShapes(f"{shape!r} is a class (implicit class targets)")

    def deactivated(self, shape: Node) -> bool:
        return self.sg.value(shape, SH.deactivated) == Literal(True)

    # -- conditions on one node -------------------------------------------------------------------
    def value_condition(self, shape: Node, prop: URIRef, param: Node, x: str, depth: int) -> str:
        """A SPARQL expression that holds when ``x`` satisfies one value-level constraint."""
        if prop == SH.datatype:
            if param == XSD.string:
                return f"(isLiteral({x}) && datatype({x}) = {XSD.string.n3()})"
            if param == RDF.langString:
                return f'(isLiteral({x}) && lang({x}) != "")'
            if param in (RDFS.Literal, RDFS.Datatype):
                raise UnsupportedShapes(f"sh:datatype {param!r}")
            dt = self.term(param)
            return f"(isLiteral({x}) && datatype({x}) = {dt} && <{_FN}datatype>({x}, {dt}))"
        if prop == SH["class"]:
            t = self.var()
            classes = " ".join(self.closure(self.iri(param)))
            return f"EXISTS {{ {x} a {t} . VALUES {t} {{ {classes} }} }}"
        if prop == SH.nodeKind:
            if param not in _NODE_KINDS:
                raise UnsupportedShapes(f"sh:nodeKind {param!r}")
            return _NODE_KINDS[param].format(x=x)
        if prop == SH["in"]:
            members = [self.term(m) for m in self.items(param)]
            return "(" + (" || ".join(f"sameTerm({x}, {m})" for m in members) or "false") + ")"
        if prop == SH.pattern:
            flags = self.sg.value(shape, SH.flags)
            return (
                f"<{_FN}pattern>({x}, {Literal(str(param)).n3()}, {Literal(str(flags or '')).n3()})"
            )
        if prop == SH.languageIn:
            wanted = {str(m).lower() for m in self.items(param)}
            if "*" in wanted:
                return f'(isLiteral({x}) && lang({x}) != "")'
            lang = f"LCASE(LANG({x}))"
            first = f'STRBEFORE(CONCAT({lang}, "-"), "-")'
            tests = [
                f"{lang} = {Literal(w).n3()} || {first} = {Literal(w).n3()}" for w in sorted(wanted)
            ]
            return f'(isLiteral({x}) && {lang} != "" && ({" || ".join(tests) or "false"}))'
        if prop in _RANGES:
            if not isinstance(param, Literal):
                raise UnsupportedShapes(f"{prop!r} {param!r}")
            which = Literal(str(prop).rsplit("#", 1)[-1]).n3()
            return f"<{_FN}range>({x}, {param.n3()}, {which})"
        if prop == SH.node:
            return self.conforms(param, x, depth + 1)
        if prop == SH["and"]:
            return (
                "(" + " && ".join(self.conforms(s, x, depth + 1) for s in self.items(param)) + ")"
            )
        if prop == SH["or"]:
            return (
                "(" + " || ".join(self.conforms(s, x, depth + 1) for s in self.items(param)) + ")"
            )
        if prop == SH["not"]:
            return f"(!{self.conforms(param, x, depth + 1)})"
        if prop == SH.hasValue:
            return f"sameTerm({x}, {self.term(param)})"
        raise UnsupportedShapes(f"{prop!r} as a condition on a value")

    def conforms(self, shape: Node, x: str, depth: int) -> str:
        """A SPARQL expression that holds when node ``x`` conforms to ``shape``."""
        if depth > _MAX_DEPTH:
            raise UnsupportedShapes("shapes nested too deeply (or recursive)")
        self.check_known(shape)
        if self.deactivated(shape):
            return "true"
        path = self.sg.value(shape, SH.path)
        tests = []
        if path is None:
            for prop, param in sorted(self.sg.predicate_objects(shape)):
                if prop in (SH.property,):
                    tests.append(self.conforms(param, x, depth + 1))
                elif prop == SH.sparql:
                    raise UnsupportedShapes("SPARQL constraints inside nested shapes")
                elif prop in _CONSTRAINTS and prop not in (
                    SH.minCount,
                    SH.maxCount,
                    SH.equals,
                    SH.qualifiedValueShape,
                ):
                    tests.append(_safe(self.value_condition(shape, prop, param, x, depth)))
                elif prop in _CONSTRAINTS:
                    raise UnsupportedShapes(f"{prop!r} on a node shape")
        else:
            p = self.path(path)
            for prop, param in sorted(self.sg.predicate_objects(shape)):
                if prop not in _CONSTRAINTS:
                    continue
                tests.append(self.property_condition(shape, p, prop, param, x, depth))
        return "(" + (" && ".join(tests) or "true") + ")"

    def property_condition(
        self, shape: Node, p: str, prop: URIRef, param: Node, x: str, depth: int
    ) -> str:
        """A SPARQL expression: the values of ``x`` along ``p`` satisfy one constraint."""
        y = self.var()
        if prop == SH.minCount:
            n = int(param)
            if n == 0:
                return "true"
            if n == 1:
                return f"EXISTS {{ {x} {p} {y} }}"
            raise UnsupportedShapes("sh:minCount above 1 inside a nested shape")
        if prop == SH.maxCount:
            if int(param) == 0:
                return f"NOT EXISTS {{ {x} {p} {y} }}"
            raise UnsupportedShapes("sh:maxCount above 0 inside a nested shape")
        if prop == SH.hasValue:
            return f"EXISTS {{ {x} {p} {self.term(param)} }}"
        if prop == SH.qualifiedValueShape:
            low = self.sg.value(shape, SH.qualifiedMinCount)
            high = self.sg.value(shape, SH.qualifiedMaxCount)
            if high is not None or low is None or int(low) > 1:
                raise UnsupportedShapes("qualified counts other than a minimum of 1 when nested")
            if int(low) == 0:
                return "true"
            inner = self.conforms(param, y, depth + 1)
            return f"EXISTS {{ {x} {p} {y} FILTER({inner}) }}"
        if prop in (SH.property, SH.sparql, SH.equals):
            raise UnsupportedShapes(f"{prop!r} inside a nested property shape")
        condition = _safe(self.value_condition(shape, prop, param, y, depth))
        return f"NOT EXISTS {{ {x} {p} {y} FILTER(!{condition}) }}"

    # -- the top level: shapes with targets ---------------------------------------------------------
    def focus(self, shape: Node) -> str:
        """A group pattern binding ?this to every focus node of ``shape``."""
        branches = []
        for node in self.sg.objects(shape, SH.targetNode):
            branches.append(f"VALUES ?this {{ {self.term(node)} }}")
        for cls in self.sg.objects(shape, SH.targetClass):
            classes = " ".join(self.closure(self.iri(cls)))
            branches.append(f"?this a ?focusClass . VALUES ?focusClass {{ {classes} }}")
        for prop in self.sg.objects(shape, SH.targetSubjectsOf):
            branches.append(f"?this {self.term(prop)} ?focusObject .")
        for prop in self.sg.objects(shape, SH.targetObjectsOf):
            branches.append(f"?focusSubject {self.term(prop)} ?this .")
        union = " UNION ".join(f"{{ {b} }}" for b in branches)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    def messages(self, shape: Node) -> list[Literal]:
        found = [m for m in self.sg.objects(shape, SH.message) if isinstance(m, Literal)]
        if not found:
            raise UnsupportedShapes(f"{shape!r} has no sh:message (pyshacl would write its own)")
        return found

    def top(self, shape: Node, focus: str) -> None:
        """Queries for every constraint of a shape evaluated on the focus nodes ``focus``."""
        self.check_known(shape)
        if self.deactivated(shape):
            return
        path = self.sg.value(shape, SH.path)
        constraints = [
            (p, o) for p, o in sorted(self.sg.predicate_objects(shape)) if p in _CONSTRAINTS
        ]
        if not constraints:
            return
        for prop, param in constraints:
            if prop == SH.property and path is not None:
                raise UnsupportedShapes("sh:property on a property shape")
            if prop == SH.property:
                self.top(param, focus)
            elif prop == SH.sparql:
                self.sparql_constraint(shape, param, focus)
            elif path is None:
                self.node_constraint(shape, prop, param, focus)
            else:
                self.property_constraint(shape, self.path(path), prop, param, focus)

    def add(
        self, shape: Node, prop: URIRef, text: str, has_value: bool, component: URIRef | None = None
    ) -> None:
        self.queries.append(
            _Query(
                shape, component or _COMPONENT[prop], text, has_value, None, self.messages(shape)
            )
        )

    def node_constraint(self, shape: Node, prop: URIRef, param: Node, focus: str) -> None:
        if prop in (SH.minCount, SH.maxCount, SH.equals, SH.qualifiedValueShape):
            raise UnsupportedShapes(f"{prop!r} on a node shape")
        condition = _safe(self.value_condition(shape, prop, param, "?this", 0))
        has_value = prop != SH.hasValue
        text = f"SELECT ?this {'(?this AS ?value)' if has_value else ''} WHERE {{ {focus} FILTER(!{condition}) }}"
        self.add(shape, prop, text, has_value)

    def property_constraint(
        self, shape: Node, p: str, prop: URIRef, param: Node, focus: str
    ) -> None:
        if prop == SH.minCount:
            n = int(param)
            if n == 0:
                return
            if n == 1:
                # OPTIONAL + !BOUND rather than FILTER NOT EXISTS: Oxigraph evaluates a property
                # path inside NOT EXISTS from its far end (10 s for partOf*/targetGroup on 100
                # plans), and the left join from the focus node (0.05 s).
                text = f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value }} FILTER(!BOUND(?value)) }}"
            else:
                text = (
                    f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value }} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})"
                )
            self.add(shape, prop, text, False)
        elif prop == SH.maxCount:
            text = (
                f"SELECT ?this WHERE {{ {focus} ?this {p} ?value }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(param)})"
            )
            self.add(shape, prop, text, False)
        elif prop == SH.hasValue:
            wanted = self.term(param)
            text = (
                f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value FILTER(sameTerm(?value, {wanted})) }} "
                "FILTER(!BOUND(?value)) }"
            )
            self.add(shape, prop, text, False)
        elif prop == SH.equals:
            q = self.term(param)
            text = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} "
                f"{{ ?this {p} ?value FILTER NOT EXISTS {{ ?this {q} ?value }} }} UNION "
                f"{{ ?this {q} ?value FILTER NOT EXISTS {{ ?this {p} ?value }} }} }}"
            )
            self.add(shape, prop, text, True)
        elif prop == SH.qualifiedValueShape:
            inner = self.conforms(param, "?value", 1)
            for bound, component, test in (
                (SH.qualifiedMinCount, SH.QualifiedMinCountConstraintComponent, "<"),
                (SH.qualifiedMaxCount, SH.QualifiedMaxCountConstraintComponent, ">"),
            ):
                n = self.sg.value(shape, bound)
                if n is None:
                    continue
                if test == "<" and int(n) == 1:
                    text = (
                        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value FILTER({inner}) }} "
                        "FILTER(!BOUND(?value)) }"
                    )
                else:
                    text = (
                        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value FILTER({inner}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {test} {int(n)})"
                    )
                self.add(shape, prop, text, False, component)
        else:
            condition = _safe(self.value_condition(shape, prop, param, "?value", 0))
            text = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value FILTER(!{condition}) }}"
            self.add(shape, prop, text, True)

    def sparql_constraint(self, shape: Node, constraint: Node, focus: str) -> None:
        if self.sg.value(shape, SH.path) is not None:
            raise UnsupportedShapes("SPARQL constraints on property shapes")
        if self.deactivated(constraint):
            return
        select = self.sg.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShapes(f"{constraint!r}: only sh:select is compiled")
        text = str(select)
        if not re.search(r"SELECT\s+(DISTINCT\s+)?[^{]*[$?]this\b", text, re.IGNORECASE):
            raise UnsupportedShapes("a SPARQL constraint that does not project $this")
        if re.search(r"[$?](PATH|currentShape|shapesGraph)\b", text):
            raise UnsupportedShapes("SPARQL constraints using $PATH, $currentShape or $shapesGraph")
        prefixes = []
        for declared_in in self.sg.objects(constraint, SH.prefixes):
            for declaration in self.sg.objects(declared_in, SH.declare):
                prefix = self.sg.value(declaration, SH.prefix)
                namespace = self.sg.value(declaration, SH.namespace)
                prefixes.append(f"PREFIX {prefix}: <{namespace}>")
        messages = [m for m in self.sg.objects(constraint, SH.message) if isinstance(m, Literal)]
        own = self.messages(shape)
        self.sparql.append(
            _Sparql(
                shape,
                constraint,
                "\n".join([*prefixes, text]),
                f"SELECT ?this WHERE {{ {focus} }}",
                own + [m for m in messages if m not in own],
            )
        )


def _safe(condition: str) -> str:
    """An expression whose error counts as false (SPARQL errors would silence a violation)."""
    return f"COALESCE({condition}, false)"


def _reporting_shapes(sg: Graph) -> list[Node]:
    """Shapes with targets, in a fixed order."""
    shapes = {s for t in _TARGETS for s in sg.subjects(t, None)}
    return sorted(shapes, key=lambda n: (isinstance(n, BNode), str(n)))


@dataclass
class Program:
    """The compiled shapes: SPARQL queries and the SPARQL-based constraints."""

    queries: list[_Query]
    sparql: list[_Sparql]


def compile_shapes(shapes: Graph, closure: Callable[[URIRef], list[str]] | None = None) -> Program:
    """Compile a shapes graph to SPARQL queries.

    Parameters
    ----------
    shapes : rdflib.Graph
        The shapes.
    closure : callable, optional
        Class IRI → the SPARQL terms of the class and all its subclasses in the data graph
        (``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf``). Without it, a class
        stands for itself only.

    Raises
    ------
    UnsupportedShapes
        If the shapes use something this engine does not compile.

    Examples
    --------
    >>> from andtsgraph.validation import load_shapes
    >>> len(compile_shapes(load_shapes()).queries) > 40
    True
    """
    compiler = _Compiler(shapes, closure or (lambda c: [c.n3()]))
    for shape in _reporting_shapes(shapes):
        compiler.top(shape, compiler.focus(shape))
    return Program(compiler.queries, compiler.sparql)


def supports(shapes: Graph) -> bool:
    """Whether :func:`compile_shapes` compiles ``shapes`` (else pyshacl must validate them).

    Examples
    --------
    >>> from andtsgraph.validation import load_shapes
    >>> supports(load_shapes())
    True
    """
    try:
        compile_shapes(shapes)
    except UnsupportedShapes:
        return False
    return True


# ---- running ------------------------------------------------------------------------------------
def validation_store(store: ox.Store, ontology_graph: str) -> ox.Store:
    """A copy of ``store`` holding pyshacl's data graph: every named graph but
    ``ontology_graph``, and of that one only its ``rdfs:subClassOf`` triples.

    Queries over its union see exactly what pyshacl sees; blank nodes keep their ids.
    """
    ontology = ox.NamedNode(ontology_graph)
    sub_class_of = ox.NamedNode(str(RDFS.subClassOf))
    copy = ox.Store()
    copy.extend(q for q in store if q.graph_name != ontology or q.predicate == sub_class_of)
    return copy


def _class_closure(store: ox.Store) -> Callable[[URIRef], list[str]]:
    """Class → itself and its subclasses (rdfs:subClassOf*, in the data graph), as SPARQL terms."""
    children: dict[str, set[str]] = {}
    for row in store.query(
        "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?o }",
        use_default_graph_as_union=True,
    ):
        if isinstance(row[0], ox.NamedNode) and isinstance(row[1], ox.NamedNode):
            children.setdefault(row[1].value, set()).add(row[0].value)

    def closure(cls: URIRef) -> list[str]:
        found, todo = {str(cls)}, [str(cls)]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return [f"<{c}>" for c in sorted(found)]

    return closure


@dataclass
class Result:
    """One validation result, as pyshacl would report it."""

    focus: Node
    value: Node | None
    shape: Node
    component: URIRef
    severity: URIRef
    path: Node | None
    messages: list[Literal]
    source_constraint: Node | None = None


def run(store: ox.Store, shapes: Graph) -> list[Result]:
    """Validate the union of ``store``'s graphs against ``shapes``; return the results.

    ``store`` should be a :func:`validation_store`.

    Raises
    ------
    UnsupportedShapes
        If the shapes use something this engine does not compile.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:s> sh:targetSubjectsOf <urn:p> ; sh:path <urn:p> ; sh:maxCount 1 ;
    ...         sh:message "one p only" .''', format="turtle")
    >>> store = ox.Store()
    >>> store.load(input="<urn:a> <urn:p> 1, 2 .", format=ox.RdfFormat.TURTLE)
    >>> [(str(r.focus), r.component.rsplit("#", 1)[-1]) for r in run(store, shapes)]
    [('urn:a', 'MaxCountConstraintComponent')]
    """
    program = compile_shapes(shapes, _class_closure(store))
    results: list[Result] = []
    for query in program.queries:
        severity = _severity(shapes, query.shape)
        path = shapes.value(query.shape, SH.path)
        for row in store.query(
            query.text, use_default_graph_as_union=True, custom_functions=_FUNCTIONS
        ):
            results.append(
                Result(
                    focus=to_rdflib(row["this"]),
                    value=to_rdflib(row["value"]) if query.has_value else None,
                    shape=query.shape,
                    component=query.component,
                    severity=severity,
                    path=path,
                    messages=query.messages,
                )
            )
    for constraint in program.sparql:
        results += _run_sparql(store, shapes, constraint)
    return results


def _severity(shapes: Graph, shape: Node) -> URIRef:
    severity = shapes.value(shape, SH.severity)
    return severity if isinstance(severity, URIRef) else SH.Violation


def _run_sparql(store: ox.Store, shapes: Graph, constraint: _Sparql) -> Iterator[Result]:
    """A SPARQL-based constraint, with $this pre-bound to each focus node in turn (as pyshacl)."""
    severity = _severity(shapes, constraint.shape)
    this = ox.Variable("this")
    for (focus,) in store.query(constraint.focus, use_default_graph_as_union=True):
        seen = set()
        solutions = store.query(
            constraint.text, use_default_graph_as_union=True, substitutions={this: focus}
        )
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            bound = {n: to_rdflib(solution[n]) for n in names if solution[n] is not None}
            if "failure" in bound:
                raise UnsupportedShapes("SPARQL constraints reporting ?failure")
            t, p, v = bound.pop("this", None), bound.pop("path", None), bound.pop("value", None)
            key = (t, p, v, tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            filled = {"this": t, "path": p, "value": v, **bound}
            yield Result(
                focus=t or to_rdflib(focus),
                value=v if v is not None else to_rdflib(focus),
                shape=constraint.shape,
                component=SH.SPARQLConstraintComponent,
                severity=severity,
                path=p,
                messages=[_fill(m, filled) for m in constraint.messages],
                source_constraint=constraint.constraint,
            )


def _fill(message: Literal, bound: dict[str, Node | None]) -> Literal:
    """pyshacl's message templates: {$var} and {?var} become the bound value; the tag is lost."""
    text = str(message.value)
    for name, value in bound.items():
        if value is not None:
            text = re.sub("{[?$]" + name + "}", str(value), text)
    return Literal(text)


# ---- pyshacl's report graph -------------------------------------------------------------------
def report_graph(
    results: Iterable[Result],
    shapes: Graph,
    describe: Callable[[BNode], Iterable[tuple[Node, Node]]],
) -> Graph:
    """The results as pyshacl's ``sh:ValidationReport`` graph.

    Blank nodes of the shapes (paths, nested shapes, SPARQL constraints) and of the data
    (``describe`` gives a data blank node's predicate-object pairs) are copied in with their ids,
    as pyshacl copies them.
    """
    graph = Graph()
    report = BNode()
    results = list(results)
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(not results)))
    copied: set[Node] = set()
    for r in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.sourceConstraintComponent, r.component))
        graph.add((node, SH.sourceShape, _copy(shapes.predicate_objects, r.shape, graph, copied)))
        graph.add((node, SH.resultSeverity, r.severity))
        graph.add((node, SH.focusNode, _copy(describe, r.focus, graph, copied)))
        if r.value is not None:
            graph.add((node, SH.value, _copy(describe, r.value, graph, copied)))
        if r.path is not None:
            graph.add((node, SH.resultPath, _copy(shapes.predicate_objects, r.path, graph, copied)))
        if r.source_constraint is not None:
            graph.add(
                (
                    node,
                    SH.sourceConstraint,
                    _copy(shapes.predicate_objects, r.source_constraint, graph, copied),
                )
            )
        for message in r.messages:
            graph.add((node, SH.resultMessage, message))
    return graph


def _copy(describe: Callable, node: Node, target: Graph, copied: set[Node], depth: int = 0) -> Node:
    """Copy a blank node's description into ``target`` (recursively, ids kept), as pyshacl's
    clone_blank_node; other terms are returned as they are."""
    if not isinstance(node, BNode) or node in copied or depth >= 10:
        return node
    copied.add(node)
    for p, o in list(describe(node)):
        target.add((node, p, _copy(describe, o, target, copied, depth + 1)))
    return node


def describer(store: ox.Store) -> Callable[[BNode], Iterator[tuple[Node, Node]]]:
    """A function giving the predicate-object pairs of a blank node of ``store``."""

    def describe(node: BNode) -> Iterator[tuple[Node, Node]]:
        for q in store.quads_for_pattern(to_oxigraph(node), None, None, None):
            yield to_rdflib(q.predicate), to_rdflib(q.object)

    return describe
