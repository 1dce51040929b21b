"""SHACL validation of plans: structural rules, EDPQS quality rules and readable reports.

The shapes live in ``ontology/shapes/``: ``structure.ttl`` (severity Violation: what a
well-formed plan must have) and ``quality.ttl`` (Warning or Info: the questions a reviewer using
the European drug prevention quality standards would ask). :func:`validate` runs them with
pyshacl and returns a :class:`ValidationReport` whose results carry labels, the plan they belong
to and the source section, in Swedish or English.

What is validated
-----------------
- ``validate(kg)`` validates everything in the knowledge graph.
- ``validate(paths)`` validates *those files*: they are loaded together with the bundled
  ontology, vocabularies, actors, curated links and plans (so a plan of one's own can refer to
  shared actors, concepts and national goals), and only the results about the files are
  reported: nodes of the files' plans and nodes the files describe. A file holding a bundled
  plan's id (a revised ``vaxjo-2022-2027``, say) replaces that bundled plan.

Speed
-----
pyshacl runs with ``inference="none"`` on one plain rdflib Graph holding the union of the plan,
vocabulary, actor and link graphs and, of the ontology, only its ``rdfs:subClassOf`` triples
(which ``sh:class`` follows), validated in place. The shapes avoid SPARQL (pyshacl re-parses a
SPARQL constraint for every focus node), ``sh:or`` and nested shapes on hot paths, and give
property shapes their own targets. See ``benchmarks/bench_validation.py``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDFS, SH, SKOS
from rdflib.term import Node

from andtsgraph.backends.base import OxigraphStore
from andtsgraph.enums import Severity, values
from andtsgraph.errors import AndtsError, note
from andtsgraph.knowledge_graph import KnowledgeGraph, bundled_files, load
from andtsgraph.messages import text
from andtsgraph.namespaces import (
    ANDTS,
    ONTOLOGY_GRAPH,
    PLAN_KINDS,
    PREFIXES,
    plan_graph,
    plan_id_of,
)
from andtsgraph.rdf_io import read_rdf
from andtsgraph.resources import ontology_dir

if TYPE_CHECKING:
    import pandas

__all__ = [
    "ANDTSH",
    "ENGINES",
    "LANGS",
    "SEVERITIES",
    "ResultGroup",
    "ValidationReport",
    "ValidationResult",
    "data_graph",
    "load_shapes",
    "shapes_files",
    "validate",
]

#: The shapes' own namespace (``andtsh:``).
ANDTSH = Namespace("https://w3id.org/andtsgraph/shapes#")

#: Severities from the mildest up; ``severity=`` keeps results at or above the one given.
SEVERITIES = tuple(values(Severity))

#: Report languages.
LANGS = ("sv", "en")

#: Validation engines (see :func:`validate`).
ENGINES = ("auto", "sparql", "pyshacl")

_SEVERITY_OF = {SH.Info: "info", SH.Warning: "warning", SH.Violation: "violation"}
_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

_WORDS = {
    "sv": {
        "violation": ("Fel", "fel", "fel"),
        "warning": ("Varning", "varning", "varningar"),
        "info": ("Upplysning", "upplysning", "upplysningar"),
        "plans": ("plan", "planer"),
        "validated": "Validering av {plans}: {counts}",
        "clean": "Inga anmärkningar.",
        "more": "… och {n} till",
        "other": "Övriga data (aktörer, begrepp)",
        "target": "målvärde för «{indicator}»",
    },
    "en": {
        "violation": ("Violation", "violation", "violations"),
        "warning": ("Warning", "warning", "warnings"),
        "info": ("Info", "info", "infos"),
        "plans": ("plan", "plans"),
        "validated": "Validation of {plans}: {counts}",
        "clean": "No findings.",
        "more": "… and {n} more",
        "other": "Other data (actors, concepts)",
        "target": "target of “{indicator}”",
    },
}

#: Properties linking a plan part to an actor: an actor's results belong to the plans naming it.
_ACTOR_LINKS = (
    ANDTS.responsible,
    ANDTS.lead,
    ANDTS.partner,
    ANDTS.involves,
    DCTERMS.publisher,
    ANDTS.adoptedBy,
    ANDTS.documentOwner,
)


def shapes_files() -> list[Path]:
    """Return the bundled shapes files: structure (Violations), then quality (Warnings, Info).

    Examples
    --------
    >>> [p.name for p in shapes_files()]
    ['structure.ttl', 'quality.ttl']
    """
    folder = ontology_dir() / "shapes"
    return [folder / "structure.ttl", folder / "quality.ttl"]


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
        Shapes files (any RDF format andtsgraph reads) or a graph; the bundled
        ``structure.ttl`` and ``quality.ttl`` when omitted.

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
        # A copy: pyshacl and callers must never change the cached graph.
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


# ---------------------------------------------------------------------------------------------
# Results and reports
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with labels in the report's language.

    Attributes
    ----------
    plan : str or None
        Id of the plan the focus node belongs to (None for data outside any plan). A shared
        actor named by several plans gives one result per plan.
    focus, focus_label : str
        The node the result is about (an IRI, or ``_:id`` for a blank node) and its label.
    path, path_label : str or None
        The property (an IRI; a SPARQL property path for complex paths) and its label.
    value, value_label : str or None
        The offending value, if the rule names one, and its label.
    severity : {"violation", "warning", "info"}
    message : str
        The rule's message in the report's language.
    shape, shape_label : str
        The shape (rule) that produced the result.
    source_section : str or None
        Where the focus node is printed in its source (``andts:sourceSection``), if known.
    constraint : str
        The SHACL constraint component, e.g. ``MinCountConstraintComponent``.
    """

    plan: str | None
    focus: str
    focus_label: str
    path: str | None
    path_label: str | None
    value: str | None
    value_label: str | None
    severity: str
    message: str
    shape: str
    shape_label: str
    source_section: str | None
    constraint: str


