"""The readable validation report of plans: records, groups, text, JSON, DataFrame and the
standard SHACL results graph, each built once from the engine's records."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from andtsgraph.errors import AndtsError
from andtsgraph.messages import text as _t
from andtsgraph.validation.records import ShaclResult, results_graph

if TYPE_CHECKING:
    import pandas

__all__ = ["LANGS", "SEVERITIES", "ResultGroup", "ValidationReport", "ValidationResult"]

#: Severities from the mildest up; ``severity=`` keeps results at or above the one given.
SEVERITIES = ("info", "warning", "violation")

#: Report languages.
LANGS = ("sv", "en")

_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    """Raise :class:`AndtsError` unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise AndtsError(
            _t("errors.unknown_choice", name=name, value=value, choices=", ".join(choices))
        )


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
        The standard SHACL validation report (``sh:ValidationReport``) of these results,
        built from the records when first asked for.
    plans : dict
        The validated plans: id → label, national first, then regional, then municipal.
    """

    conforms: bool
    severity: str
    lang: str
    results: list[ValidationResult]
    plans: dict[str, str] = field(default_factory=dict)
    _rules: dict[str, _RuleText] = field(default_factory=dict, repr=False)
    _records: list[ShaclResult] = field(default_factory=list, repr=False)
    _shapes: Graph = field(default_factory=Graph, repr=False)

    def __len__(self) -> int:
        return len(self.results)

    @property
    def graph(self) -> Graph:
        """The standard SHACL validation report (``sh:ValidationReport``) of these results."""
        built = self.__dict__.get("_graph")
        if built is None:
            built = report_graph(self._records, self._shapes, self.conforms)
            self.__dict__["_graph"] = built
        return built

    def __iter__(self) -> Iterator[ValidationResult]:
        return iter(self.results)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        return f"<ValidationReport conforms={self.conforms} at {self.severity!r}: {counts}>"

    def counts(self) -> dict[str, int]:
        """Return the number of results per severity, gravest first.

        Examples
        --------
        >>> from andtsgraph.validation import validate
        >>> validate().counts()["violation"]
        0
        """
        return {s: sum(r.severity == s for r in self.results) for s in reversed(SEVERITIES)}

    def at_least(self, severity: str) -> ValidationReport:
        """Return the report restricted to results at or above ``severity``.

        Examples
        --------
        >>> from andtsgraph.validation import validate
        >>> report = validate()
        >>> report.conforms, report.at_least("violation").conforms
        (False, True)
        """
        check_choice("severity", severity, SEVERITIES)
        keep = [
            (r, n)
            for r, n in zip(self.results, self._records, strict=True)
            if _RANK[r.severity] >= _RANK[severity]
        ]
        results = [r for r, _ in keep]
        records = [n for _, n in keep]
        if len(records) == len(self._records):
            return replace(self, severity=severity)
        return replace(
            self,
            conforms=not results,
            severity=severity,
            results=results,
            _records=records,
        )

    def by_plan(self) -> dict[str | None, list[ValidationResult]]:
        """Return the results grouped by plan id (None last: data outside any plan).

        Examples
        --------
        >>> from andtsgraph.validation import validate
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
        >>> from andtsgraph.validation import validate
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
        >>> from andtsgraph.validation import validate
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
            key=lambda g: (
                order.get(g.plan or "", len(order)) if g.plan is not None else len(order),
                -_RANK[g.severity],
                g.shape_label,
            )
        )
        return groups

    def summary(self) -> list[str]:
        """Return the one-line summaries: ``plan id: Severity: line``, one per plan and rule.

        Examples
        --------
        >>> from andtsgraph.validation import validate
        >>> "vaxjo-2022-2027: Varning: 23 insatser saknar indikator (uppföljning)" in validate().summary()
        True
        """
        return [
            f"{g.plan or '-'}: {_t('validation.' + g.severity, self.lang)}: {g.line}"
            for g in self.groups()
        ]

    def to_records(self) -> list[dict[str, Any]]:
        """Return the results as plain dicts (one per result), e.g. for JSON.

        Examples
        --------
        >>> from andtsgraph.validation import validate
        >>> sorted(validate().to_records()[0])[:4]
        ['constraint', 'focus', 'focus_label', 'message']
        """
        return [asdict(r) for r in self.results]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the results as a pandas DataFrame, one row per result.

        Examples
        --------
        >>> from andtsgraph.validation import validate
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
        >>> from andtsgraph.validation import validate
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
        >>> from andtsgraph.validation import validate
        >>> text = validate(lang="en").to_text(examples=1)
        >>> "Warning: 23 activities have no indicator (follow-up)" in text
        True
        """
        lang = self.lang
        lines = [_header(self), ""]
        groups_by_plan: dict[str | None, list[ResultGroup]] = defaultdict(list)
        for g in self.groups():
            groups_by_plan[g.plan].append(g)
        sections = list(self.plans) + [p for p in groups_by_plan if p not in self.plans]
        for plan in sections:
            title = self.plans.get(plan, plan) if plan else _t("validation.other", lang)
            lines.append(f"{title} ({plan})" if plan else title)
            plan_groups = groups_by_plan.get(plan, [])
            if not plan_groups:
                lines += [f"  {_t('validation.clean', lang)}", ""]
                continue
            for g in plan_groups:
                lines.append(f"  {_t('validation.' + g.severity, lang)}: {g.line}")
                if g.note:
                    lines.append(f"    {g.note}")
                shown = g.focus_nodes if examples is None else g.focus_nodes[:examples]
                first: dict[str, ValidationResult] = {}
                for r in g.results:
                    first.setdefault(r.focus, r)
                lines += [f"    – {_example(first[focus])}" for focus in shown]
                if len(shown) < g.count:
                    lines.append("    " + _t("validation.more", lang, n=g.count - len(shown)))
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _header(report: ValidationReport) -> str:
    lang = report.lang
    plans = _t("term.plan", lang, n=len(report.plans))
    counts = ", ".join(
        _t(f"validation.count.{sev}", lang, n=count)
        for sev, count in report.counts().items()
        if _RANK[sev] >= _RANK[report.severity]
    )
    return _t("validation.validated", lang, plans=plans, counts=counts)


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


def report_graph(records: list[ShaclResult], shapes: Graph, conforms: bool) -> Graph:
    """The standard SHACL report of ``records``, with the project's prefixes bound."""
    from andtsgraph.namespaces import PREFIXES
    from andtsgraph.validation.shapes import ANDTSH

    graph = results_graph(records, shapes, conforms)
    for prefix in ("andts", "plan", "actor", "vx", "kr", "vs", "nat", "rdfs", "xsd"):
        graph.bind(prefix, PREFIXES[prefix])
    graph.bind("andtsh", ANDTSH)
    return graph
