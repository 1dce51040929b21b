"""The main job's report: the plans, their validation findings, their gaps and the
collaboration network, as terminal text or as one self-contained HTML page."""

from __future__ import annotations

import datetime as dt
import html
from abc import ABC, abstractmethod
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from andtsgraph import __version__
from andtsgraph.analysis import gaps as gap_analysis
from andtsgraph.analysis import network as network_analysis
from andtsgraph.analysis.gaps import CoverageMatrix, Gap
from andtsgraph.analysis.network import Bridge, NetworkSummary
from andtsgraph.enums import Links, choose
from andtsgraph.knowledge_graph import KnowledgeGraph, PlanInfo
from andtsgraph.messages import language
from andtsgraph.output import check_outputs, write_text
from andtsgraph.results import Result, ResultList, records_to_dataframe
from andtsgraph.validation import ValidationReport, validate

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CSS",
    "WORDS",
    "PlanGaps",
    "Report",
    "build_report",
    "to_html",
    "to_text",
    "write_html",
]


def _words(lang: str) -> dict:
    """The report's words in ``lang``, from the messages catalog (messages/report.py)."""
    from andtsgraph.messages import catalog, check_lang

    lang = check_lang(lang)
    words: dict = {}
    for key, texts in catalog().items():
        if not key.startswith("report."):
            continue
        name, _, sub = key[len("report.") :].partition(".")
        value = texts[lang]
        if sub:
            words.setdefault(name + "_words" if name == "glossary" else name, {})[sub] = value
        elif name.endswith("columns"):
            words[name] = tuple(str(value).split("|"))
        else:
            words[name] = value
    return words


class _Words(dict):
    def __missing__(self, lang: str) -> dict:
        self[lang] = _words(lang)
        return self[lang]


#: The report's words by language (read from the messages catalog on first use).
WORDS: dict[str, dict] = _Words()