@dataclass(frozen=True)
class ResultGroup:
    """The results of one rule in one plan, summarised in one line.

    Attributes
    ----------
    plan : str or None
        The plan id (None: data outside any plan).
    shape, shape_label, severity : str
        The rule and its severity.
    line : str
        The summary, e.g. ``"23 insatser saknar indikator (uppföljning)"``.
    note : str or None
        Why the rule matters (the EDPQS component) or, for structural rules, the rule's message.
    results : tuple of ValidationResult
        The results, one or more per focus node.
    """

    plan: str | None
    shape: str
    shape_label: str
    severity: str
    line: str
    note: str | None
    results: tuple[ValidationResult, ...]

    @property
    def focus_nodes(self) -> list[str]:
        """The distinct focus nodes, in report order."""
        return list(dict.fromkeys(r.focus for r in self.results))

    @property
    def count(self) -> int:
        """The number of distinct focus nodes."""
        return len(self.focus_nodes)


@dataclass(frozen=True)
class _RuleText:
    """What a report says about a rule, beyond its results."""

    label: str
    summary: str | None
    summary_one: str | None
    note: str | None


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes
    ----------
    conforms : bool
        True when there is no result at or above :attr:`severity`.
    severity : str
        The mildest severity reported.
    lang : str
        The language of labels and messages.
    results : list of ValidationResult
        The results, ordered by plan, severity (gravest first) and rule.
    graph : rdflib.Graph
        The standard SHACL validation report (``sh:ValidationReport``) of these results.
    plans : dict
        The validated plans: id → label, national first, then regional, then municipal.
    """

    conforms: bool
    severity: str
    lang: str
    results: list[ValidationResult]
    graph: Graph
    plans: dict[str, str] = field(default_factory=dict)
    _rules: dict[str, _RuleText] = field(default_factory=dict, repr=False)
    _result_nodes: list[Node] = field(default_factory=list, repr=False)

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[ValidationResult]:
        return iter(self.results)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        return f"<ValidationReport conforms={self.conforms} at {self.severity!r}: {counts}>"

    def counts(self) -> dict[str, int]:
        """Return the number of results per severity, gravest first.

        Examples
        --------
        >>> validate().counts()["violation"]
        0
        """
        return {s: sum(r.severity == s for r in self.results) for s in reversed(SEVERITIES)}

    def at_least(self, severity: str) -> ValidationReport:
        """Return the report restricted to results at or above ``severity``.

        Examples
        --------
        >>> report = validate()
        >>> report.conforms, report.at_least("violation").conforms
        (False, True)
        """
        _check_choice("severity", severity, SEVERITIES)
        keep = [
            (r, n)
            for r, n in zip(self.results, self._result_nodes, strict=True)
            if _RANK[r.severity] >= _RANK[severity]
        ]
        results = [r for r, _ in keep]
        nodes = [n for _, n in keep]
        return replace(
            self,
            conforms=not results,
            severity=severity,
            results=results,
            graph=_report_graph(self.graph, nodes, not results),
            _result_nodes=nodes,
        )

    def by_plan(self) -> dict[str | None, list[ValidationResult]]:
        """Return the results grouped by plan id (None last: data outside any plan).

        Examples
        --------
        >>> report = validate()
        >>> len(report.by_plan()["vaxjo-2022-2027"]) > 0
        True
        """
        grouped: dict[str | None, list[ValidationResult]] = {p: [] for p in self.plans}
        for r in self.results:
            grouped.setdefault(r.plan, []).append(r)
        return {p: rs for p, rs in grouped.items() if rs}

    def by_focus(self) -> dict[str, list[ValidationResult]]:
        """Return the results grouped by focus node.

        Examples
        --------
        >>> focus, results = next(iter(validate().by_focus().items()))
        >>> {r.focus for r in results} == {focus}
        True
        """
        grouped: dict[str, list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            grouped[r.focus].append(r)
        return dict(grouped)

    def groups(self) -> list[ResultGroup]:
        """Return one group per plan and rule, with its summary line.

        Examples
        --------
        >>> report = validate()
        >>> [g.line for g in report.groups() if g.plan == "vaxjo-2022-2027" and g.severity == "warning"]
        ['23 insatser saknar indikator (uppföljning)']
        """
        grouped: dict[tuple[str | None, str], list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            grouped[(r.plan, r.shape)].append(r)
        groups = []
        for (plan, shape), results in grouped.items():
            rule = self._rules.get(shape) or _RuleText(results[0].shape_label, None, None, None)
            count = len({r.focus for r in results})
            template = (rule.summary_one if count == 1 else None) or rule.summary
            if template:
                line = template.replace("{n}", str(count))
            else:
                line = f"{rule.label or results[0].message} ({count})"
            groups.append(
                ResultGroup(
                    plan=plan,
                    shape=shape,
                    shape_label=rule.label,
                    severity=results[0].severity,
                    line=line,
                    note=rule.note or results[0].message,
                    results=tuple(results),
                )
            )
        order = {p: i for i, p in enumerate(self.plans)}
        groups.sort(
            key=lambda g: (order.get(g.plan, len(order)), -_RANK[g.severity], g.shape_label)
        )
        return groups

    def summary(self) -> list[str]:
        """Return the one-line summaries: ``plan id: Severity: line``, one per plan and rule.

        Examples
        --------
        >>> "vaxjo-2022-2027: Varning: 23 insatser saknar indikator (uppföljning)" in validate().summary()
        True
        """
        words = _WORDS[self.lang]
        return [f"{g.plan or '-'}: {words[g.severity][0]}: {g.line}" for g in self.groups()]

    def to_records(self) -> list[dict[str, Any]]:
        """Return the results as plain dicts (one per result), e.g. for JSON.

        Examples
        --------
        >>> sorted(validate().to_records()[0])[:4]
        ['constraint', 'focus', 'focus_label', 'message']
        """
        return [asdict(r) for r in self.results]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the results as a pandas DataFrame, one row per result.

        Examples
        --------
        >>> df = validate().to_dataframe()
        >>> int((df["severity"] == "violation").sum())
        0
        """
        import pandas as pd

        columns = [f.name for f in fields(ValidationResult)]
        return pd.DataFrame.from_records(self.to_records(), columns=columns)

    def to_record(self) -> dict[str, Any]:
        """Return the report as plain data: the shape of ``andtsgraph validate --format json``.

        Examples
        --------
        >>> sorted(validate().to_record())
        ['conforms', 'counts', 'groups', 'lang', 'plans', 'results', 'severity']
        """
        return {
            "conforms": self.conforms,
            "severity": self.severity,
            "lang": self.lang,
            "counts": self.counts(),
            "plans": [{"id": p, "label": label} for p, label in self.plans.items()],
            "groups": [
                {
                    "plan": g.plan,
                    "shape": g.shape,
                    "shape_label": g.shape_label,
                    "severity": g.severity,
                    "count": g.count,
                    "line": g.line,
                    "note": g.note,
                    "focus": g.focus_nodes,
                }
                for g in self.groups()
            ],
            "results": self.to_records(),
        }

    def to_json(self) -> str:
        """Return :meth:`to_record` as JSON text (UTF-8, not ASCII-escaped)."""
        return json.dumps(self.to_record(), ensure_ascii=False, indent=2)

    def to_text(self, examples: int | None = 3) -> str:
        """Return the report for a coordinator: per plan, one line per rule, a few examples.

        Parameters
        ----------
        examples : int or None
            How many focus nodes to show under each rule; None shows them all.

        Examples
        --------
        >>> text = validate(lang="en").to_text(examples=1)
        >>> "Warning: 23 activities have no indicator (follow-up)" in text
        True
        """
        words = _WORDS[self.lang]
        lines = [_header(self, words), ""]
        groups_by_plan: dict[str | None, list[ResultGroup]] = defaultdict(list)
        for g in self.groups():
            groups_by_plan[g.plan].append(g)
        sections = list(self.plans) + [p for p in groups_by_plan if p not in self.plans]
        for plan in sections:
            title = self.plans.get(plan, plan) if plan else words["other"]
            lines.append(f"{title} ({plan})" if plan else title)
            plan_groups = groups_by_plan.get(plan, [])
            if not plan_groups:
                lines += [f"  {words['clean']}", ""]
                continue
            for g in plan_groups:
                lines.append(f"  {words[g.severity][0]}: {g.line}")
                if g.note:
                    lines.append(f"    {g.note}")
                shown = g.focus_nodes if examples is None else g.focus_nodes[:examples]
                first = {}
                for r in g.results:
                    first.setdefault(r.focus, r)
                lines += [f"    – {_example(first[focus])}" for focus in shown]
                if len(shown) < g.count:
                    lines.append("    " + words["more"].format(n=g.count - len(shown)))
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _header(report: ValidationReport, words: Mapping[str, Any]) -> str:
    n = len(report.plans)
    plans = f"{n} {words['plans'][0 if n == 1 else 1]}"
    counts = ", ".join(
        f"{count} {words[sev][1 if count == 1 else 2]}"
        for sev, count in report.counts().items()
        if _RANK[sev] >= _RANK[report.severity]
    )
    return words["validated"].format(plans=plans, counts=counts)


