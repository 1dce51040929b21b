"""How good are the suggested links? Each bundled plan held out in turn (issue 19).

From the repository root, with the package installed (``bash scripts/setup.sh --test``)::

    python benchmarks/link_suggestions.py                  # the evaluation (~5 s)
    python benchmarks/link_suggestions.py --speed DIR      # also time all plans of a corpus
                                                           # (andtsgraph synthetic -o DIR)

What is measured. The suggestions (:func:`andtsgraph.analysis.suggest.suggest_links`) are
compared with the curated links of the three bundled plans (``data/links``): factor links per
activity (``andts:addressesFactor``) and national-goal alignments per goal or area
(``andts:alignsWith``; alignments the curators made on an activity are counted as missed, since
suggestions are made for goals and areas only). Precision, recall and F1 are micro-averaged:
the true and false positives and the misses of the three held-out plans are summed.

Holding out. Nothing in the suggester is learnt from the curated links except the threshold.
For each plan, the threshold is the one with the best F1 on the *other two* plans' curated
links (searched over every score those plans' candidates reach), then applied to the held-out
plan; no figure uses a threshold chosen on the plan it is measured on. "top-3" keeps the three
best targets of each activity that share any word with it, with no threshold at all.

The baseline is the plain keyword match the issue names: a factor is linked to an activity
wherever every word of the factor's label (lower case, stop words dropped, no stemming) occurs
in the activity's own text. (Linking wherever *any* label word occurs was also measured; the
script uses the stronger of the two as the baseline.) For national goals, the same on the
goal's wording and the goal's or area's own text.

The last line is the headline: factor links at the held-out threshold against the baseline.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import andtsgraph
from andtsgraph.analysis import suggest, swedish

Pair = tuple[str, str]  # (source IRI, target IRI)


def curated(kg, kind: str) -> dict[str, set[Pair]]:
    """Plan IRI → the curated (source, target) pairs of one kind, as the suggester sees them."""
    if kind == suggest.FACTOR:
        q = """SELECT ?plan ?s ?o WHERE { ?s andts:addressesFactor ?o ; andts:inPlan ?plan .
               ?s a andts:Activity . ?o a ?c . VALUES ?c { andts:RiskFactor andts:ProtectiveFactor } }"""
    else:
        q = """SELECT ?plan ?s ?o WHERE { ?s andts:alignsWith ?o ; andts:inPlan ?plan .
               ?o andts:inPlan ?national . ?national a andts:NationalStrategy }"""
    found: dict[str, set[Pair]] = {}
    for r in kg.query(q).to_records():
        found.setdefault(r["plan"], set()).add((r["s"], r["o"]))
    return found


def counts(predicted: Iterable[Pair], truth: set[Pair]) -> tuple[int, int, int]:
    predicted = set(predicted)
    tp = len(predicted & truth)
    return tp, len(predicted) - tp, len(truth) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(candidates: dict[str, list], truth: dict[str, set[Pair]], plans: list[str]):
    """The threshold with the best micro-F1 over ``plans`` (ties: the higher threshold)."""
    scores = sorted({s.score for p in plans for s in candidates.get(p, [])})
    best = (-1.0, 0.0)
    for t in scores:
        tp = fp = fn = 0
        for p in plans:
            kept = [
                (s.source, s.target)
                for s in candidates.get(p, [])
                if s.score >= t and s.rank <= suggest.DEFAULT_TOP
            ]
            a, b, c = counts(kept, truth.get(p, set()))
            tp, fp, fn = tp + a, fp + b, fn + c
        f1 = prf(tp, fp, fn)[2]
        if f1 >= best[0]:
            best = (f1, t)
    return best[1]


def keyword_baseline(kg, kind: str, mode: str) -> dict[str, set[Pair]]:
    """The plain keyword match, per plan IRI: ``mode`` "all" or "any" label words."""
    # The same targets as the suggester's: a plan's national goals are its strategy's.
    named, default = suggest.strategies_of(kg)
    targets = {t.iri: t.group for t in suggest.index(kg, kind).targets}
    labels = {t.iri: set(_plain_words(t.label)) for t in suggest.index(kg, kind).targets}
    found: dict[str, set[Pair]] = {}
    for part in suggest._read_parts(kg, None):
        if (part.kind == "activity") != (kind == suggest.FACTOR):
            continue
        text = set(_plain_words(" ".join(suggest._own_texts(part))))
        strategies = named.get(part.plan, default)
        for target, words in labels.items():
            if kind == suggest.NATIONAL_GOAL and targets[target] not in strategies:
                continue
            hit = words <= text if mode == "all" else bool(words & text)
            if words and hit:
                found.setdefault(part.plan, set()).add((part.iri, target))
    return found


def _plain_words(text: str) -> list[str]:
    # Only the stop list: substance names count here, as a plain keyword search would.
    return [
        w.lower()
        for w in swedish._WORD.findall(text.lower())
        if w.lower() not in swedish.STOPWORDS and len(w) > 1
    ]


def evaluate(kg, kind: str) -> dict:
    truth = curated(kg, kind)
    plans = sorted(p.iri for p in kg.plans if p.kind != "national" and p.activities)
    everything = suggest.suggest_links(kg, kind=kind, threshold=0.0, top=50)
    candidates: dict[str, list] = {}
    for s in everything:
        candidates.setdefault(_plan_iri(kg, s.plan), []).append(s)
    rows = []
    total = {"held-out": [0, 0, 0], "top-3": [0, 0, 0], "default": [0, 0, 0]}
    for held in plans:
        others = [p for p in plans if p != held]
        t = best_threshold(candidates, truth, others)
        mine = candidates.get(held, [])
        at_t = [
            (s.source, s.target) for s in mine if s.score >= t and s.rank <= suggest.DEFAULT_TOP
        ]
        top3 = [(s.source, s.target) for s in mine if s.rank <= 3]
        default = [
            (s.source, s.target)
            for s in mine
            if s.score >= suggest.DEFAULT_THRESHOLD[kind] and s.rank <= suggest.DEFAULT_TOP
        ]
        for name, kept in (("held-out", at_t), ("top-3", top3), ("default", default)):
            c = counts(kept, truth.get(held, set()))
            total[name] = [a + b for a, b in zip(total[name], c, strict=True)]
        rows.append((held.rsplit("/", 1)[-1], t, counts(at_t, truth.get(held, set()))))
    baselines = {}
    for mode in ("all", "any"):
        base = keyword_baseline(kg, kind, mode)
        tp = fp = fn = 0
        for p in plans:
            a, b, c = counts(base.get(p, set()), truth.get(p, set()))
            tp, fp, fn = tp + a, fp + b, fn + c
        baselines[mode] = (tp, fp, fn)
    stronger = max(baselines, key=lambda m: prf(*baselines[m])[2])
    return {
        "in_sample": best_threshold(candidates, truth, plans),
        "kind": kind,
        "links": sum(len(v) for v in truth.values()),
        "rows": rows,
        "total": total,
        "baselines": baselines,
        "baseline": stronger,
    }


def _plan_iri(kg, plan_id: str) -> str:
    return kg.plan(plan_id).iri


def show(result: dict) -> None:
    print(f"\n== {result['kind']} links: {result['links']} curated in the three plans")
    for plan, t, (tp, fp, fn) in result["rows"]:
        p, r, f = prf(tp, fp, fn)
        print(
            f"  held out {plan:22} threshold {t:6.2f} (chosen on the other two): "
            f"P {p:.2f} R {r:.2f} F1 {f:.2f}  (tp {tp}, fp {fp}, fn {fn})"
        )
    for name, label in (
        ("held-out", "held-out threshold"),
        ("default", f"default threshold {suggest.DEFAULT_THRESHOLD[result['kind']]}"),
        ("top-3", "top-3, no threshold"),
    ):
        p, r, f = prf(*result["total"][name])
        print(
            f"  {label:34} P {p:.2f} R {r:.2f} F1 {f:.2f}  (tp, fp, fn = {result['total'][name]})"
        )
    print(
        f"  (the threshold with the best F1 on all three plans, in sample: {result['in_sample']:.2f};"
        " the default is that, rounded down to a multiple of 0.05)"
    )
    for mode, c in result["baselines"].items():
        p, r, f = prf(*c)
        mark = "  <- baseline" if mode == result["baseline"] else ""
        print(f"  keyword match, {mode} label words      P {p:.2f} R {r:.2f} F1 {f:.2f}  {c}{mark}")


def speed(folder: Path) -> None:
    t0 = time.perf_counter()
    kg = andtsgraph.load(folder)
    loaded = time.perf_counter() - t0
    activities = sum(p.activities for p in kg.plans)
    t0 = time.perf_counter()
    found = suggest.suggest_links(kg)
    took = time.perf_counter() - t0
    print(
        f"\nspeed: {len(kg.plans)} plans, {activities} activities (loaded in {loaded:.1f} s): "
        f"{len(found)} suggestions in {took:.2f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speed", type=Path, metavar="DIR", help="time a synthetic corpus too")
    args = parser.parse_args(argv)
    kg = andtsgraph.load()
    results = [evaluate(kg, kind) for kind in suggest.KINDS]
    for result in results:
        show(result)
    if args.speed:
        speed(args.speed)
    factor = results[0]
    p, r, f = prf(*factor["total"]["held-out"])
    _, _, bf = prf(*factor["baselines"][factor["baseline"]])
    g = prf(*results[1]["total"]["held-out"])[2]
    gb = prf(*results[1]["baselines"][results[1]["baseline"]])[2]
    gain = (f - bf) / bf * 100 if bf else float("inf")
    print(
        f"\nfactor links, each plan held out: P {p:.2f} R {r:.2f} F1 {f:.2f} (baseline F1 {bf:.2f}), "
        f"{gain:+.0f} % relative; national goals F1 {g:.2f} (baseline F1 {gb:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
