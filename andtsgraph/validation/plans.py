"""Validating plans: what is validated (a knowledge graph, or a user's files in the context of
the bundled data), which engine runs, and where each result belongs (its plan, its labels,
its source section).

What is validated
-----------------
- ``validate(kg)`` validates everything in the knowledge graph.
- ``validate(paths)`` validates *those files*: they are loaded together with the bundled
  ontology, vocabularies, actors, curated links and plans (so a plan of one's own can refer to
  shared actors, concepts and national goals), and only the results about the files are
  reported: nodes of the files' plans and nodes the files describe. A file holding a bundled
  plan's id (a revised ``vaxjo-2022-2027``, say) replaces that bundled plan; a file holding no
  plan is an error.

The data graph is the union of the knowledge graph's graphs; of the ontology only its class
hierarchy is read (``sh:class`` and class targets follow ``rdfs:subClassOf``).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS
from rdflib.term import Node

from andtsgraph.errors import AndtsError, note
from andtsgraph.knowledge_graph import KnowledgeGraph, bundled_files, load
from andtsgraph.messages import language, using_language
from andtsgraph.messages import text as _t
from andtsgraph.namespaces import ONTOLOGY_GRAPH, plan_graph
from andtsgraph.validation.context import Context, Facts, GraphFacts, StoreFacts, compact
from andtsgraph.validation.engines import ENGINES
from andtsgraph.validation.graph import ValidationWarning, validate_graph
from andtsgraph.validation.records import ShaclResult
from andtsgraph.validation.report import (
    _RANK,
    LANGS,
    SEVERITIES,
    ValidationReport,
    ValidationResult,
    _RuleText,
    check_choice,
)
from andtsgraph.validation.shapes import ANDTSH, load_shapes, path_text

__all__ = ["data_graph", "validate"]

_SEVERITY_OF = {SH.Info: "info", SH.Warning: "warning", SH.Violation: "violation"}


# ---------------------------------------------------------------------------------------------
# What to validate: the whole graph, or a user's files in the context of the bundled data
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Scope:
    """Which results a report keeps: all (plan_ids None), or those about the user's files."""

    plan_ids: frozenset[str] | None = None
    #: The nodes the user's files describe (as :func:`_text_of` writes them), read before the
    #: bundled data were added: a named graph may hold both (a corpus's own actors go to the
    #: bundled actors' graph).
    subjects: frozenset[str] = frozenset()

    def keeps(self, result: ValidationResult) -> bool:
        if self.plan_ids is None:
            return True
        if result.plan in self.plan_ids:
            return True
        # A result under a bundled plan is that plan's, not the user's; one under no plan is
        # the user's if their files describe the node.
        return result.plan is None and result.focus in self.subjects

    def plans(self, kg: KnowledgeGraph, context: Context) -> dict[str, str]:
        """The validated plans, id → label, in the knowledge graph's order."""
        return {
            p.id: context.label(URIRef(p.iri))
            for p in kg.plans
            if self.plan_ids is None or p.id in self.plan_ids
        }