def _example(result: ValidationResult, width: int = 90) -> str:
    text = _shorten(result.focus_label, width)
    if result.source_section:
        text += f" [{_shorten(result.source_section, 60)}]"
    if result.value is not None and result.value != result.focus:
        value = _shorten(result.value_label or result.value, 60)
        name = result.path_label or result.path
        text += f": {name} = {value}" if name else f": {value}"
    return text


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------
def validate(
    kg_or_paths: KnowledgeGraph | str | Path | Iterable[str | Path] | None = None,
    *,
    shapes: str | Path | Graph | Iterable[str | Path] | None = None,
    severity: str = "info",
    lang: str = "sv",
    engine: str = "auto",
) -> ValidationReport:
    """Validate plans against the SHACL shapes and return a readable report.

    Parameters
    ----------
    kg_or_paths : KnowledgeGraph, path or iterable of paths, optional
        A loaded knowledge graph (everything in it is validated), or files that
        :func:`andtsgraph.load` reads (Turtle, N-Triples, TriG, JSON-LD, RDF/XML, a filled-in
        spreadsheet template): these are loaded with the bundled ontology,
        vocabularies, actors, links and plans, and only the results about the files' own plans
        and nodes are reported. None (or no paths) validates the bundled plans.
    shapes : path, iterable of paths or rdflib.Graph, optional
        Other shapes; the bundled structural and quality shapes when omitted.
    severity : {"info", "warning", "violation"}
        The mildest severity to report; :attr:`ValidationReport.conforms` is True when there
        is no result at or above it. "info" (the default) reports everything, as SHACL does.
    lang : {"sv", "en"}
        The language of labels and messages.
    engine : {"auto", "sparql", "pyshacl"}
        Who checks the shapes. "sparql" compiles them to SPARQL and runs them on the Oxigraph
        store (:mod:`andtsgraph.shacl_sparql`: the same results, 311 plans in seconds rather
        than minutes); "pyshacl" runs pyshacl on an rdflib copy of the graph. "auto" (the
        default) takes "sparql" when the store is Oxigraph and the shapes use only what it
        compiles, else "pyshacl".

    Returns
    -------
    ValidationReport

    Raises
    ------
    DataFileError
        If a file is missing or does not parse (the message names the file and line).
    AndtsError
        For an unknown severity or language.

    Examples
    --------
    >>> report = validate()
    >>> report.counts()["violation"]
    0
    >>> report.summary()[0]
    'kronoberg-2022-2026: Varning: 55 indikatorer saknar mätbart målvärde'
    """
    _check_choice("severity", severity, SEVERITIES)
    _check_choice("lang", lang, LANGS)
    _check_choice("engine", engine, ENGINES)
    kg, scope = _knowledge_graph(kg_or_paths)
    shapes_graph = load_shapes(shapes)
    if _sparql_engine(engine, kg, shapes_graph):
        results_graph, graphs, data = _validate_with_sparql(kg, shapes_graph, scope)
    else:
        results_graph, graphs, data = _validate_with_pyshacl(kg, shapes_graph)
    context = _Context(graphs, data, shapes_graph, lang)
    pairs = [
        (result, node)
        for node in results_graph.objects(None, SH.result)
        for result in context.results(results_graph, node)
        if _RANK[result.severity] >= _RANK[severity] and scope.keeps(result, context)
    ]
    plans = scope.plans(kg, context)
    order = {p: i for i, p in enumerate(plans)}
    pairs.sort(
        key=lambda rn: (
            order.get(rn[0].plan, len(order)),
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
    nodes = [n for _, n in pairs]
    return ValidationReport(
        conforms=not results,
        severity=severity,
        lang=lang,
        results=results,
        graph=_report_graph(results_graph, nodes, not results),
        plans=plans,
        _rules=context.rules(),
        _result_nodes=nodes,
    )


def _validate_with_pyshacl(
    kg: KnowledgeGraph, shapes_graph: Graph
) -> tuple[Graph, dict[str, Graph], Graph]:
    # Each named graph once: with the Oxigraph store, kg.graph() converts every quad.
    graphs = {name: kg.graph(name) for name in kg.graph_names()}
    data = _union(graphs)

    import pyshacl  # imported here: it takes a while, and only validation needs it

    _, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",  # the data assert what the shapes need (lead and responsible, types)
        inplace=True,  # data is our own union copy: no need for pyshacl to clone it again
        advanced=False,
    )
    return results_graph, graphs, data


def data_graph(kg: KnowledgeGraph) -> Graph:
    """Return the graph pyshacl validates: every named graph but the ontology, in one Graph.

    Of the ontology only the class hierarchy (``rdfs:subClassOf``) is added: SHACL's
    ``sh:class`` follows it in the data graph, so ``sh:class andts:Plan`` matches a municipal
    plan with no reasoner run. One plain Graph rather than the Dataset: pyshacl validates each
    named graph of a Dataset separately, which would cut every plan off from the actors and
    concepts it refers to.

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


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise AndtsError(f"unknown {name} {value!r}: choose one of {', '.join(choices)}")


# ---------------------------------------------------------------------------------------------
# What to validate: the whole graph, or a user's files in the context of the bundled data
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Scope:
    """Which results a report keeps: all (plan_ids None), or those about the user's files."""

    plan_ids: frozenset[str] | None = None
    graphs: frozenset[str] = frozenset()

    def keeps(self, result: ValidationResult, context: _Context) -> bool:
        if self.plan_ids is None:
            return True
        if result.plan in self.plan_ids:
            return True
        return context.described_in(result.focus, self.graphs)

    def plans(self, kg: KnowledgeGraph, context: _Context) -> dict[str, str]:
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
    scope = _Scope(frozenset(p.id for p in kg.plans), frozenset(kg.sources))
    for path, graph in bundled_files():
        if graph is None and plan_graph(path.stem) in kg.sources:
            # Bundled plan files are named after their plan id.
            replacement = kg.sources[plan_graph(path.stem)][0]
            note(text("io.replaces_bundled", "en", path=replacement, plan=path.stem))
            continue
        kg.add_file(path, graph)
    return kg, scope


# ---------------------------------------------------------------------------------------------
# Turning pyshacl's results into labelled records
# ---------------------------------------------------------------------------------------------
class _Context:
    """Labels, plans and source sections of the nodes that results are about."""

    def __init__(self, graphs: Mapping[str, Graph], data: Graph, shapes: Graph, lang: str) -> None:
        self.graphs = graphs
        self.data = data
        self.shapes = shapes
        self.lang = lang
        ontology = graphs.get(str(ONTOLOGY_GRAPH), Graph())
        self._labels = _label_index([data, ontology, shapes])
        self._plan_ids = {
            s: plan_id_of(str(s))
            for cls in PLAN_KINDS
            for s in data.subjects(RDF.type, URIRef(cls))
        }
        self._subject_plans = self._plans_by_graph()
        self._graph_subjects: dict[str, set[Node]] = {}

    def _plans_by_graph(self) -> dict[Node, set[str]]:
        found: dict[Node, set[str]] = defaultdict(set)
        for plan_id in self._plan_ids.values():
            for s in set(self.graphs.get(plan_graph(plan_id), Graph()).subjects()):
                found[s].add(plan_id)
        return found

    # -- plans ---------------------------------------------------------------------------
    def plans_of(self, node: Node) -> list[str]:
        """The plans a node belongs to: its own, its part's, or those naming it as an actor."""
        if node in self._plan_ids:
            return [self._plan_ids[node]]
        in_plan = sorted(
            self._plan_ids.get(p, plan_id_of(str(p))) for p in self.data.objects(node, ANDTS.inPlan)
        )
        if in_plan:
            return in_plan
        if node in self._subject_plans:
            return sorted(self._subject_plans[node])
        naming = set()
        for prop in _ACTOR_LINKS:
            for subject in self.data.subjects(prop, node):
                naming.update(self.plans_of(subject) if subject != node else [])
        return sorted(naming)

    def described_in(self, focus: str, graphs: Iterable[str]) -> bool:
        """Whether one of ``graphs`` (named graph IRIs) says something about ``focus``."""
        node = _node(focus)
        for name in graphs:
            if name not in self._graph_subjects:
                self._graph_subjects[name] = set(self.graphs.get(name, Graph()).subjects())
            if node in self._graph_subjects[name]:
                return True
        return False

    # -- labels --------------------------------------------------------------------------
    def label(self, node: Node | None) -> str:
        """The node's label in the report language (then Swedish, then any), else a short name."""
        if node is None:
            return ""
        labels = self._labels.get(node)
        if labels:
            for lang in (self.lang, "sv", "en", ""):
                if lang in labels:
                    return labels[lang]
            return next(iter(labels.values()))
        if isinstance(node, BNode):
            indicator = self.data.value(None, ANDTS.target, node)
            if indicator is not None:
                return _WORDS[self.lang]["target"].format(indicator=self.label(indicator))
            return f"_:{node}"
        if isinstance(node, Literal):
            return str(node)
        return _compact(str(node))

    def shape_label(self, shape: Node | None) -> str:
        """A shape's label; empty for an unlabelled blank-node shape (reports use its message)."""
        if shape is None or (isinstance(shape, BNode) and shape not in self._labels):
            return ""
        return self.label(shape)

    def source_section(self, node: Node) -> str | None:
        section = self.data.value(node, ANDTS.sourceSection)
        if section is None and isinstance(node, BNode):
            indicator = self.data.value(None, ANDTS.target, node)
            section = indicator and self.data.value(indicator, ANDTS.sourceSection)
        return None if section is None else str(section)

    def _text(self, subject: Node, prop: URIRef, graph: Graph | None = None) -> str | None:
        values = list((graph if graph is not None else self.shapes).objects(subject, prop))
        for lang in (self.lang, "sv", "en", None):
            for v in values:
                if isinstance(v, Literal) and v.language == lang:
                    return str(v)
        return str(values[0]) if values else None

    def _message(self, report: Graph, node: Node, shape: Node | None) -> str:
        """The result's message in the report language.

        pyshacl drops the language tag of SPARQL-based messages when it fills them in, so a
        result without a message in the wanted language takes its constraint's or shape's.
        """
        for subject, graph in (
            (node, report),
            (report.value(node, SH.sourceConstraint), report),
            (shape, self.shapes),
        ):
            if subject is None:
                continue
            for message in graph.objects(
                subject, SH.resultMessage if subject == node else SH.message
            ):
                if isinstance(message, Literal) and message.language == self.lang:
                    return str(message)
        return self._text(node, SH.resultMessage, report) or ""

    # -- results -------------------------------------------------------------------------
    def results(self, report: Graph, node: Node) -> list[ValidationResult]:
        """The records of one sh:ValidationResult: one per plan the focus node belongs to."""
        focus = report.value(node, SH.focusNode)
        shape = report.value(node, SH.sourceShape)
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        severity = _SEVERITY_OF.get(report.value(node, SH.resultSeverity), "violation")
        component = report.value(node, SH.sourceConstraintComponent)
        # A shape's sh:name names a complex path for people (e.g. ^indicatorOf → "indikator").
        path_label = self._text(shape, SH.name) if shape is not None else None
        if path is not None and path_label is None:
            path_label = _path_text(report, path, self.label)
        base = dict(
            focus=_text_of(focus),
            focus_label=self.label(focus),
            path=_path_id(report, path),
            path_label=path_label,
            value=_text_of(value),
            value_label=None if value is None else self.label(value),
            severity=severity,
            message=self._message(report, node, shape),
            shape=_text_of(shape) or "",
            shape_label=self.shape_label(shape),
            source_section=self.source_section(focus),
            constraint=str(component).rsplit("#", 1)[-1] if component is not None else "",
        )
        return [ValidationResult(plan=p, **base) for p in self.plans_of(focus) or [None]]

    def rules(self) -> dict[str, _RuleText]:
        """The report texts of every named shape: label, summary templates and EDPQS note."""
        rules = {}
        for shape in set(self.shapes.subjects(RDF.type, SH.NodeShape)) | set(
            self.shapes.subjects(RDF.type, SH.PropertyShape)
        ):
            rules[_text_of(shape)] = _RuleText(
                label=self.shape_label(shape),
                summary=self._text(shape, ANDTSH.summary),
                summary_one=self._text(shape, ANDTSH.summaryOne),
                note=self._text(shape, SKOS.note),
            )
        return rules


def _label_index(graphs: Iterable[Graph]) -> dict[Node, dict[str, str]]:
    """Node → language → label, from rdfs:label, then skos:prefLabel, then dcterms:title."""
    index: dict[Node, dict[str, str]] = defaultdict(dict)
    for prop in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
        for graph in graphs:
            for s, o in graph.subject_objects(prop):
                if isinstance(o, Literal):
                    index[s].setdefault(o.language or "", str(o))
    return index


def _node(text: str) -> Node:
    return BNode(text[2:]) if text.startswith("_:") else URIRef(text)


def _text_of(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def _compact(iri: str) -> str:
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and "/" not in iri[len(ns) :]:
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def _path_id(graph: Graph, path: Node | None) -> str | None:
    """A simple path's IRI, or a complex path in SPARQL syntax with prefixed names."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    return _path_text(graph, path, lambda n: _compact(str(n)))


def _path_text(graph: Graph, path: Node, name: Any) -> str:
    """Render a SHACL property path as SPARQL syntax, naming each property with ``name``."""
    if isinstance(path, URIRef):
        return name(path)
    unary = {
        SH.inversePath: "^{}",
        SH.zeroOrMorePath: "{}*",
        SH.oneOrMorePath: "{}+",
        SH.zeroOrOnePath: "{}?",
    }
    for prop, form in unary.items():
        inner = graph.value(path, prop)
        if inner is not None:
            return form.format(_path_text(graph, inner, name))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        items = [_path_text(graph, p, name) for p in Collection(graph, alternatives)]
        return "(" + "|".join(items) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_path_text(graph, p, name) for p in Collection(graph, path))
    return f"_:{path}"


def _report_graph(source: Graph, result_nodes: Iterable[Node], conforms: bool) -> Graph:
    """A SHACL validation report holding only ``result_nodes`` (copied with their blank nodes).

    When every result of ``source`` is kept, ``source`` is that report already: it is returned
    with the prefixes bound (copying tens of thousands of results costs seconds in rdflib).
    """
    result_nodes = list(result_nodes)
    reports = list(source.subjects(RDF.type, SH.ValidationReport))
    if (
        len(reports) == 1
        and source.value(reports[0], SH.conforms) == Literal(conforms)
        and set(source.objects(reports[0], SH.result)) == set(result_nodes)
    ):
        _bind_report_prefixes(source)
        return source
    graph = Graph()
    _bind_report_prefixes(graph)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    seen: set[Node] = set()
    for node in result_nodes:
        graph.add((report, SH.result, node))
        _copy_description(source, graph, node, seen)
    return graph


def _bind_report_prefixes(graph: Graph) -> None:
    graph.bind("sh", SH)
    for prefix in ("andts", "plan", "actor", "vx", "kr", "vs", "nat", "rdfs", "xsd"):
        graph.bind(prefix, PREFIXES[prefix])
    graph.bind("andtsh", ANDTSH)


def _copy_description(source: Graph, target: Graph, node: Node, seen: set[Node]) -> None:
    if node in seen:
        return
    seen.add(node)
    for p, o in source.predicate_objects(node):
        target.add((node, p, o))
        if isinstance(o, BNode):
            _copy_description(source, target, o, seen)


# ---------------------------------------------------------------------------------------------
# The SPARQL engine (andtsgraph.shacl_sparql): the same results without an rdflib copy
# ---------------------------------------------------------------------------------------------
def _sparql_engine(engine: str, kg: KnowledgeGraph, shapes_graph: Graph) -> bool:
    """Whether :func:`validate` uses the SPARQL engine (see its ``engine`` parameter)."""
    from andtsgraph import shacl_sparql

    if engine == "pyshacl":
        return False
    on_oxigraph = isinstance(kg.backend, OxigraphStore)
    if engine == "sparql":
        if not on_oxigraph:
            raise AndtsError(
                f"the SPARQL validation engine needs the Oxigraph store, not {kg.backend.name!r}"
            )
        shacl_sparql.compile_shapes(shapes_graph)  # raises UnsupportedShapes with the reason
        return True
    return on_oxigraph and shacl_sparql.supports(shapes_graph)


def _validate_with_sparql(
    kg: KnowledgeGraph, shapes_graph: Graph, scope: _Scope
) -> tuple[Graph, dict[str, Graph], Graph]:
    """Run the compiled shapes; return pyshacl's report graph and just enough of the data for
    :class:`_Context` (the labels, plans and sections of the nodes the results are about),
    instead of an rdflib copy of everything."""
    from andtsgraph import shacl_sparql

    assert isinstance(kg.backend, OxigraphStore)  # _sparql_engine chose this engine for it
    store = shacl_sparql.validation_store(kg.backend.store, str(ONTOLOGY_GRAPH))
    results = shacl_sparql.run(store, shapes_graph)
    report = shacl_sparql.report_graph(results, shapes_graph, shacl_sparql.describer(store))
    nodes = {r.focus for r in results} | {r.value for r in results if r.value is not None}
    graphs, data = _context_data(kg, store, nodes, scope.graphs)
    return report, graphs, data


#: What :class:`_Context` reads of a node: its labels, plan, section and types.
_CONTEXT_PROPERTIES = {
    RDFS.label,
    SKOS.prefLabel,
    DCTERMS.title,
    ANDTS.inPlan,
    ANDTS.sourceSection,
    RDF.type,
}


def _context_data(
    kg: KnowledgeGraph, store: Any, nodes: set[Node], scope_graphs: Iterable[str]
) -> tuple[dict[str, Graph], Graph]:
    """The parts of the data :class:`_Context` reads about ``nodes``, as small rdflib graphs.

    ``data`` holds the nodes' labels, plans, sections and types, every plan's type and label,
    the indicator of a blank target, and the parts or plans that name an actor (followed until
    each node's plan is found, as :meth:`_Context.plans_of` follows them). ``graphs`` holds, of
    each plan graph and each graph in ``scope_graphs``, the statements about those nodes (what
    :meth:`_Context.plans_of` and :meth:`_Context.described_in` look for), and the ontology.
    """
    import pyoxigraph as ox

    from andtsgraph.backends.oxigraph_memory import to_oxigraph, to_rdflib

    wanted_graphs = {plan_graph(p.id) for p in kg.plans} | set(scope_graphs)
    graphs: dict[str, Graph] = {name: Graph() for name in wanted_graphs}
    graphs[str(ONTOLOGY_GRAPH)] = kg.graph(str(ONTOLOGY_GRAPH))
    data = Graph()
    seen: set[Node] = set()
    # Compared as Oxigraph terms: a node has dozens of statements, of which few are read.
    wanted = {to_oxigraph(p): p for p in _CONTEXT_PROPERTIES}

    def describe(node: Node) -> bool:
        """Add what _Context reads about ``node``; return whether its plan is known."""
        if node in seen or isinstance(node, Literal):
            return True
        seen.add(node)
        placed = False
        in_graphs: set[str] = set()
        for q in store.quads_for_pattern(to_oxigraph(node), None, None, None):
            p = wanted.get(q.predicate)
            if p is not None:
                data.add((node, p, to_rdflib(q.object)))
                placed = placed or p == ANDTS.inPlan
            name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            if name in graphs and name not in in_graphs:
                # One statement per graph says the node is described there (all _Context asks).
                graphs[name].add((node, to_rdflib(q.predicate), to_rdflib(q.object)))
                in_graphs.add(name)
                placed = True
        return placed

    for cls in PLAN_KINDS:
        for q in store.quads_for_pattern(None, to_oxigraph(RDF.type), ox.NamedNode(cls), None):
            describe(to_rdflib(q.subject))
    pending = sorted(nodes, key=str)
    while pending:  # nodes whose plan is not yet known: follow who names them as an actor
        follow = [n for n in pending if not describe(n)]
        for node in pending:
            if isinstance(node, BNode):  # a target: its indicator gives its label and section
                for q in store.quads_for_pattern(
                    None, to_oxigraph(ANDTS.target), to_oxigraph(node), None
                ):
                    indicator = to_rdflib(q.subject)
                    data.add((indicator, ANDTS.target, node))
                    describe(indicator)
        pending = []
        for node in follow:
            for prop in _ACTOR_LINKS:
                for q in store.quads_for_pattern(None, to_oxigraph(prop), to_oxigraph(node), None):
                    subject = to_rdflib(q.subject)
                    data.add((subject, prop, node))
                    if subject not in seen:
                        pending.append(subject)
    return graphs, data
