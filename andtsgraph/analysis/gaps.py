"""Gap analysis: what a plan (or all plans) leaves uncovered, each finding with its explanation.

Every function reads the graph through a catalog query (named in the finding's ``query``), so
an analyst can rerun the same question in SPARQL. Factor gaps rest on the curated links in
``data/links/``: a gap means that no curated link ties any of the plan's activities to the
factor.

Examples
--------
>>> import andtsgraph
>>> from andtsgraph.analysis import gaps
>>> kg = andtsgraph.load()
>>> [g.label for g in gaps.uncovered_factors(kg, plan="vaxjo", kind="risk")][:2]
['Lägre socioekonomisk position', 'Sämre skolprestationer']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from andtsgraph.enums import Dimension, FactorKind, GapKind, Links, choose
from andtsgraph.knowledge_graph import KnowledgeGraph
from andtsgraph.namespaces import plan_id_of
from andtsgraph.results import Result, ResultList, records_to_json

if TYPE_CHECKING:
    import pandas

__all__ = [
    "NATIONAL_PLAN_ID",
    "CoverageMatrix",
    "Gap",
    "activities_without_indicator",
    "activities_without_responsible",
    "all_gaps",
    "batch",
    "coverage_matrix",
    "empty_goals_and_areas",
    "matrix_gaps",
    "neighbour_covers",
    "uncovered_factors",
    "uncovered_national_goals",
]

NATIONAL_PLAN_ID = "national-2022-2025"


@dataclass(frozen=True)
class Gap(Result):
    """One finding: something expected that the plan does not cover.

    Lists of findings are :class:`~andtsgraph.results.ResultList`: ``to_records()``,
    ``to_dataframe()``, ``to_json()`` (the shape of ``andtsgraph gaps --json``).

    Attributes
    ----------
    kind : GapKind
        ``risk-factor``, ``protective-factor``, ``national-goal``, ``empty-goal``,
        ``empty-area``, ``no-indicator``, ``no-responsible``, ``matrix-cell``,
        ``matrix-empty``, ``neighbour-covers`` (:class:`~andtsgraph.enums.GapKind`).
    plan : str or None
        The plan's id (None for findings across all plans).
    iri : str
        The thing not covered (a factor, a national goal, an area, an activity …).
    label : str
        Its readable label.
    explanation : str
        What was expected, what was found, and what the finding rests on.
    query : str
        The catalog query that produced it.
    details : dict
        Further facts (domain, section, counts …).
    """

    kind: GapKind
    plan: str | None
    iri: str
    label: str
    explanation: str
    query: str
    details: dict[str, Any] = field(default_factory=dict)


class _Batch:
    """Catalog query results over all plans, fetched once and split by plan.

    Every gap function asks one catalog query per plan; for a report on hundreds of plans that
    is thousands of queries (and ``factor-activities`` over all plans for each one). Within
    :func:`batch`, each query runs once, without a plan, and each plan gets its own rows: the
    same rows in the same order, since every such query only filters on ``?plan``.
    """

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self._all: dict[str, list[dict[str, Any]]] = {}
        self._by_plan: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._derived: dict[str, Any] = {}

    def rows(self, query: str, plan_iri: str | None) -> list[dict[str, Any]]:
        if query not in self._all:
            self._all[query] = self.kg.query(query).to_records()
        if plan_iri is None:
            return self._all[query]
        if query not in self._by_plan:
            split: dict[str, list[dict[str, Any]]] = {}
            for r in self._all[query]:
                split.setdefault(r["plan"], []).append(r)
            self._by_plan[query] = split
        return self._by_plan[query].get(plan_iri, [])

    def derived(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]


_BATCH: ContextVar[_Batch | None] = ContextVar("andtsgraph_gap_batch", default=None)


@contextmanager
def batch(kg: KnowledgeGraph) -> Iterator[None]:
    """Within the block, gap functions on ``kg`` share one run of each catalog query.

    The answers are the same as without it; a report on all 311 plans of a national corpus
    needs a few dozen queries instead of several thousand. :func:`all_gaps` and
    :func:`andtsgraph.report.build_report` use it; use it around your own loops over plans.
    The graph must not change inside the block.

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> with batch(kg):
    ...     found = [len(uncovered_factors(kg, p.id)) for p in kg.plans if p.activities]
    >>> found == [len(uncovered_factors(kg, p.id)) for p in kg.plans if p.activities]
    True
    """
    token = _BATCH.set(_Batch(kg))
    try:
        yield
    finally:
        _BATCH.reset(token)


def _query(kg: KnowledgeGraph, query: str, plan_iri: str | None = None) -> Sequence[dict]:
    """Rows of a catalog query, for one plan or all: from the batch, if one is open."""
    current = _BATCH.get()
    if current is not None and current.kg is kg:
        return current.rows(query, plan_iri)
    return kg.query(query, plan=plan_iri) if plan_iri else kg.query(query)


def _derived(kg: KnowledgeGraph, key: str, make: Callable[[], Any]) -> Any:
    """A value computed from query rows: once per batch, or every time without one."""
    current = _BATCH.get()
    if current is not None and current.kg is kg:
        return current.derived(key, make)
    return make()


def _plan_iri(kg: KnowledgeGraph, plan: str | None) -> str | None:
    return None if plan is None else kg.plan(plan).iri


def _plan_titles(kg: KnowledgeGraph) -> dict[str, str]:
    return {p.iri: p.title for p in kg.plans}


def uncovered_factors(
    kg: KnowledgeGraph,
    plan: str | None = None,
    kind: FactorKind | str | None = None,
    links: Links | str = Links.CURATED,
) -> ResultList[Gap]:
    """Risk and protective factors that no activity of a plan addresses.

    Parameters
    ----------
    kg : KnowledgeGraph
    plan : str, optional
        A plan id or IRI; every plan with activities when omitted.
    kind : FactorKind or {"risk", "protective"}, optional
        Only risk or only protective factors. The gap kinds ``"risk-factor"`` and
        ``"protective-factor"`` name the same (:class:`~andtsgraph.enums.FactorKind`).
    links : Links or {"curated", "suggested", "both"}
        What counts as an activity addressing a factor: the curated links (default), the
        suggested links (:func:`andtsgraph.analysis.suggest.suggest_links`, for a plan nobody
        has curated), or either. Each finding says which (``details["links"]``).

    Returns
    -------
    ResultList of Gap
        One per plan and factor, ordered by plan, kind and the factor's notation.

    Raises
    ------
    ChoiceError
        For another ``kind`` or ``links`` (the message lists the allowed ones).

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> "Langning" in [g.label for g in uncovered_factors(kg, plan="vaxjo")]
    True
    >>> uncovered_factors(kg, "vaxjo", "risk") == uncovered_factors(kg, "vaxjo", "risk-factor")
    True
    """
    wanted = None if kind is None else choose(FactorKind, kind, "kind")
    links = choose(Links, links, "links")
    rows = _query(kg, "uncovered-factors-by-plan", _plan_iri(kg, plan))
    domains = _derived(kg, "factor-domains", lambda: _factor_domains(kg))
    counts = _derived(kg, "factor-link-counts", lambda: _factor_link_counts(kg))
    titles = _derived(kg, "plan-titles", lambda: _plan_titles(kg))
    suggested: dict[str, list] = {}
    if links is not Links.CURATED:
        suggested = _suggested(kg, plan, "factor")
        rows = _suggested_factor_rows(kg, plan, rows, suggested, links)
    gaps: ResultList[Gap] = ResultList()
    for r in rows:
        row_kind = FactorKind(r["kind"])
        if wanted is not None and row_kind is not wanted:
            continue
        plan_id = plan_id_of(r["plan"])
        factor_kind = "risk factor" if row_kind is FactorKind.RISK else "protective factor"
        found_among = {
            Links.CURATED: f"{counts.get(r['plan'], 0)} curated factor links of this plan (data/links)",
            Links.SUGGESTED: f"{len(suggested.get(plan_id, []))} suggested factor links of this plan ({_SUGGESTED})",
            Links.BOTH: f"{counts.get(r['plan'], 0)} curated factor links of this plan (data/links) and its {len(suggested.get(plan_id, []))} suggested ones ({_SUGGESTED})",
        }[links]
        gaps.append(
            Gap(
                kind=row_kind.gap_kind,
                plan=plan_id,
                iri=r["factor"],
                label=r["label"],
                explanation=(
                    f"Expected at least one activity of {titles.get(r['plan'], plan_id)} to address the {factor_kind} "
                    f"'{r['label']}' ({domains.get(r['factor']) or 'no domain'}); found none among the "
                    f"{found_among}."
                ),
                query="uncovered-factors-by-plan",
                details={
                    "domains": domains.get(r["factor"]),
                    "notation": r["notation"],
                    "links": links.value,
                },
            )
        )
    return gaps


def _factor_domains(kg: KnowledgeGraph) -> dict[str, str | None]:
    # GROUP_CONCAT leaves the order open: sort, so explanations read the same on every run.
    return {
        r["factor"]: ", ".join(sorted(r["domains"].split(", "))) if r["domains"] else None
        for r in _query(kg, "factor-activities")
    }


def _factor_link_counts(kg: KnowledgeGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in _query(kg, "factor-activities"):
        if r["activity"] is not None:
            counts[r["plan"]] = counts.get(r["plan"], 0) + 1
    return counts


_SUGGESTED = "andtsgraph links suggest: word similarity, unchecked suggestions, not curated links"


def _suggested(kg: KnowledgeGraph, plan: str | None, kind: str) -> dict[str, list]:
    """Plan id → its suggestions of ``kind``: in a batch, made once for all plans."""
    from andtsgraph.analysis import suggest

    def by_plan(found: Iterable[suggest.Suggestion]) -> dict[str, list]:
        split: dict[str, list] = {}
        for s in found:
            split.setdefault(s.plan, []).append(s)
        return split

    current = _BATCH.get()
    if plan is None or (current is not None and current.kg is kg):
        return _derived(
            kg, f"suggested-{kind}", lambda: by_plan(suggest.suggest_links(kg, kind=kind))
        )
    return by_plan(suggest.suggest_links(kg, plan, kind))


def _suggested_factor_rows(
    kg: KnowledgeGraph,
    plan: str | None,
    curated_rows: Sequence[dict],
    suggested: Mapping[str, list],
    links: Links,
) -> Sequence[dict]:
    """Rows of ``uncovered-factors-by-plan`` with suggestions counted as links."""
    from andtsgraph.analysis import suggest

    if links is Links.BOTH:
        rows = curated_rows
    else:  # every factor is uncovered until a suggestion covers it
        plans = [kg.plan(plan)] if plan else kg.plans
        factors = suggest.targets(kg, "factor")
        rows = sorted(
            (
                {"plan": p.iri, "factor": iri, "label": label, "kind": group, "notation": notation}
                for p in plans
                if p.activities
                for iri, label, group, notation in factors
            ),
            key=lambda r: (r["plan"], r["kind"], r["notation"] or ""),
        )
    return [
        r
        for r in rows
        if r["factor"] not in {s.target for s in suggested.get(plan_id_of(r["plan"]), [])}
    ]


def uncovered_national_goals(
    kg: KnowledgeGraph, plan: str | None = None, links: Links | str = Links.CURATED
) -> ResultList[Gap]:
    """National goals that no goal, area or activity of a plan is aligned with.

    Alignment comes from the curated links (``andts:alignsWith``); a plan part counts when it,
    or the area or goal it sits under, is aligned. With ``links="suggested"`` (or ``"both"``)
    the suggested alignments of the plan's goals and areas count instead (or as well).

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> [g.details["notation"] for g in uncovered_national_goals(kg, plan="kronoberg")]
    ['7']
    """
    links = choose(Links, links, "links")
    rows = _query(kg, "national-goal-coverage", _plan_iri(kg, plan))
    titles = _derived(kg, "plan-titles", lambda: _plan_titles(kg))
    if links is not Links.CURATED:
        suggested = _suggested(kg, plan, "national-goal")
        aligned = {p: {s.target for s in found} for p, found in suggested.items()}
        basis = (
            f"no goal or area of the plan has a suggested alignment with it ({_SUGGESTED})"
            if links is Links.SUGGESTED
            else f"no part of the plan is aligned with it in the curated links (data/links), and no goal or area has a suggested alignment ({_SUGGESTED})"
        )
        return ResultList(
            Gap(
                kind=GapKind.NATIONAL_GOAL,
                plan=plan_id_of(r["plan"]),
                iri=r["nationalGoal"],
                label=r["label"],
                explanation=f"Expected {titles.get(r['plan'])} to serve national goal {r['notation']} through some goal, area or activity; {basis}.",
                query="national-goal-coverage",
                details={"notation": r["notation"], "links": links.value},
            )
            for r in rows
            if r["nationalGoal"] not in aligned.get(plan_id_of(r["plan"]), set())
            and (links is Links.SUGGESTED or (not r["alignedParts"] and not r["activities"]))
        )
    return ResultList(
        Gap(
            kind=GapKind.NATIONAL_GOAL,
            plan=plan_id_of(r["plan"]),
            iri=r["nationalGoal"],
            label=r["label"],
            explanation=(
                f"Expected {titles.get(r['plan'])} to serve national goal {r['notation']} through some goal, area or "
                "activity; no part of the plan is aligned with it in the curated links (data/links)."
            ),
            query="national-goal-coverage",
            details={"notation": r["notation"], "links": Links.CURATED.value},
        )
        for r in rows
        if not r["alignedParts"] and not r["activities"]
    )


def empty_goals_and_areas(kg: KnowledgeGraph, plan: str | None = None) -> ResultList[Gap]:
    """Goals and areas of a plan under which no activity sits.

    Examples
    --------
    >>> import andtsgraph
    >>> empty_goals_and_areas(andtsgraph.load())
    []
    """
    rows = _query(kg, "empty-goals-and-areas", _plan_iri(kg, plan))
    return ResultList(
        Gap(
            kind=GapKind.EMPTY_GOAL if "goal" in r["kind"] else GapKind.EMPTY_AREA,
            plan=plan_id_of(r["plan"]),
            iri=r["part"],
            label=r["label"],
            explanation=f"Expected at least one activity under the {r['kind']} '{r['label']}'; the plan gives none.",
            query="empty-goals-and-areas",
            details={"notation": r["notation"]},
        )
        for r in rows
    )


def activities_without_indicator(kg: KnowledgeGraph, plan: str | None = None) -> ResultList[Gap]:
    """Activities that no indicator follows up.

    Examples
    --------
    >>> import andtsgraph
    >>> len(activities_without_indicator(andtsgraph.load(), plan="vaxjo"))
    23
    """
    return _activity_gaps(
        kg, plan, "activities-without-indicator", GapKind.NO_INDICATOR, "an indicator (uppföljning)"
    )


def activities_without_responsible(kg: KnowledgeGraph, plan: str | None = None) -> ResultList[Gap]:
    """Activities for which the plan names no responsible actor.

    Examples
    --------
    >>> import andtsgraph
    >>> activities_without_responsible(andtsgraph.load())
    []
    """
    return _activity_gaps(
        kg, plan, "activities-without-responsible", GapKind.NO_RESPONSIBLE, "a responsible actor"
    )


def _activity_gaps(
    kg: KnowledgeGraph, plan: str | None, query: str, kind: GapKind, expected: str
) -> ResultList[Gap]:
    return ResultList(
        Gap(
            kind=kind,
            plan=plan_id_of(r["plan"]),
            iri=r["activity"],
            label=r["label"],
            explanation=f"Expected {expected} for the activity in section {r['section']}; the plan gives none.",
            query=query,
            details={"section": r["section"]},
        )
        for r in _query(kg, query, _plan_iri(kg, plan))
    )


@dataclass(frozen=True)
class CoverageMatrix(Result):
    """Counts of activities per (row concept, prevention level) for one plan.

    ``to_records()`` and ``to_json()`` give one record per cell; ``to_dataframe()`` the
    matrix itself (rows × prevention levels).

    Attributes
    ----------
    plan : str
        The plan id.
    rows, columns : list of (iri, label)
        The row concepts (substances or target groups) and the prevention levels, in order.
    counts : dict
        ``(row_iri, column_iri)`` → number of activities.
    """

    plan: str
    dimension: Dimension
    rows: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    counts: dict[tuple[str, str], int]

    def empty_cells(self) -> list[tuple[str, str]]:
        """Return the (row label, column label) pairs with no activity."""
        return [
            (rl, cl) for r, rl in self.rows for c, cl in self.columns if not self.counts.get((r, c))
        ]

    def to_records(self) -> list[dict[str, Any]]:
        """Return one record per cell: the row concept, the level and the activities."""
        return [
            {
                "plan": self.plan,
                "dimension": self.dimension.value,
                "row": r,
                "row_label": rl,
                "level": c,
                "level_label": cl,
                "activities": self.counts.get((r, c), 0),
            }
            for r, rl in self.rows
            for c, cl in self.columns
        ]

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the cells' records as a JSON list."""
        return records_to_json(self.to_records(), indent)

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the matrix as a pandas DataFrame (rows × prevention levels)."""
        import pandas as pd

        return pd.DataFrame(
            [[self.counts.get((r, c), 0) for c, _ in self.columns] for r, _ in self.rows],
            index=[label for _, label in self.rows],
            columns=[label for _, label in self.columns],
        )


def coverage_matrix(
    kg: KnowledgeGraph, plan: str, dimension: Dimension | str = Dimension.SUBSTANCE
) -> CoverageMatrix:
    """The substance × prevention level (or target group × prevention level) matrix of a plan.

    Parameters
    ----------
    dimension : Dimension or {"substance", "target-group"}

    Raises
    ------
    ChoiceError
        For another ``dimension`` (the message lists the allowed ones).

    Examples
    --------
    >>> import andtsgraph
    >>> m = coverage_matrix(andtsgraph.load(), "vaxjo")
    >>> m.to_dataframe().loc["Alkohol", "Indikerad"]
    np.int64(1)
    """
    dimension = choose(Dimension, dimension, "dimension")
    query = "substance-level-matrix" if dimension == "substance" else "target-group-level-matrix"
    key, label = (
        ("substance", "substanceLabel") if dimension == "substance" else ("group", "groupLabel")
    )
    result = _query(kg, query, _plan_iri(kg, plan))
    counts = {(r[key], r["level"]): int(r["activities"]) for r in result}
    # Engines differ in how they order after GROUP BY, so sort here: substances in the ANDTS
    # order of their notations, target groups by label, levels by their notations 1–3.
    row_order = {
        (r[key], r[label]): ("ANDTS".find(r.get("substanceOrder") or "~"), r[label]) for r in result
    }
    column_order = {(r["level"], r["levelLabel"]): r["levelOrder"] for r in result}
    rows = sorted(row_order, key=lambda k: row_order[k])
    columns = sorted(column_order, key=lambda k: column_order[k])
    return CoverageMatrix(kg.plan(plan).id, dimension, rows, columns, counts)


def matrix_gaps(
    kg: KnowledgeGraph, plan: str, dimension: Dimension | str = Dimension.SUBSTANCE
) -> ResultList[Gap]:
    """The empty cells of a plan's coverage matrix, as findings.

    Examples
    --------
    >>> import andtsgraph
    >>> ("Tobak och nikotin", "Indikerad") in [g.details["cell"] for g in matrix_gaps(andtsgraph.load(), "vaxjo")]
    True
    """
    matrix = coverage_matrix(kg, plan, dimension)
    dimension = matrix.dimension
    what = "name the substance" if dimension == "substance" else "aim at the target group"
    query = "substance-level-matrix" if dimension == "substance" else "target-group-level-matrix"
    if not any(matrix.counts.values()):
        # Fifteen empty cells would say less than this one finding.
        info = kg.plan(plan)
        return ResultList(
            [
                Gap(
                    kind=GapKind.MATRIX_EMPTY,
                    plan=info.id,
                    iri=info.iri,
                    label=f"{info.title}: no {dimension.replace('-', ' ')} × prevention level",
                    explanation=(
                        f"No activity of the plan both {'names a substance' if dimension == 'substance' else 'aims at a target group'} "
                        "and has a prevention level (stated, or curated in data/links), so the coverage matrix is empty."
                    ),
                    query=query,
                    details={"dimension": dimension},
                )
            ]
        )
    return ResultList(
        Gap(
            kind=GapKind.MATRIX_CELL,
            plan=matrix.plan,
            iri=r,
            label=f"{rl} × {cl}",
            explanation=f"No activity of the plan {what} '{rl}' at the {cl.lower()} prevention level.",
            query=query,
            details={"cell": (rl, cl), "dimension": dimension, "level": c},
        )
        for r, rl in matrix.rows
        for c, cl in matrix.columns
        if not matrix.counts.get((r, c))
    )


def neighbour_covers(kg: KnowledgeGraph, plan: str, neighbour: str) -> ResultList[Gap]:
    """What a neighbouring plan covers that ``plan`` does not: factors its activities address,
    national goals it serves, and substance × level cells it fills.

    Examples
    --------
    >>> import andtsgraph
    >>> found = neighbour_covers(andtsgraph.load(), "vaxjo", "kronoberg")
    >>> "Langning" in [g.label for g in found if g.details["aspect"] == "factor"]
    True
    """
    own, other = kg.plan(plan), kg.plan(neighbour)
    gaps: ResultList[Gap] = ResultList()
    own_factors = {g.iri for g in uncovered_factors(kg, own.id)}
    other_factors = {g.iri for g in uncovered_factors(kg, other.id)}
    labels = {r["factor"]: r["label"] for r in _query(kg, "uncovered-factors-by-plan")}
    labels.update({r["factor"]: r["factorLabel"] for r in _query(kg, "factor-activities")})
    for iri in sorted(own_factors - other_factors, key=lambda i: labels.get(i, i)):
        gaps.append(
            Gap(
                GapKind.NEIGHBOUR_COVERS,
                own.id,
                iri,
                labels.get(iri, iri),
                f"{other.title} has activities addressing '{labels.get(iri, iri)}'; {own.title} has none (curated links).",
                "uncovered-factors-by-plan",
                {"aspect": "factor", "neighbour": other.id},
            )
        )
    own_goals = {g.iri for g in uncovered_national_goals(kg, own.id)}
    other_goals = {g.iri: g for g in uncovered_national_goals(kg, other.id)}
    goal_labels = {r["nationalGoal"]: r["label"] for r in _query(kg, "national-goal-coverage")}
    for iri in sorted(own_goals - set(other_goals)):
        gaps.append(
            Gap(
                GapKind.NEIGHBOUR_COVERS,
                own.id,
                iri,
                goal_labels.get(iri, iri),
                f"{other.title} serves this national goal; {own.title} does not (curated alignment).",
                "national-goal-coverage",
                {"aspect": "national-goal", "neighbour": other.id},
            )
        )
    mine, theirs = coverage_matrix(kg, own.id), coverage_matrix(kg, other.id)
    labels_of = dict(mine.rows) | dict(mine.columns)
    for (r, c), n in sorted(theirs.counts.items()):
        if n and not mine.counts.get((r, c)):
            cell = f"{labels_of.get(r, r)} × {labels_of.get(c, c)}"
            gaps.append(
                Gap(
                    GapKind.NEIGHBOUR_COVERS,
                    own.id,
                    r,
                    cell,
                    f"{other.title} has {n} activities for {cell}; {own.title} has none.",
                    "substance-level-matrix",
                    {"aspect": "substance-level", "neighbour": other.id, "level": c},
                )
            )
    return gaps


def all_gaps(
    kg: KnowledgeGraph, plan: str | None = None, links: Links | str = Links.CURATED
) -> ResultList[Gap]:
    """Every gap finding for one plan or for all plans with activities.

    Returns factor gaps, uncovered national goals, empty goals and areas, activities without
    indicator or responsible, and empty substance × prevention level cells. ``links``
    chooses what factor and national-goal gaps rest on (see :func:`uncovered_factors`).

    Examples
    --------
    >>> import andtsgraph
    >>> kinds = {g.kind.value for g in all_gaps(andtsgraph.load(), plan="vaxjo")}
    >>> sorted(kinds)
    ['matrix-cell', 'national-goal', 'no-indicator', 'risk-factor']
    """
    links = choose(Links, links, "links")
    if plan:
        return _plan_gaps(kg, kg.plan(plan).id, links)
    found: ResultList[Gap] = ResultList()
    # All plans: each catalog query once, split by plan (one plan alone asks for its own rows).
    with batch(kg):
        for p in kg.plans:
            if p.activities:
                found += _plan_gaps(kg, p.id, links)
    return found


def _plan_gaps(kg: KnowledgeGraph, plan_id: str, links: Links = Links.CURATED) -> ResultList[Gap]:
    found = uncovered_factors(kg, plan_id, links=links)
    found += uncovered_national_goals(kg, plan_id, links) if plan_id != NATIONAL_PLAN_ID else []
    found += empty_goals_and_areas(kg, plan_id)
    found += activities_without_indicator(kg, plan_id)
    found += activities_without_responsible(kg, plan_id)
    found += matrix_gaps(kg, plan_id)
    return found