def _knowledge_graph(
    kg_or_paths: KnowledgeGraph | str | Path | Iterable[str | Path] | None,
) -> tuple[KnowledgeGraph, _Scope]:
    if isinstance(kg_or_paths, KnowledgeGraph):
        return kg_or_paths, _Scope()
    if kg_or_paths is None:
        return load(), _Scope()
    paths = [kg_or_paths] if isinstance(kg_or_paths, str | Path) else list(kg_or_paths)
    if not paths:
        return load(), _Scope()
    # The user's files first, so that a file holding a bundled plan's id replaces that plan.
    kg = load(paths, bundled=False)
    if not kg.plans:
        raise AndtsError(_t("validation.no_plan", "en", files=", ".join(str(p) for p in paths)))
    rows = kg.backend.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o }", {}, {})
    convert = rows.to_rdflib or (lambda term: term)
    subjects = frozenset(_text_of(convert(row[0])) or "" for row in rows.rows)
    scope = _Scope(frozenset(p.id for p in kg.plans), subjects)
    for path, graph in bundled_files():
        if graph is None and plan_graph(path.stem) in kg.sources:
            # Bundled plan files are named after their plan id: the user's file replaces it.
            revised = kg.sources[plan_graph(path.stem)][0]
            note(_t("io.replaces_bundled", "en", path=revised, plan=path.stem))
            continue
        kg.add_file(path, graph)
    return kg, scope


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------
def validate(
    kg_or_paths: KnowledgeGraph | str | Path | Iterable[str | Path] | None = None,
    *,
    shapes: str | Path | Graph | Iterable[str | Path] | None = None,
    severity: str = "info",
    lang: str | None = None,
    engine: str = "auto",
    plans: Iterable[str] | None = None,
) -> ValidationReport:
    """Validate plans against the SHACL shapes and return a readable report.

    Parameters
    ----------
    kg_or_paths : KnowledgeGraph, path or iterable of paths, optional
        A loaded knowledge graph (everything in it is validated), or files that
        :func:`andtsgraph.load` reads (Turtle, N-Triples, TriG, JSON-LD, RDF/XML, a folder of
        them, a filled-in spreadsheet template): these are loaded with the bundled ontology,
        vocabularies, actors, links and plans, and only the results about the files' own
        plans and nodes are reported. None (or no paths) validates the bundled plans.
    shapes : path, iterable of paths or rdflib.Graph, optional
        Other shapes; the bundled structural, project and quality shapes when omitted.
    severity : {"info", "warning", "violation"}
        The mildest severity to report; :attr:`ValidationReport.conforms` is True when there
        is no result at or above it. "info" (the default) reports everything, as SHACL does.
    lang : {"sv", "en"}, optional
        The language of labels and messages (by default
        :func:`andtsgraph.messages.language`: Swedish unless set otherwise).
    engine : {"auto", "sparql", "pyshacl"}
        Who checks the shapes (see :func:`andtsgraph.validation.validate_graph`). "sparql"
        runs the compiled shapes on the knowledge graph's own store, embedded or remote;
        "pyshacl" runs pyshacl on an rdflib copy; "auto" (default) takes "sparql" when it
        compiles the shapes.
    plans : iterable of str, optional
        Plan ids: report only the results under these plans.

    Returns
    -------
    ValidationReport

    Raises
    ------
    DataFileError
        If a file is missing or does not parse (the message names the file and line).
    AndtsError
        For an unknown severity, language, engine or plan, or files that hold no plan.

    Examples
    --------
    >>> report = validate()
    >>> report.counts()["violation"]
    0
    >>> report.summary()[0]
    'kronoberg-2022-2026: Varning: 55 indikatorer saknar mätbart målvärde'
    """
    check_choice("severity", severity, SEVERITIES)
    if lang is not None:
        check_choice("lang", lang, LANGS)
    lang = language(lang)
    check_choice("engine", engine, ENGINES)
    with using_language(lang), _IllTyped() as ill_typed:
        return _validate(kg_or_paths, shapes, severity, lang, engine, plans, ill_typed)