class _Findings(Result, ABC):
    """Records, DataFrame and JSON of a result whose table is its gaps (one row per gap)."""

    @abstractmethod
    def findings(self) -> ResultList[Gap]:
        """Return every gap found, in the report's order."""

    def to_records(self) -> list[dict[str, Any]]:
        """Return one record per gap (its ``kind`` and ``plan`` say what and where)."""
        return self.findings().to_records()

    def to_dataframe(self) -> pandas.DataFrame:
        """Return one row per gap (the columns are there when there is none)."""
        return records_to_dataframe(self.to_records(), [f.name for f in fields(Gap)])

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the records as a JSON list."""
        return self.findings().to_json(indent=indent)


@dataclass
class PlanGaps(_Findings):
    """The gap findings of one plan, by kind.

    Its records, DataFrame and JSON are its gaps, one per gap (those a neighbouring plan
    covers included); :meth:`to_record` is the whole, by kind, with the coverage matrix.

    Examples
    --------
    >>> import andtsgraph
    >>> found = build_report(andtsgraph.load(), plan="vaxjo").gaps[0]
    >>> frame = found.to_dataframe()
    >>> len(frame) == len(found.to_records()) == len(found.findings())
    True
    >>> int((frame["kind"] == "no-indicator").sum()) == len(found.no_indicator)
    True
    >>> import json
    >>> json.loads(found.to_json())[0]["plan"], found.to_record()["plan"]["id"]
    ('vaxjo-2022-2027', 'vaxjo-2022-2027')
    """

    plan: PlanInfo
    risk: list[Gap]
    protective: list[Gap]
    national: list[Gap]
    empty: list[Gap]
    no_indicator: list[Gap]
    no_responsible: list[Gap]
    matrix: CoverageMatrix
    matrix_gaps: list[Gap]
    neighbours: dict[str, list[Gap]] = field(default_factory=dict)

    def findings(self) -> ResultList[Gap]:
        """Return every gap of the plan: by kind, then those its neighbours cover."""
        kinds = (
            self.risk,
            self.protective,
            self.national,
            self.empty,
            self.no_indicator,
            self.no_responsible,
            self.matrix_gaps,
            *self.neighbours.values(),
        )
        return ResultList(gap for found in kinds for gap in found)


@dataclass
class Report(_Findings):
    """Everything the report shows; build it with :func:`build_report`.

    Its records, DataFrame and JSON are the gaps of all its plans, one per gap;
    :meth:`to_record` is the whole report (validation and network included).

    Examples
    --------
    >>> import andtsgraph
    >>> report = build_report(andtsgraph.load(), plan="vaxjo", lang="en")
    >>> len(report.to_dataframe()) == sum(len(g.findings()) for g in report.gaps)
    True
    >>> sorted(report.to_record())[:4]
    ['bridges', 'gaps', 'lang', 'links']
    >>> import json
    >>> {r["plan"] for r in json.loads(report.to_json())}
    {'vaxjo-2022-2027'}
    """

    plans: list[PlanInfo]
    scope: str | None
    lang: str
    validation: ValidationReport
    gaps: list[PlanGaps]
    network: NetworkSummary
    bridges: list[Bridge]
    links: Links = Links.CURATED

    @property
    def links_basis(self) -> str:
        """What the factor and national-goal gaps rest on (curated or suggested links)."""
        from andtsgraph.messages import text

        return text(f"suggest.basis.{self.links}", self.lang)

    def findings(self) -> ResultList[Gap]:
        """Return the gaps of every plan, plan by plan."""
        return ResultList(gap for plan in self.gaps for gap in plan.findings())


def _neighbours(kg: KnowledgeGraph, plan: PlanInfo, rows: Iterable[dict]) -> list[PlanInfo]:
    """The non-national plans a plan is based on, and those based on it (``rows``: the
    ``plan-documents`` query)."""
    related = set()
    for r in rows:
        if r["relation"] != "based on":
            continue
        if r["plan"] == plan.iri:
            related.add(r["document"])
        elif r["document"] == plan.iri:
            related.add(r["plan"])
    return [p for p in kg.plans if p.iri in related and p.kind != "national" and p.activities]


def build_report(
    kg: KnowledgeGraph,
    plan: str | None = None,
    lang: str | None = None,
    *,
    validation: ValidationReport | None = None,
    compare: str | None = None,
    links: Links | str = Links.CURATED,
) -> Report:
    """Validate, find the gaps and analyse the collaboration network of one plan or all plans.

    Parameters
    ----------
    kg : KnowledgeGraph
    plan : str, optional
        A plan id; all plans when omitted.
    lang : {"sv", "en"}
    validation : ValidationReport, optional
        A report already made (it is made when omitted). With ``plan``, only the results
        about that plan are shown.
    compare : str, optional
        A plan id whose coverage ``plan``'s is set beside; by default the regional plans
        ``plan`` is based on (its county's, where the graph knows it).
    links : Links or {"curated", "suggested", "both"}
        What factor and national-goal gaps rest on (see
        :func:`andtsgraph.analysis.gaps.uncovered_factors`); the report says which.

    Examples
    --------
    >>> import andtsgraph
    >>> report = build_report(andtsgraph.load(), plan="vaxjo")
    >>> [g.plan.id for g in report.gaps]
    ['vaxjo-2022-2027']
    """
    lang = language(lang)
    links = choose(Links, links, "links")
    plans = [kg.plan(plan)] if plan else kg.plans
    scope = plans[0].id if plan else None
    other = kg.plan(compare).id if compare else None
    if validation is None:
        # One plan: only the results under it (the validation package narrows them).
        validation = validate(kg, lang=lang, plans=[scope] if scope else None)
    documents = kg.query("plan-documents").to_records()
    # All plans: each catalog query once, split by plan (one plan alone asks for its own rows).
    with gap_analysis.batch(kg) if not plan else nullcontext():
        plan_gaps = [_plan_gaps(kg, p, documents, links, other) for p in plans if p.activities]
    summary = network_analysis.analyse(kg, scope)
    if not plan:  # the network of all plans is the one bridges are found in: build it once
        bridges = network_analysis.bridges_between_plans(kg, graph=summary.bipartite)
    else:
        bridges = ResultList(
            b for b in network_analysis.bridges_between_plans(kg) if scope in b.plans
        )
    return Report(plans, scope, lang, validation, plan_gaps, summary, bridges, links)


def _plan_gaps(
    kg: KnowledgeGraph,
    p: PlanInfo,
    documents: list[dict],
    links: Links = Links.CURATED,
    compare: str | None = None,
) -> PlanGaps:
    found = PlanGaps(
        plan=p,
        risk=gap_analysis.uncovered_factors(kg, p.id, "risk", links),
        protective=gap_analysis.uncovered_factors(kg, p.id, "protective", links),
        national=gap_analysis.uncovered_national_goals(kg, p.id, links),
        empty=gap_analysis.empty_goals_and_areas(kg, p.id),
        no_indicator=gap_analysis.activities_without_indicator(kg, p.id),
        no_responsible=gap_analysis.activities_without_responsible(kg, p.id),
        matrix=gap_analysis.coverage_matrix(kg, p.id),
        matrix_gaps=gap_analysis.matrix_gaps(kg, p.id),
    )
    others = [compare] if compare else [o.id for o in _neighbours(kg, p, documents)]
    for other in others:
        if other != p.id:
            found.neighbours[other] = gap_analysis.neighbour_covers(kg, p.id, other)
    return found


# ---- terminal text --------------------------------------------------------------------------
def _labels(found: list[Gap], words: dict) -> str:
    return "; ".join(g.label for g in found) if found else words["none"]


def _wrapped(text: str, indent: int, width: int = 110) -> str:
    """Wrap a long finding so the terminal report stays readable."""
    import textwrap

    return textwrap.fill(
        text,
        width,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + 4),
        break_long_words=False,
    )


def to_text(report: Report, *, top: int = 8) -> str:
    """Return the report as terminal text.

    Examples
    --------
    >>> import andtsgraph
    >>> text = to_text(build_report(andtsgraph.load(), plan="vaxjo"))
    >>> "Riskfaktorer som ingen insats påverkar" in text
    True
    """
    w = WORDS[report.lang]
    out: list[str] = [w["title"], "=" * len(w["title"]), "", w["plans"]]
    for p in report.plans:
        period = f"{p.valid_from or '?'}–{p.valid_until or '?'}"
        out.append(f"  {p.id:<20} {w['kind'][p.kind]:<10} {period}")
        out.append(" " * 23 + p.title)
        out.append(
            " " * 23
            + w["counts"].format(
                goals=p.goals,
                areas=p.development_areas + p.action_areas,
                activities=p.activities,
                indicators=p.indicators,
                actors=p.actors,
            )
        )
    out += ["", w["validation"]]
    groups = _validation_groups(report)
    violations = sum(g.count for g in groups if g.severity == "violation")
    out.append("  " + (w["conforms"] if not violations else w["not_conforms"].format(n=violations)))
    for g in groups:
        out.append(f"  {g.plan or '-':<20} {w['severity'][g.severity]}: {g.line}")
        if report.scope:  # one plan: name each thing to fix
            out.append(_wrapped(f"{w['to_fix']}: {_focus_names(g, w)}", 6))
    out += ["", w["gaps"] + " (" + report.links_basis + ")"]
    for pg in report.gaps:
        out.append(f"  {pg.plan.id}")
        out.append(_wrapped(f"{w['risk']} ({len(pg.risk)}): {_labels(pg.risk, w)}", 4))
        out.append(
            _wrapped(f"{w['protective']} ({len(pg.protective)}): {_labels(pg.protective, w)}", 4)
        )
        out.append(_wrapped(f"{w['national']} ({len(pg.national)}): {_labels(pg.national, w)}", 4))
        out.append(
            f"    {w['empty']}: {len(pg.empty)}; {w['no_indicator']}: {len(pg.no_indicator)}; {w['no_responsible']}: {len(pg.no_responsible)}"
        )
        if pg.matrix_gaps and pg.matrix_gaps[0].kind == "matrix-empty":
            out.append(f"    {w['matrix_empty']}")
        else:
            out.append(
                _wrapped(f"{w['matrix']} ({len(pg.matrix_gaps)}): {_labels(pg.matrix_gaps, w)}", 4)
            )
        if report.scope and not pg.neighbours:
            out.append(_wrapped(w["no_compare"], 4))
        for other, found in pg.neighbours.items():
            out.append(
                _wrapped(
                    f"{w['neighbour'].format(other=other, plan=pg.plan.id)}: {_labels(found, w)}", 4
                )
            )
    net = report.network
    out += [
        "",
        f"{w['network']} ({net.plan or ', '.join(p.id for p in report.plans if p.activities)})",
    ]
    out.append("  " + _network_line(net, report.lang))
    out += _metrics_table(net.top(top), w, w["hubs"])
    out += _metrics_table(net.top(min(top, 5), by="betweenness"), w, w["brokers"])
    out.append("  " + w["method"].format(method=_method(net, report.lang)))
    if report.bridges:
        out.append(f"  {w['bridges']}:")
        direct = [b for b in report.bridges if not b.via]
        through = [b for b in report.bridges if b.via]
        for b in direct:
            out.append(f"    {b.label}: {', '.join(b.plans)}")
        if through:
            groups = sorted({g for b in through for gs in b.via.values() for g in gs})
            out.append(
                _wrapped(
                    f"{len(through)} {w['via']} {', '.join(groups)}: {', '.join(b.label for b in through)}",
                    4,
                )
            )
    elif report.scope:
        out.append("  " + w["no_bridges"].format(plan=report.scope))
    if net.isolated:
        out.append(
            _wrapped(
                f"{w['isolated']}: {', '.join(net.projection.nodes[a]['label'] for a in net.isolated)}",
                2,
            )
        )
    out += ["", f"{w['glossary']}:"]
    out += [_wrapped(line, 2) for line in w["glossary_words"].values()]
    return "\n".join(out)


def _network_line(net: NetworkSummary, lang: str) -> str:
    from andtsgraph.messages import text

    return text(
        "report.network_line",
        lang,
        actors=text("term.actor", lang, n=len(net.actors)),
        edges=text("report.ties", lang, n=net.edges),
        density=net.density,
        communities=text("report.communities", lang, n=net.communities),
    )


def _method(net: NetworkSummary, lang: str) -> str:
    """How betweenness was computed, in ``lang``."""
    import re

    from andtsgraph.messages import text

    if net.betweenness_method == "exact":
        return text("report.method_exact", lang)
    found = re.match(
        r"approximate: (\d+) sampled sources \(seed (\d+)\) of (\d+)", net.betweenness_method
    )
    if found is None:
        return net.betweenness_method
    samples, seed, actors = found.groups()
    return text("report.method_sampled", lang, samples=samples, seed=seed, actors=actors)


def _validation_groups(report: Report) -> list:
    """The validation groups the report shows: all, or those of its one plan."""
    groups = report.validation.groups()
    return [g for g in groups if report.scope is None or g.plan == report.scope]


def _focus_names(group, w: dict, limit: int = 12) -> str:
    """The names of a group's focus nodes (the activities, indicators … to fix)."""
    names = list(dict.fromkeys(r.focus_label or r.focus for r in group.results))
    shown = "; ".join(names[:limit])
    if len(names) > limit:
        shown += " " + w["more"].format(n=len(names) - limit)
    return shown


#: Names of a rule's focus nodes shown at once in the HTML report; the rest fold away.
FOCUS_SHOWN = 5


def _focus_list(group, w: dict, shown: int = FOCUS_SHOWN) -> str:
    """The names of a group's focus nodes as an HTML list: the first few, then every other one
    in a ``<details>`` that says how many it holds (a rule may name fifty activities)."""
    names = list(dict.fromkeys(r.focus_label or r.focus for r in group.results))
    items = "".join(f"<li>{_e(name)}</li>" for name in names[:shown])
    html_list = f'<ul class="fix">{items}</ul>'
    if len(names) > shown:
        rest = "".join(f"<li>{_e(name)}</li>" for name in names[shown:])
        summary = w["show_more"].format(n=len(names) - shown)
        html_list += (
            f'<details class="fix"><summary>{_e(summary)}</summary>'
            f'<ul class="fix">{rest}</ul></details>'
        )
    return html_list


def _metrics_table(metrics, w: dict, heading: str) -> list[str]:
    cols = w["columns"]
    width = max([len(cols[0]), *(len(m.label) for m in metrics)]) if metrics else len(cols[0])
    width = min(width, 48)
    lines = [
        f"  {heading}:",
        f"    {cols[0]:<{width}}  {cols[1]:>8}  {cols[2]:>7}  {cols[3]:>8}  {cols[4]:>11}  {cols[5]:>6}",
    ]
    for m in metrics:
        label = m.label if len(m.label) <= width else m.label[: width - 1] + "…"
        lines.append(
            f"    {label:<{width}}  {m.degree:>8}  {m.weighted_degree:>7}  {m.activities:>8}  {m.betweenness:>11.3f}  {m.community:>6}"
        )
    return lines


# ---- HTML -----------------------------------------------------------------------------------
CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.4; }
h1 { color: #1f4e79; } h2 { color: #1f4e79; border-bottom: 2px solid #9dc3e6; padding-bottom: .2em; margin-top: 2em; }
h3 { color: #2e75b6; } table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #deebf7; } td.num { text-align: right; }
.violation { color: #a50f15; font-weight: bold; } .warning { color: #b35806; } .info { color: #555; }
.figure { overflow-x: auto; border: 1px solid #ddd; padding: .5em; margin: 1em 0; background: white; }
.figure svg { height: auto; } /* never shrunk: labels stay readable, wide pictures scroll */ .note { color: #555; font-size: .9em; }
ul.gaps li { margin: .15em 0; }
ul.fix { margin: 0; padding-left: 1.1em; } ul.fix li { margin: .1em 0; }
details.fix summary { cursor: pointer; color: #2e75b6; margin-top: .2em; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _plan_pictures(report: Report, kg: KnowledgeGraph) -> tuple[dict[str, str], dict[str, str]]:
    """Each plan's coverage matrix and hierarchy as SVG: Graphviz once for all of them (a
    national report has hundreds), the hierarchies from one query."""
    from andtsgraph import render

    rows: dict[str, list[dict]] = {}
    if len(report.gaps) > 1:
        for r in kg.query("plan-hierarchy"):
            rows.setdefault(r["plan"], []).append(r)
    matrices = {
        pg.plan.id: render.coverage_matrix(pg.matrix, lang=report.lang)
        for pg in report.gaps
        if any(pg.matrix.counts.values())
    }
    hierarchies = {
        pg.plan.id: render.plan_hierarchy(
            kg, pg.plan.id, rows=rows.get(pg.plan.iri, []) if rows else None
        )
        for pg in report.gaps
    }
    drawn = render.to_svgs([*matrices.values(), *hierarchies.values()])
    return (
        dict(zip(matrices, drawn[: len(matrices)], strict=True)),
        dict(zip(hierarchies, drawn[len(matrices) :], strict=True)),
    )


def to_html(kg: KnowledgeGraph, report: Report) -> str:
    """Return the report as one self-contained HTML page (inline CSS and SVG, no network).

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> page = to_html(kg, build_report(kg, plan="vasteras"))
    >>> page.startswith("<!DOCTYPE html>") and "<svg" in page
    True
    """
    from andtsgraph import render

    w = WORDS[report.lang]
    parts = [
        f'<!DOCTYPE html><html lang="{report.lang}"><head><meta charset="utf-8">',
        f"<title>{_e(w['title'])}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(w['title'])}</h1>",
        f'<p class="note">{_e(w["generated"].format(date=dt.date.today().isoformat(), version=__version__))}</p>',
        f"<h2>{_e(w['plans'])}</h2><table><tr>"
        + "".join(f"<th>{_e(c)}</th>" for c in w["plan_columns"])
        + "</tr>",
    ]
    for p in report.plans:
        counts = w["counts"].format(
            goals=p.goals,
            areas=p.development_areas + p.action_areas,
            activities=p.activities,
            indicators=p.indicators,
            actors=p.actors,
        )
        parts.append(
            f"<tr><td>{_e(p.id)}</td><td>{_e(p.title)}</td><td>{_e(w['kind'][p.kind])}</td>"
            f"<td>{_e(p.valid_from or '?')}–{_e(p.valid_until or '?')}</td><td>{_e(counts)}</td></tr>"
        )
    parts.append("</table>")

    groups = _validation_groups(report)
    violations = sum(g.count for g in groups if g.severity == "violation")
    parts.append(
        f"<h2>{_e(w['validation'])}</h2><p>{_e(w['conforms'] if not violations else w['not_conforms'].format(n=violations))}</p><table>"
        + "<tr>"
        + "".join(f"<th>{_e(c)}</th>" for c in w["validation_columns"])
        + "</tr>"
    )
    for g in groups:
        parts.append(
            f'<tr><td>{_e(g.plan or "-")}</td><td class="{g.severity}">{_e(w["severity"][g.severity])}</td>'
            f"<td>{_e(g.line)}</td><td>{_focus_list(g, w)}</td>"
            f'<td class="note">{_e(g.note or "")}</td></tr>'
        )
    parts.append("</table>")

    parts.append(f'<h2>{_e(w["gaps"])}</h2><p class="note">{_e(report.links_basis)}</p>')
    matrices, hierarchies = _plan_pictures(report, kg)
    for pg in report.gaps:
        parts.append(f'<h3>{_e(pg.plan.title)} ({_e(pg.plan.id)})</h3><ul class="gaps">')
        for key in ("risk", "protective", "national", "empty", "no_indicator", "no_responsible"):
            found = getattr(pg, key)
            items = "".join(
                f'<li title="{_e(g.explanation)}">{_e(g.label)}</li>' for g in found[:30]
            )
            more = f"<li>… {len(found) - 30}</li>" if len(found) > 30 else ""
            parts.append(
                f"<li><b>{_e(w[key])} ({len(found)})</b>{'<ul>' + items + more + '</ul>' if found else ''}</li>"
            )
        if report.scope and not pg.neighbours:
            parts.append(f"<li>{_e(w['no_compare'])}</li>")
        for other, found in pg.neighbours.items():
            items = "".join(f'<li title="{_e(g.explanation)}">{_e(g.label)}</li>' for g in found)
            parts.append(
                f"<li><b>{_e(w['neighbour'].format(other=other, plan=pg.plan.id))} ({len(found)})</b><ul>{items}</ul></li>"
            )
        parts.append("</ul>")
        if any(pg.matrix.counts.values()):
            parts.append(f'<div class="figure">{matrices[pg.plan.id]}</div>')
        else:
            parts.append(f"<p>{_e(w['matrix_empty'])}</p>")
        parts.append(
            f'<details><summary>{_e(w["hierarchy"])}</summary><div class="figure">{hierarchies[pg.plan.id]}</div></details>'
        )

    net = report.network
    parts.append(f"<h2>{_e(w['network'])}</h2><p>{_e(_network_line(net, report.lang))}</p>")
    parts.append(
        f'<div class="figure">{render.to_svg(render.collaboration_network(net, lang=report.lang))}</div>'
    )
    for heading, metrics in (
        (w["hubs"], net.top(15)),
        (w["brokers"], net.top(8, by="betweenness")),
    ):
        parts.append(
            f"<h3>{_e(heading)}</h3><table><tr>"
            + "".join(f"<th>{_e(c)}</th>" for c in w["columns"])
            + "</tr>"
        )
        for m in metrics:
            parts.append(
                f"<tr><td>{_e(m.label)}</td><td class=num>{m.degree}</td><td class=num>{m.weighted_degree}</td>"
                f"<td class=num>{m.activities}</td><td class=num>{m.betweenness:.3f}</td><td class=num>{m.community}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f'<p class="note">{_e(w["method"].format(method=_method(net, report.lang)))}</p>')
    if report.bridges:
        parts.append(f"<h3>{_e(w['bridges'])}</h3><ul>")
        for b in report.bridges:
            via = "; ".join(
                f"{plan} {w['via']} {', '.join(groups)}" for plan, groups in b.via.items()
            )
            parts.append(
                f"<li>{_e(b.label)}: {_e(', '.join(b.plans))}{(' (' + _e(via) + ')') if via else ''}</li>"
            )
        parts.append("</ul>")
    elif report.scope:
        parts.append(f"<p>{_e(w['no_bridges'].format(plan=report.scope))}</p>")
    parts.append(f"<h3>{_e(w['glossary'])}</h3><ul>")
    parts += [f"<li>{_e(line)}</li>" for line in w["glossary_words"].values()]
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def write_html(
    kg: KnowledgeGraph, report: Report, path: str | Path, *, force: bool = False
) -> Path:
    """Write :func:`to_html` to ``path``; an existing file is kept unless ``force``.

    Raises
    ------
    OutputExistsError
        If ``path`` exists and ``force`` is false.
    """
    path = Path(path)
    check_outputs([path], force=force)
    return write_text(path, to_html(kg, report), force=force)
