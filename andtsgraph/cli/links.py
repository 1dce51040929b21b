"""Commands on links between plans and the vocabularies: links suggest."""

from __future__ import annotations

import argparse
import sys

from andtsgraph.cli.common import input_paths, lang_option, load_graph, output_options, positive_int
from andtsgraph.enums import LinkKind, values
from andtsgraph.output import check_outputs

__all__ = ["add_links", "cmd_links"]


def cmd_links(args: argparse.Namespace) -> int:
    from andtsgraph.analysis import suggest
    from andtsgraph.messages import text

    check_outputs([args.output], inputs=input_paths(args), force=args.force)
    kg = load_graph(args)
    threshold = args.threshold
    found = suggest.suggest_links(kg, args.plan, args.kind, threshold=threshold, top=args.top)
    if args.output:
        suggest.write_suggestions(found, args.output, force=args.force)
        print(
            text(
                "suggest.wrote",
                args.lang,
                n=len(found),
                path=args.output,
                graph=suggest.SUGGESTED_LINKS_GRAPH,
            ),
            file=sys.stderr,
        )
    if args.json:
        print(found.to_json())
        return 0
    print(text("suggest.not_facts", args.lang))
    plans = [kg.plan(args.plan)] if args.plan else [p for p in kg.plans if p.kind != "national"]
    for kind in [args.kind] if args.kind else list(suggest.KINDS):
        limit = suggest.DEFAULT_THRESHOLD[kind] if threshold is None else threshold
        what = text(f"suggest.kind.{kind}", args.lang)
        for p in plans:
            mine = [s for s in found if s.kind == kind and s.plan == p.id]
            total = suggest.source_count(kg, p.id, kind)
            print()
            print(text("suggest.heading", args.lang, plan=p.id, what=what, n=len(mine)))
            if not total:
                print("  " + text("suggest.no_parts", args.lang, plan=p.id))
                continue
            if not mine:
                print("  " + text("suggest.none", args.lang, threshold=limit, what=what))
                continue
            _print_suggestions(mine, args.lang)
            unmatched = total - len({s.source for s in mine})
            if unmatched:
                print(
                    "  "
                    + text(
                        "suggest.unmatched", args.lang, n=unmatched, total=total, threshold=limit
                    )
                )
    return 0


def _print_suggestions(found, lang: str) -> None:
    from andtsgraph.messages import text

    evidence_word = text("suggest.evidence", lang)
    current = None
    for s in found:
        if s.source != current:
            current = s.source
            section = f"{s.section} " if s.section else ""
            print(f"  {section}{s.source_label}")
        notation = f"{s.notation} " if s.notation else ""
        print(f"    {s.rank}. {notation}{s.target_label}  {s.score:.2f}")
        print(f"       {evidence_word}: " + "; ".join(e.describe(lang) for e in s.evidence[:4]))


def add_links(sub, common) -> None:
    parser = sub.add_parser(
        "links",
        help="suggest links from activities to risk and protective factors, and from goals and areas to national goals",
        description="Work with the links between plans and the vocabularies. 'links suggest' ranks, for every activity, the risk and protective factors its words match (BM25 over the factors' labels, other names, definitions and examples, with Swedish stemming and compound splitting), and for every goal and area the national goals; each suggestion has a score and its evidence. Suggestions are not curated links: -o writes them to their own named graph (graph/suggested-links), never to data/links.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    suggest_parser = actions.add_parser(
        "suggest",
        parents=[common],
        help="ranked suggestions with score and evidence",
        description="Suggest factor links for activities and national-goal alignments for goals and areas, best first, each with its score (the share of the target's weighted words the plan's text matches, 0–1) and the matched words with where they stand.",
    )
    suggest_parser.add_argument("--plan", metavar="ID", help="one plan; all plans when omitted")
    suggest_parser.add_argument(
        "--kind",
        choices=values(LinkKind),
        help="only factor links or only national-goal alignments (both when omitted)",
    )
    suggest_parser.add_argument(
        "--threshold",
        type=float,
        metavar="SCORE",
        help="lowest score kept (default: 0.35 for factors, 0.85 for national goals)",
    )
    suggest_parser.add_argument(
        "--top", type=positive_int, default=3, metavar="N", help="at most N per part (default: 3)"
    )
    suggest_parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {kind, plan, source, target, score, rank, evidence, …}",
    )
    output_options(
        suggest_parser,
        "also write the suggestions as RDF (.trig or .nq keep the graph suggested-links; .ttl holds the triples alone)",
        required=False,
    )
    lang_option(suggest_parser)
    suggest_parser.set_defaults(func=cmd_links)