class _IllTyped(logging.Handler):
    """Collects rdflib's reports of ill-typed literals (a traceback each, logged as warnings)
    while validating, and says them in one line at the end: the shapes report what matters."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if text.startswith("Failed to convert Literal lexical form"):
            self.found[text.split("Datatype=", 1)[-1].split(",", 1)[0]] = None

    def __enter__(self) -> _IllTyped:
        self._logger = logging.getLogger("rdflib.term")
        self._propagate = self._logger.propagate
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate

    def say(self) -> None:
        if self.found:
            warnings.warn(
                _t("validation.ill_typed", "en", datatypes=", ".join(self.found)),
                ValidationWarning,
                stacklevel=4,
            )


def _validate(
    kg_or_paths: Any,
    shapes: Any,
    severity: str,
    lang: str,
    engine: str,
    plans: Iterable[str] | None,
    ill_typed: _IllTyped,
) -> ValidationReport:
    kg, scope = _knowledge_graph(kg_or_paths)
    wanted = None if plans is None else list(plans)
    if wanted is not None:
        known = [p.id for p in kg.plans if scope.plan_ids is None or p.id in scope.plan_ids]
        for plan in wanted:
            if plan not in known:
                raise AndtsError(
                    _t("validation.unknown_plan", "en", plan=plan, plans=", ".join(known))
                )
    shapes_graph = load_shapes(shapes)
    changed = _changed_files(kg)
    store = getattr(kg.backend, "store", None)
    facts: Facts
    if changed:  # validate the graphs holding them as written, not as the store holds them
        graphs = _faithful_graphs(kg, changed)
        data = _union(graphs)
        records = validate_graph(data, shapes_graph, engine=engine).results
        facts = GraphFacts(graphs, data, shapes_graph)
    else:
        records = validate_graph(kg, shapes_graph, engine=engine).results
        if store is not None:
            facts = StoreFacts(store, shapes_graph)
        else:
            graphs = {name: kg.graph(name) for name in kg.graph_names()}
            facts = GraphFacts(graphs, _union(graphs), shapes_graph)
    context = Context(facts, lang)
    reader = _Reader(context, shapes_graph)
    pairs = [
        (result, record)
        for record in records
        for result in reader.results(record)
        if _RANK[result.severity] >= _RANK[severity]
        and scope.keeps(result)
        and (wanted is None or result.plan in wanted)
    ]
    plan_labels = scope.plans(kg, context)
    if wanted is not None:
        plan_labels = {p: label for p, label in plan_labels.items() if p in wanted}
    order = {p: i for i, p in enumerate(plan_labels)}
    pairs.sort(
        key=lambda rn: (
            order.get(rn[0].plan or "", len(order)) if rn[0].plan else len(order),
            -_RANK[rn[0].severity],
            rn[0].shape,
            rn[0].focus,
            # Then by constraint, path and value, so that the order never depends on the order
            # in which an engine happened to find the results.
            rn[0].constraint,
            rn[0].path or "",
            rn[0].value or "",
        )
    )
    results = [r for r, _ in pairs]
    kept = [n for _, n in pairs]
    ill_typed.say()
    return ValidationReport(
        conforms=not results,
        severity=severity,
        lang=lang,
        results=results,
        plans=plan_labels,
        _rules=reader.rules(),
        _records=kept,
        _shapes=shapes_graph,
    )


def data_graph(kg: KnowledgeGraph) -> Graph:
    """Return the data graph validated, as one rdflib Graph: the union of every named graph
    but the ontology, of which only the class hierarchy (``rdfs:subClassOf``) is added.

    Examples
    --------
    >>> kg = load()
    >>> 0 < len(data_graph(kg)) < len(kg)
    True
    """
    return _union({name: kg.graph(name) for name in kg.graph_names()})


def _union(graphs: Mapping[str, Graph]) -> Graph:
    union = Graph()
    for name, graph in graphs.items():
        if name == str(ONTOLOGY_GRAPH):
            union += graph.triples((None, RDFS.subClassOf, None))
        else:
            union += graph
    return union


# ---------------------------------------------------------------------------------------------
# The same answer on every store: literals the Oxigraph store changed, validated as written
# ---------------------------------------------------------------------------------------------
def _loaded_files(kg: KnowledgeGraph) -> list[Path]:
    """The files loaded into ``kg`` (not the bundled ones), without working out which graphs a
    TriG or N-Quads file filled (:attr:`KnowledgeGraph.sources` parses them again for that)."""
    resolved = getattr(kg, "_sources", None)
    pending = getattr(kg, "_unresolved", None)
    if resolved is None or pending is None:
        resolved, pending = kg.sources, []
    files = [p for paths in resolved.values() for p in paths] + [p for p, *_ in pending]
    bundled = {path.resolve() for path, _ in bundled_files()}
    from andtsgraph.readers import reader_for

    # A file a registered reader reads (a plan template) is read cell by cell into terms, not
    # parsed as RDF by the store: nothing to screen.
    return [
        p
        for p in dict.fromkeys(files)
        if p.resolve() not in bundled and p.is_file() and reader_for(p) is None
    ]


def _changed_files(kg: KnowledgeGraph) -> dict[str, list[Path]]:
    """Graph name → the files loaded into it, when one of them holds literals the store changed
    (Oxigraph); said in one line."""
    if getattr(kg.backend, "name", None) != "oxigraph":
        return {}
    from andtsgraph.validation.stored import changed_in_files

    found = list(changed_in_files(_loaded_files(kg)).items())
    if not found:
        return {}
    examples = "; ".join(f"{a.n3()} → {b.n3()}" for _, pairs in found[:1] for a, b in pairs[:2])
    where = ", ".join(str(p) for p, _ in found)
    n = sum(len(pairs) for _, pairs in found)
    warnings.warn(
        _t("validation.changed_literals", "en", where=where, n=n, examples=examples),
        ValidationWarning,
        stacklevel=5,
    )
    changed_paths = {p for p, _ in found}
    return {
        name: paths for name, paths in kg.sources.items() if any(p in changed_paths for p in paths)
    }


def _faithful_graphs(kg: KnowledgeGraph, changed: Mapping[str, list[Path]]) -> dict[str, Graph]:
    """Each named graph; those holding changed literals read again from all their files."""
    from andtsgraph.rdf_io import read_rdf

    graphs = {name: kg.graph(name) for name in kg.graph_names() if name not in changed}
    for name, paths in changed.items():
        graph = Graph(identifier=URIRef(name))
        for path in paths:
            for part in read_rdf(path).graphs():
                # A TriG file's graphs go each to their own name; a file of triples to ``name``.
                if str(part.identifier) == name or (len(part) and _is_default(part)):
                    graph += part
        graphs[name] = graph
    return graphs


def _is_default(graph: Graph) -> bool:
    return str(graph.identifier) == "urn:x-rdflib:default" or isinstance(graph.identifier, BNode)


# ---------------------------------------------------------------------------------------------
# The engine's records as readable results: placed under their plans, labelled
# ---------------------------------------------------------------------------------------------
class _Reader:
    """Turns records into :class:`ValidationResult` objects: each placed under its plans,
    labelled in the report language, with its source section (see :class:`Context`)."""

    def __init__(self, context: Context, shapes: Graph) -> None:
        self.context = context
        self.shapes = shapes
        self.lang = context.lang
        self._paths: dict[tuple, tuple[str | None, str | None]] = {}
        self._messages: dict[tuple, str] = {}

    def shape_label(self, shape: Node | None) -> str:
        """A shape's label; empty for an unlabelled blank-node shape (reports use its message)."""
        if shape is None or (isinstance(shape, BNode) and not self.context.labels(shape)):
            return ""
        return self.context.label(shape)

    def _text(self, subject: Node, prop: URIRef) -> str | None:
        values = list(self.shapes.objects(subject, prop))
        for lang in (self.lang, "sv", "en", None):
            for v in values:
                if isinstance(v, Literal) and v.language == lang:
                    return str(v)
        return str(values[0]) if values else None

    def _message(self, record: ShaclResult) -> str:
        """The result's message in the report language, else in another, else the default."""
        key = (record.messages, record.shape, record.component)
        found = self._messages.get(key)
        if found is None:
            found = self._messages[key] = self._find_message(record)
        return found

    def _find_message(self, record: ShaclResult) -> str:
        for wanted in (self.lang, "sv", "en", None):
            for message in record.messages:
                if message.language == wanted:
                    return str(message)
        if record.messages:
            return str(record.messages[0])
        shape = self.shape_label(record.shape) or compact(str(record.shape))
        return _t(
            "validation.default_message",
            self.lang,
            component=str(record.component).rsplit("#", 1)[-1],
            shape=shape,
        )

    def _path(self, shape: Node | None, path: Node | None) -> tuple[str | None, str | None]:
        # A shape's sh:name names a complex path for people (e.g. ^indicatorOf → "indikator").
        key = (shape, path)
        if key not in self._paths:
            path_label = self._text(shape, SH.name) if shape is not None else None
            if path is not None and path_label is None:
                path_label = path_text(self.shapes, path, self.context.label)
            self._paths[key] = (_path_id(self.shapes, path), path_label)
        return self._paths[key]

    def results(self, record: ShaclResult) -> list[ValidationResult]:
        """The results of one SHACL result: one per plan the focus node belongs to."""
        context = self.context
        focus, shape, value = record.focus, record.shape, record.value
        path_id, path_label = self._path(shape, record.path)
        base: dict[str, Any] = dict(
            focus=_text_of(focus) or "",
            focus_label=context.label(focus),
            path=path_id,
            path_label=path_label,
            value=_text_of(value),
            value_label=None if value is None else context.label(value),
            severity=_SEVERITY_OF.get(record.severity, "violation"),
            message=self._message(record),
            shape=_text_of(shape) or "",
            shape_label=self.shape_label(shape),
            source_section=context.source_section(focus),
            constraint=str(record.component).rsplit("#", 1)[-1],
        )
        plans: list[str | None] = [*context.plans_of(focus)] or [None]
        return [ValidationResult(plan=p, **base) for p in plans]

    def rules(self) -> dict[str, _RuleText]:
        """The report texts of every named shape: label, summary templates and EDPQS note."""
        rules = {}
        for shape in set(self.shapes.subjects(RDF.type, SH.NodeShape)) | set(
            self.shapes.subjects(RDF.type, SH.PropertyShape)
        ):
            rules[_text_of(shape) or ""] = _RuleText(
                label=self.shape_label(shape),
                summary=self._text(shape, ANDTSH.summary),
                summary_one=self._text(shape, ANDTSH.summaryOne),
                note=self._text(shape, SKOS.note),
            )
        return rules


def _text_of(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _path_id(graph: Graph, path: Node | None) -> str | None:
    """A simple path's IRI, or a complex path in SPARQL syntax with prefixed names."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    return path_text(graph, path, lambda n: compact(str(n)))
