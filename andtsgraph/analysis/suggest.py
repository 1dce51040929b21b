"""Suggested links: which risk and protective factors an activity may address, and which
national goals a goal or area may serve, ranked by lexical similarity, each with its evidence.

Suggestions are not facts. They are made from words alone (the words of the plan and those of
the factors' labels, other names, definitions and examples, or of the national goals), so
they miss what a reader infers and find what merely sounds alike; the README gives their
measured precision and recall against the curated links. They never go to ``data/links``:
:func:`suggestions_graph` writes them, with their score, evidence and provenance (PROV), for
the named graph :data:`SUGGESTED_LINKS_GRAPH`.

How a suggestion is made
------------------------
Every factor (and every national goal) is one document: the words of its labels and
definition, reduced to matching keys by :mod:`andtsgraph.analysis.swedish` (stop list,
Snowball stem, compound parts). bm25s indexes those documents with BM25, so a word that many
factors share ("förälder") counts less than one only a single factor has ("langning"). An
activity's words are weighted by where they stand: its own label and description in full, its
indicators, its area and its goal at :data:`WEIGHTS` (an area or goal is scored on its own
words, its parents' and those of the activities under it). A word counts once, at its best
place. The score is the summed BM25 weight of the matched words divided by the weight of all
the target's own words: the weighted share of what the factor says that the activity also
says (1.0 for a goal that quotes a national goal word for word). Dividing makes scores of long
and short plans comparable, so that a threshold chosen on some plans holds for others. A factor
is suggested when its score reaches the threshold; at most ``top`` per activity, best first.

Factors are suggested for activities (curated factor links tie activities to factors);
national goals for goals and areas (curated alignments are made there, and an activity counts
as aligned through its area or goal, see the ``national-goal-coverage`` query).

Examples
--------
>>> import andtsgraph
>>> kg = andtsgraph.load()
>>> found = suggest_links(kg, plan="kronoberg", kind="factor")
>>> [s.target_label for s in found if s.source.endswith("a-07-2")][:1]
['Langning']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from andtsgraph.analysis import swedish
from andtsgraph.enums import LinkKind, choose
from andtsgraph.errors import AndtsError, AndtsWarning, ChoiceError
from andtsgraph.knowledge_graph import KnowledgeGraph
from andtsgraph.messages import text as _msg
from andtsgraph.namespaces import ANDTS, BASE, GRAPH, PREFIXES, PROV, plan_id_of
from andtsgraph.results import Result, ResultList

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP",
    "KINDS",
    "SUGGESTED_LINKS_GRAPH",
    "WEIGHTS",
    "Evidence",
    "Index",
    "Suggestion",
    "add_suggestions",
    "covered",
    "import_log_lines",
    "import_result_lines",
    "index",
    "source_count",
    "strategies_of",
    "suggest_links",
    "suggestion_iri",
    "suggestions_graph",
    "targets",
    "write_suggestions",
]

#: The named graph suggestions go to, apart from the curated links.
SUGGESTED_LINKS_GRAPH = str(GRAPH["suggested-links"])
SUGGESTION = Namespace(BASE + "suggestion/")
#: The software agent of the provenance.
TOOL = URIRef(BASE + "tool/andtsgraph")

FACTOR, NATIONAL_GOAL = LinkKind.FACTOR, LinkKind.NATIONAL_GOAL
KINDS = tuple(LinkKind)
#: The property a suggestion of each kind proposes (the curated links use the same).
PREDICATES = {FACTOR: str(ANDTS.addressesFactor), NATIONAL_GOAL: str(ANDTS.alignsWith)}
#: The lowest score a suggestion needs, by kind: the threshold with the best F1 against the
#: curated links of the three bundled plans together (0.37 and 0.87), rounded down to a
#: multiple of 0.05. The evaluation (benchmarks/link_suggestions.py) does not use these: it
#: chooses a threshold for each held-out plan on the other two plans only.
DEFAULT_THRESHOLD = {FACTOR: 0.35, NATIONAL_GOAL: 0.85}
#: Suggestions kept per activity (or goal or area), best first.
DEFAULT_TOP = 3
#: How much a word counts by where it stands, relative to the activity's own text. Set by
#: reasoning, not tuned: the activity's own words say most, its surroundings less.
WEIGHTS = {"own": 1.0, "indicator": 0.5, "parent": 0.5, "child": 0.5}

_SOURCE_CLASSES = {
    str(ANDTS.Activity): "activity",
    str(ANDTS.ActionArea): "area",
    str(ANDTS.DevelopmentArea): "area",
    str(ANDTS.OverarchingGoal): "goal",
    str(ANDTS.SubGoal): "goal",
}

_PARTS = """
SELECT ?plan ?part ?cls ?field ?text ?section WHERE {
  VALUES ?cls { andts:Activity andts:ActionArea andts:DevelopmentArea andts:OverarchingGoal andts:SubGoal }
  ?part a ?cls ; andts:inPlan ?plan .
  FILTER NOT EXISTS { ?plan a andts:NationalStrategy }
  { ?part rdfs:label ?text BIND("label" AS ?field) }
  UNION { ?part dcterms:description ?text BIND("description" AS ?field) }
  UNION { ?indicator andts:indicatorOf ?part ; rdfs:label ?text BIND("indicator" AS ?field) }
  FILTER(LANG(?text) IN ("sv", ""))
  OPTIONAL { ?part andts:sourceSection ?section }
}
"""
_TREE = """
SELECT ?part ?parent WHERE {
  ?part andts:inPlan ?plan ; andts:partOf ?parent . ?parent andts:inPlan ?plan .
  FILTER NOT EXISTS { ?plan a andts:NationalStrategy }
}
"""
_FACTORS = """
SELECT ?target ?group ?notation ?field ?text WHERE {
  VALUES (?cls ?group) { (andts:RiskFactor "risk") (andts:ProtectiveFactor "protective") }
  VALUES (?property ?field) {
    (skos:prefLabel "label") (skos:altLabel "other name") (skos:definition "definition") (skos:example "example")
  }
  ?target a ?cls ; ?property ?text . FILTER(LANG(?text) IN ("sv", ""))
  OPTIONAL { ?target skos:notation ?notation }
}
"""
# The national goals are the goals of whatever national strategy is loaded: no goal IRI is
# named here, so a rewritten strategy (more goals, other IRIs) works unchanged.
_NATIONAL_GOALS = """
SELECT ?target ?group ?notation ?field ?text WHERE {
  VALUES ?cls { andts:OverarchingGoal andts:SubGoal }
  VALUES (?property ?field) {
    (rdfs:label "label") (skos:prefLabel "label") (skos:altLabel "other name")
    (skos:definition "definition") (dcterms:description "description")
  }
  ?plan a andts:NationalStrategy . ?target a ?cls ; andts:inPlan ?plan ; ?property ?text .
  FILTER(LANG(?text) IN ("sv", ""))
  OPTIONAL { ?target skos:notation ?notation }
  BIND(STR(?plan) AS ?group)
}
"""


@dataclass(frozen=True)
class Evidence(Result):
    """One matched word: where it stands in the plan and what it matched.

    Attributes
    ----------
    key : str
        The matching key both sides share (a stem, see :func:`andtsgraph.analysis.swedish.key`).
    words : tuple of str
        The plan's words (or compound parts) with that key.
    where : tuple of str
        Where they stand: ``activity``, ``indicator``, ``area``, ``goal``, or ``activity under
        it`` (for an area or goal).
    matched : tuple of str
        The target's words with that key.
    matched_in : tuple of str
        Where they stand in the target: ``label``, ``other name``, ``definition``, ``example``.
    weight : float
        What the word adds to the score.
    """

    key: str
    words: tuple[str, ...]
    where: tuple[str, ...]
    matched: tuple[str, ...]
    matched_in: tuple[str, ...]
    weight: float

    def __str__(self) -> str:
        return self.describe("en")

    def describe(self, lang: str = "en") -> str:
        """One line: the plan's words (where) ~ the target's words (where) +weight.

        Examples
        --------
        >>> e = Evidence("lang", ("langning",), ("activity",), ("langning",), ("label",), 0.13)
        >>> e.describe("sv")
        'langning (insats) ~ langning (namn) +0.13'
        """
        from andtsgraph.messages import text

        def places(names: tuple[str, ...]) -> str:
            return ", ".join(text(f"suggest.where.{n}", lang) for n in names)

        return (
            f"{'/'.join(self.words)} ({places(self.where)}) ~ "
            f"{'/'.join(self.matched)} ({places(self.matched_in)}) +{self.weight:.2f}"
        )


@dataclass(frozen=True)
class Suggestion(Result):
    """A suggested link from a part of a plan to a factor or national goal.

    Attributes
    ----------
    kind : LinkKind
        ``factor`` or ``national-goal``.
    plan : str
        The plan's id.
    source, source_label, source_kind, section : str
        The activity (or goal or area), its label, ``activity``/``area``/``goal`` and its
        section in the source (None if it has none).
    predicate : str
        The property proposed: ``andts:addressesFactor`` or ``andts:alignsWith``.
    target, target_label : str
        The factor or national goal and its label.
    target_group : str
        ``risk`` or ``protective`` for a factor; the national strategy's IRI for a goal.
    notation : str or None
        The target's notation (R7, S5, a goal's number).
    score : float
        The summed BM25 weight of the matched words over that of all the target's words.
    rank : int
        1 for the best suggestion of its source and kind.
    evidence : tuple of Evidence
        The matched words, heaviest first.
    """

    kind: LinkKind
    plan: str
    source: str
    source_label: str
    source_kind: str
    section: str | None
    predicate: str
    target: str
    target_label: str
    target_group: str
    notation: str | None
    score: float
    rank: int
    evidence: tuple[Evidence, ...] = field(default=())

    def to_record(self) -> dict[str, Any]:
        """The suggestion as plain data (the shape of ``andtsgraph links suggest --json``),
        scores rounded to three decimals."""
        found = super().to_record()
        found["score"] = round(self.score, 3)
        for e in found["evidence"]:
            e["weight"] = round(e["weight"], 3)
        return found


@dataclass
class _Target:
    iri: str
    group: str
    notation: str | None
    label: str = ""
    fields: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class _Part:
    iri: str
    plan: str
    kind: str
    section: str | None
    label: str = ""
    texts: dict[str, list[str]] = field(default_factory=dict)
    ancestors: list[_Part] = field(default_factory=list)
    descendants: list[_Part] = field(default_factory=list)


class Index:
    """The BM25 index of one kind of target (factors or national goals), built once per
    graph state by :func:`index`.

    Attributes
    ----------
    kind : LinkKind
    targets : list
        The targets, in the order of the index's documents.
    weights : dict
        Matching key → array of its BM25 weight in each target.
    words : list of dict
        For each target: key → [(word, field)] of the target's own words.
    lexicon : frozenset
        The keys of the targets' whole words, for splitting compounds.
    """

    def __init__(self, kind: LinkKind, targets: list[_Target], lexicon: frozenset[str]) -> None:
        import bm25s

        self.kind = kind
        self.targets = targets
        self.lexicon = lexicon
        self.words: list[dict[str, list[tuple[str, str]]]] = []
        documents = []
        for target in targets:
            keys: list[str] = []
            found: dict[str, list[tuple[str, str]]] = {}
            for where, texts in target.fields.items():
                for text in texts:
                    for word in swedish.words(text):
                        for k, part in swedish.keys_of(word, lexicon):
                            keys.append(k)
                            found.setdefault(k, []).append((part, where))
            documents.append(keys or [""])
            self.words.append(found)
        self.weights: dict[str, Any] = {}
        if not targets:
            return
        retriever = bm25s.BM25()
        retriever.index(documents, show_progress=False)
        for k in {k for doc in documents for k in doc if k}:
            self.weights[k] = retriever.get_scores([k])
        # What a text that said everything the target says would score: the score divided by
        # it is the weighted share of the target's words that a part matches.
        import numpy as np

        self.full = np.array(
            [
                sum(float(self.weights[k][i]) for k in set(doc) if k) or 1.0
                for i, doc in enumerate(documents)
            ]
        )
        self.rows = {k: i for i, k in enumerate(self.weights)}
        self.matrix = (
            np.vstack(list(self.weights.values())) / self.full
            if self.weights
            else np.zeros((0, len(targets)))
        )
        self._pairs: dict[str, list[tuple[str, str]]] = {}

    def matching(self, text: str) -> list[tuple[str, str]]:
        """(key, word or part) of a text's words that some target has; a compound whose whole
        key matches counts once, not again through its parts. Cached: plans repeat texts (an
        area's words stand beside each of its activities)."""
        found = self._pairs.get(text)
        if found is None:
            found = []
            for word in swedish.words(text):
                pairs = swedish.keys_of(word, self.lexicon)
                if pairs[0][0] in self.weights:
                    pairs = pairs[:1]
                found += [(k, piece) for k, piece in pairs if k in self.weights]
            self._pairs[text] = found
        return found


def _records(kg: KnowledgeGraph, query: str, **params: Any) -> list[dict[str, Any]]:
    return kg.query(query, **{k: v for k, v in params.items() if v is not None}).to_records()


def _read_targets(kg: KnowledgeGraph, kind: str) -> list[_Target]:
    rows = _records(kg, _FACTORS if kind == FACTOR else _NATIONAL_GOALS)
    targets: dict[str, _Target] = {}
    for r in rows:
        t = targets.setdefault(
            r["target"], _Target(r["target"], r["group"], _text(r.get("notation")))
        )
        t.fields.setdefault(r["field"], [])
        if str(r["text"]) not in t.fields[r["field"]]:
            t.fields[r["field"]].append(str(r["text"]))
    for t in targets.values():
        t.fields = {k: sorted(v) for k, v in sorted(t.fields.items())}
        t.label = (t.fields.get("label") or [t.iri])[0]
    return sorted(targets.values(), key=lambda t: (t.group, _natural(t.notation), t.iri))


def targets(kg: KnowledgeGraph, kind: LinkKind | str) -> list[tuple[str, str, str, str | None]]:
    """(IRI, label, group, notation) of every factor (group ``risk`` or ``protective``) or
    national goal (group: the strategy's IRI) that suggestions can point to.

    Examples
    --------
    >>> import andtsgraph
    >>> [t[1] for t in targets(andtsgraph.load(), "factor") if t[3] == "R7"]
    ['Langning']
    """
    kind = _check_kind(kind)
    return [(t.iri, t.label, t.group, t.notation) for t in _read_targets(kg, kind)]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _natural(notation: str | None) -> tuple:
    """R3.1 after R3 and before R10; no notation last."""
    if notation is None:
        return ((1, ""),)
    parts = []
    for piece in notation.replace(".", " ").split():
        digits = "".join(c for c in piece if c.isdigit())
        letters = "".join(c for c in piece if not c.isdigit())
        parts.append((0, letters, int(digits) if digits else 0))
    return tuple(parts)


def index(
    kg: KnowledgeGraph, kind: LinkKind | str, strategies: Iterable[str] | None = None
) -> Index:
    """The BM25 index of the factors (``kind="factor"``) or national goals of ``kg``.

    ``strategies`` keeps only the goals of those national strategies (IRIs); all loaded
    strategies' goals when omitted.

    Examples
    --------
    >>> import andtsgraph
    >>> idx = index(andtsgraph.load(), "factor")
    >>> len(idx.targets), idx.targets[0].notation
    (21, 'S1')
    """
    kind = _check_kind(kind)
    factors = _read_targets(kg, FACTOR)
    goals = _read_targets(kg, NATIONAL_GOAL)
    # One lexicon of both kinds' words, fixed by the vocabularies: a compound is split the
    # same way whichever plans are loaded.
    lexicon = frozenset(
        swedish.key(word)
        for target in factors + goals
        for texts in target.fields.values()
        for text in texts
        for word in swedish.words(text)
    )
    if strategies is not None:
        wanted = set(strategies)
        goals = [t for t in goals if t.group in wanted]
    return Index(kind, factors if kind == FACTOR else goals, lexicon)


_STRATEGIES = """
SELECT ?strategy ?from ?next WHERE {
  ?strategy a andts:NationalStrategy .
  OPTIONAL { ?strategy andts:validFrom ?from }
  OPTIONAL { ?strategy dcterms:isReplacedBy ?next }
}
"""
_BASED_ON = """
SELECT ?plan ?strategy WHERE { ?plan andts:basedOn ?strategy . ?strategy a andts:NationalStrategy }
"""


def strategies_of(kg: KnowledgeGraph) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Which national strategies each plan's parts are matched against: those the plan says it
    is based on (``andts:basedOn``); for a plan that names none, the current strategy (one no
    other replaces, ``dcterms:isReplacedBy``, the latest ``andts:validFrom`` among several).

    Returns
    -------
    (dict, frozenset)
        Plan IRI → its strategies, and the strategies of a plan that names none.

    Examples
    --------
    >>> import andtsgraph
    >>> named, default = strategies_of(andtsgraph.load())
    >>> sorted(default)
    ['https://w3id.org/andtsgraph/plan/national-2022-2025']
    """
    rows = _records(kg, _STRATEGIES)
    replaced = {r["strategy"] for r in rows if r.get("next")}
    current = {
        r["strategy"]: str(r.get("from") or "") for r in rows if r["strategy"] not in replaced
    }
    if current:
        latest = max(current.values())
        default = frozenset(s for s, start in current.items() if start == latest)
    else:
        default = frozenset(r["strategy"] for r in rows)
    named: dict[str, set[str]] = {}
    for r in _records(kg, _BASED_ON):
        named.setdefault(r["plan"], set()).add(r["strategy"])
    return {p: frozenset(v) for p, v in named.items()}, default


def _check_kind(kind: LinkKind | str) -> LinkKind:
    return choose(LinkKind, kind, "kind")


def _read_parts(kg: KnowledgeGraph, plan: str | None) -> list[_Part]:
    plan_iri = kg.plan(plan).iri if plan else None
    parts: dict[str, _Part] = {}
    for r in _records(kg, _PARTS, plan=plan_iri):
        kind = _SOURCE_CLASSES[r["cls"]]
        p = parts.setdefault(r["part"], _Part(r["part"], r["plan"], kind, _text(r.get("section"))))
        text = str(r["text"])
        if r["field"] == "label":
            p.label = text
        bucket = p.texts.setdefault(r["field"], [])
        if text not in bucket:
            bucket.append(text)
    parent_of = {r["part"]: r["parent"] for r in _records(kg, _TREE, plan=plan_iri)}
    children: dict[str, list[str]] = {}
    for child, parent in parent_of.items():
        children.setdefault(parent, []).append(child)
    for p in parts.values():
        p.texts = {k: sorted(v) for k, v in p.texts.items()}
        p.ancestors = _ancestors(p.iri, parent_of, parts)
        p.descendants = _descendants(p.iri, children, parts)
    return sorted(parts.values(), key=lambda p: (p.plan, p.section or "", p.iri))


def _ancestors(iri: str, parent_of: dict[str, str], parts: dict[str, _Part]) -> list[_Part]:
    found, seen = [], {iri}
    while iri in parent_of and parent_of[iri] not in seen:
        iri = parent_of[iri]
        seen.add(iri)
        if iri in parts:
            found.append(parts[iri])
    return found


def _descendants(iri: str, children: dict[str, list[str]], parts: dict[str, _Part]) -> list[_Part]:
    found, todo, seen = [], list(children.get(iri, [])), {iri}
    while todo:
        child = todo.pop()
        if child in seen:
            continue
        seen.add(child)
        if child in parts and parts[child].kind == "activity":
            found.append(parts[child])
        todo += children.get(child, [])
    return found


def _own_texts(part: _Part) -> list[str]:
    return part.texts.get("label", []) + part.texts.get("description", [])


def _placed_texts(part: _Part) -> list[tuple[str, float, str]]:
    """(text, weight, where) for everything a part is scored on."""
    placed = [(t, WEIGHTS["own"], part.kind) for t in _own_texts(part)]
    if part.kind == "activity":
        placed += [(t, WEIGHTS["indicator"], "indicator") for t in part.texts.get("indicator", [])]
    for ancestor in part.ancestors:
        placed += [(t, WEIGHTS["parent"], ancestor.kind) for t in _own_texts(ancestor)]
    if part.kind != "activity":
        for child in part.descendants:
            placed += [(t, WEIGHTS["child"], "activity under it") for t in _own_texts(child)]
    return placed


def score_part(
    part: _Part, idx: Index
) -> tuple[Any, dict[str, tuple[float, list[tuple[str, str]]]]]:
    """The summed weight of each target for one part, and each matched key's weight and
    (word, where) places."""
    import numpy as np

    keys: dict[str, tuple[float, list[tuple[str, str]]]] = {}
    for text, weight, where in _placed_texts(part):
        for k, piece in idx.matching(text):
            best, places = keys.get(k, (0.0, []))
            if (piece, where) not in places:
                places.append((piece, where))
            keys[k] = (max(best, weight), places)
    if not keys:
        return np.zeros(len(idx.targets)), keys
    rows = [idx.rows[k] for k in keys]
    weights = np.array([w for w, _ in keys.values()])
    return weights @ idx.matrix[rows], keys


def suggest_links(
    kg: KnowledgeGraph,
    plan: str | None = None,
    kind: LinkKind | str | None = None,
    *,
    threshold: float | dict[str, float] | None = None,
    top: int = DEFAULT_TOP,
) -> ResultList[Suggestion]:
    """Suggest factor links for activities and national-goal alignments for goals and areas.

    Parameters
    ----------
    kg : KnowledgeGraph
    plan : str, optional
        A plan id (or IRI); every plan except the national strategy when omitted.
    kind : {"factor", "national-goal"}, optional
        One kind of link; both when omitted.
    threshold : float or dict, optional
        The lowest score kept (one for both kinds, or by kind); :data:`DEFAULT_THRESHOLD`
        when omitted. 0 keeps every target that shares a word.
    top : int
        At most this many suggestions per source and kind (default 3).

    Returns
    -------
    ResultList of Suggestion
        Ordered by kind, plan, the source's section and rank.

    Raises
    ------
    ChoiceError
        If ``kind`` is unknown or ``top`` is below 1.
    PlanNotFoundError
        If ``plan`` matches no loaded plan.

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> best = [s for s in suggest_links(kg, "kronoberg", "factor") if s.rank == 1]
    >>> [s.target_label for s in best if s.source.endswith("a-07-2")]
    ['Langning']
    """
    chosen_kind = None if kind is None else _check_kind(kind)
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ChoiceError(_msg("errors.whole", parameter="top", n=top))
    limits = _thresholds(threshold)
    parts = _read_parts(kg, plan)
    found: ResultList[Suggestion] = ResultList()
    for k in [chosen_kind] if chosen_kind else list(KINDS):
        idx = index(kg, k)
        if not idx.targets:
            what = "risk or protective factors" if k == FACTOR else "national strategy goals"
            warnings.warn(
                AndtsWarning(f"no {what} are loaded: there is nothing to suggest {k} links to"),
                stacklevel=2,
            )
            continue
        # A plan's goals and areas are matched against the national strategy it is based on.
        named, default = strategies_of(kg) if k == NATIONAL_GOAL else ({}, frozenset())
        by_strategies: dict[frozenset[str], Index] = {}
        for part in parts:
            if (part.kind == "activity") != (k == FACTOR):
                continue
            if k == NATIONAL_GOAL:
                chosen = named.get(part.plan, default)
                if chosen not in by_strategies:
                    by_strategies[chosen] = index(kg, k, chosen)
                found += _suggest_for(part, by_strategies[chosen], limits[k], top)
            else:
                found += _suggest_for(part, idx, limits[k], top)
    return found


def _thresholds(threshold: float | dict[str, float] | None) -> dict[LinkKind, float]:
    if threshold is None:
        return dict(DEFAULT_THRESHOLD)
    if isinstance(threshold, dict):
        return {k: float(threshold.get(k, DEFAULT_THRESHOLD[k])) for k in KINDS}
    return dict.fromkeys(KINDS, float(threshold))


def _suggest_for(part: _Part, idx: Index, threshold: float, top: int) -> list[Suggestion]:
    if not idx.targets:
        return []
    total, keys = score_part(part, idx)
    if not keys:
        return []
    ranked = sorted(
        (i for i in range(len(idx.targets)) if total[i] > 0 and total[i] >= threshold),
        key=lambda i: (-total[i], i),
    )[:top]
    found = []
    for rank, i in enumerate(ranked, 1):
        target = idx.targets[i]
        evidence = []
        for k, (weight, places) in keys.items():
            gained = weight * float(idx.weights[k][i]) / float(idx.full[i])
            if gained <= 0:
                continue
            theirs = idx.words[i].get(k, [])
            evidence.append(
                Evidence(
                    key=k,
                    words=tuple(dict.fromkeys(w for w, _ in places)),
                    where=tuple(dict.fromkeys(where for _, where in places)),
                    matched=tuple(dict.fromkeys(w for w, _ in theirs)),
                    matched_in=tuple(dict.fromkeys(where for _, where in theirs)),
                    weight=gained,
                )
            )
        evidence.sort(key=lambda e: (-e.weight, e.key))
        found.append(
            Suggestion(
                kind=idx.kind,
                plan=plan_id_of(part.plan),
                source=part.iri,
                source_label=part.label,
                source_kind=part.kind,
                section=part.section,
                predicate=PREDICATES[idx.kind],
                target=target.iri,
                target_label=target.label,
                target_group=target.group,
                notation=target.notation,
                score=float(total[i]),
                rank=rank,
                evidence=tuple(evidence),
            )
        )
    return found


def covered(suggestions: Iterable[Suggestion]) -> dict[str, set[str]]:
    """Plan id → the targets (factors or national goals) some suggestion links the plan to.

    Examples
    --------
    >>> import andtsgraph
    >>> found = covered(suggest_links(andtsgraph.load(), "kronoberg", "factor"))
    >>> "https://w3id.org/andtsgraph/vocab/factor/langning" in found["kronoberg-2022-2026"]
    True
    """
    found: dict[str, set[str]] = {}
    for s in suggestions:
        found.setdefault(s.plan, set()).add(s.target)
    return found


# ---- as RDF ---------------------------------------------------------------------------------
def suggestion_iri(s: Suggestion) -> URIRef:
    """The IRI of a suggestion: the same source, property and target give the same IRI."""
    digest = hashlib.sha1(f"{s.source} {s.predicate} {s.target}".encode()).hexdigest()[:16]
    return SUGGESTION[f"{s.plan}/{digest}"]


def suggestions_graph(
    suggestions: Sequence[Suggestion], *, generated: dt.datetime | None = None
) -> Graph:
    """The suggestions as RDF, for the named graph :data:`SUGGESTED_LINKS_GRAPH`.

    Each suggestion is a reified statement (``rdf:subject``, ``rdf:predicate``,
    ``rdf:object``), never the plain triple, so that no query for curated links sees it; it
    is an ``andts:SuggestedLink`` with its ``andts:score``, one ``andts:evidence`` per
    matched word, and ``prov:wasGeneratedBy`` a ``prov:Activity`` that records when, with
    which version of andtsgraph (a ``prov:SoftwareAgent``), and from which vocabularies.

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> g = suggestions_graph(suggest_links(kg, "kronoberg", "factor"))
    >>> from andtsgraph.namespaces import ANDTS
    >>> len(list(g.subjects(RDF.type, ANDTS.SuggestedLink))) > 0
    True
    >>> list(g.triples((None, ANDTS.addressesFactor, None)))
    []
    """
    from andtsgraph import __version__

    when = generated or dt.datetime.now(dt.UTC).replace(microsecond=0)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("suggestion", SUGGESTION)
    run = SUGGESTION[f"run/{when.strftime('%Y%m%dT%H%M%SZ')}"]
    g.add((TOOL, RDF.type, PROV.SoftwareAgent))
    g.add((TOOL, RDFS.label, Literal(f"andtsgraph {__version__}")))
    g.add((TOOL, OWL.versionInfo, Literal(__version__)))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDFS.label, Literal("andtsgraph links suggest")))
    g.add((run, PROV.wasAssociatedWith, TOOL))
    g.add((run, PROV.endedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.used, URIRef(BASE + "vocab/factor")))
    for s in suggestions:
        node = suggestion_iri(s)
        g.add((node, RDF.type, ANDTS.SuggestedLink))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, URIRef(s.source)))
        g.add((node, RDF.predicate, URIRef(s.predicate)))
        g.add((node, RDF.object, URIRef(s.target)))
        g.add((node, ANDTS.score, Literal(round(s.score, 3), datatype=XSD.decimal)))
        for e in s.evidence:
            for lang in ("sv", "en"):
                g.add((node, ANDTS.evidence, Literal(e.describe(lang), lang=lang)))
        g.add((node, PROV.wasGeneratedBy, run))
        g.add((run, PROV.used, URIRef(s.target if s.kind == FACTOR else s.target_group)))
    return g


def add_suggestions(kg: KnowledgeGraph, suggestions: Sequence[Suggestion]) -> str:
    """Add suggestions to ``kg``'s named graph :data:`SUGGESTED_LINKS_GRAPH`; return its IRI.

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> name = add_suggestions(kg, suggest_links(kg, "kronoberg", "factor"))
    >>> kg.query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a andts:SuggestedLink }").to_records()[0]["n"] > 0
    True
    """
    # Through the graph's own adding, so that its plan list and type closure are refreshed.
    kg._add(SUGGESTED_LINKS_GRAPH, suggestions_graph(suggestions), Path("andtsgraph links suggest"))
    return SUGGESTED_LINKS_GRAPH


def write_suggestions(
    suggestions: Sequence[Suggestion], path: str | Path, *, force: bool = False
) -> Path:
    """Write suggestions as RDF: TriG or N-Quads keep them in their named graph (load them
    back with ``--with``); Turtle and other triple formats hold the graph alone.

    Raises
    ------
    OutputExistsError
        If ``path`` exists and ``force`` is false (nothing is written).
    AndtsError
        If the suffix is not an RDF format.

    Examples
    --------
    >>> import tempfile, andtsgraph
    >>> kg = andtsgraph.load()
    >>> out = write_suggestions(suggest_links(kg, "vaxjo"), Path(tempfile.mkdtemp()) / "s.trig")
    >>> "suggested-links" in out.read_text(encoding="utf-8")
    True
    """
    from rdflib import Dataset

    from andtsgraph.output import staged
    from andtsgraph.rdf_io import FORMATS_BY_SUFFIX, QUAD_FORMATS

    path = Path(path)
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None or fmt == "n3":
        raise AndtsError(_msg("errors.suggest_suffix", path=path))
    graph = suggestions_graph(suggestions)
    with staged([path], force=force) as (temporary,):
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            for prefix, ns in graph.namespaces():
                dataset.bind(prefix, ns)
            dataset.graph(URIRef(SUGGESTED_LINKS_GRAPH)).__iadd__(graph)
            dataset.serialize(temporary, format=fmt, encoding="utf-8")
        else:
            graph.serialize(temporary, format=fmt, encoding="utf-8")
    return path


def source_count(kg: KnowledgeGraph, plan: str | None = None, kind: LinkKind | str = FACTOR) -> int:
    """How many parts suggestions of ``kind`` are made for: activities for factors, goals and
    areas for national goals.

    Examples
    --------
    >>> import andtsgraph
    >>> source_count(andtsgraph.load(), "vaxjo", "factor")
    23
    """
    kind = _check_kind(kind)
    return sum(1 for p in _read_parts(kg, plan) if (p.kind == "activity") == (kind == FACTOR))


def import_log_lines(
    kg: KnowledgeGraph, plan: str, *, top: int = DEFAULT_TOP, lang: str = "en"
) -> list[str]:
    """The import log's lines for a freshly imported plan: its best suggestions, to check and
    accept into the Kopplingar sheet.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph the plan is loaded into (the bundled data and the plan).
    plan : str
        The plan's id.
    top : int
        Suggestions per activity, goal or area (default 3).
    lang : {"sv", "en"}

    Examples
    --------
    >>> import andtsgraph
    >>> lines = import_log_lines(andtsgraph.load(), "kronoberg", top=1)
    >>> lines[0].startswith("Suggested links to check for the Kopplingar sheet")
    True
    >>> [line for line in lines if "Langning" in line][0].split(" (score")[0]
    '  Arbete riktat mot föräldrar och äldre syskon för att förebygga langning. → Langning'
    """
    from andtsgraph.messages import text

    found = suggest_links(kg, plan, top=top)
    if not found:
        return [text("suggest.import.none", lang)]
    lines = [text("suggest.import.heading", lang, top=top, plan=kg.plan(plan).id)]
    for s in found:
        lines.append(
            text(
                "suggest.import.line",
                lang,
                source=s.source_label,
                target=s.target_label,
                score=f"{s.score:.2f}",
                evidence=", ".join("/".join(e.words) for e in s.evidence[:3]),
            )
        )
    lines.append(text("suggest.not_facts", lang))
    return lines


def import_result_lines(
    kg: KnowledgeGraph, result: Any, *, top: int = DEFAULT_TOP, lang: str = "en"
) -> list[str]:
    """:func:`import_log_lines` for a plan just read from a template
    (:class:`andtsgraph.spreadsheet.ImportResult`), before anything is loaded: the plan is
    added to ``kg`` (its own named graph) if it is not there yet.

    Examples
    --------
    >>> import tempfile, andtsgraph
    >>> from andtsgraph.spreadsheet import export_plan, import_plan
    >>> kg = andtsgraph.load()
    >>> template = export_plan(kg, "kronoberg", Path(tempfile.mkdtemp()) / "kr.xlsx")
    >>> fresh = andtsgraph.load([], bundled=True)
    >>> lines = import_result_lines(fresh, import_plan(fresh, template))
    >>> any(line.startswith("  Arbete riktat mot föräldrar") for line in lines)
    True
    """
    from andtsgraph.namespaces import plan_graph

    name = plan_graph(result.plan_id)
    if name not in kg.graph_names():
        # As KnowledgeGraph.add_file adds a template: the plan into its graph, its source kept.
        kg._add(name, result.graph, Path(result.source))
    return import_log_lines(kg, result.plan_id, top=top, lang=lang)
