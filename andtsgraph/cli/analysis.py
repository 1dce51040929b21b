"""Analysis commands: gaps, hubs, render, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from andtsgraph.cli.common import (
    endpoint_options,
    force_option,
    input_paths,
    lang_option,
    load_graph,
    output_options,
    positive_int,
    table,
)
from andtsgraph.enums import GapKind, Links, Ranking, values
from andtsgraph.errors import AndtsError
from andtsgraph.output import check_outputs
from andtsgraph.results import ResultList

__all__ = [
    "add_gaps",
    "add_hubs",
    "add_render",
    "add_report",
    "cmd_gaps",
    "cmd_hubs",
    "cmd_render",
    "cmd_report",
]


def _wrote(path: Path, lang: str) -> str:
    from andtsgraph.messages import text

    return text("common.wrote", lang, path=path)


def _needs_plan(kind: str, lang: str) -> str:
    from andtsgraph.messages import text

    return text("analysis.needs_plan", lang, kind=kind)


def cmd_gaps(args: argparse.Namespace) -> int:
    from andtsgraph.analysis import gaps

    kg = load_graph(args)
    found = gaps.all_gaps(kg, args.plan, links=args.links)
    if args.kind:
        found = ResultList(g for g in found if g.kind in args.kind)
    if args.json:
        print(found.to_json())
        return 0
    from andtsgraph.messages import catalog, text

    print(text(f"suggest.basis.{args.links}", args.lang))
    current = None
    for g in found:
        if (g.plan, g.kind) != current:
            current = (g.plan, g.kind)
            count = sum(1 for x in found if (x.plan, x.kind) == current)
            key = f"analysis.gap_kind.{g.kind}"
            heading = text(key, args.lang) if key in catalog() else g.kind
            print(
                "\n"
                + text("analysis.gap_heading", args.lang, plan=g.plan, heading=heading, n=count)
            )
        print(f"  - {g.label}")
    if not found:
        print(text("analysis.no_gaps", args.lang))
    return 0


def add_gaps(sub, common) -> None:
    parser = sub.add_parser(
        "gaps",
        parents=[common],
        help="what plans leave uncovered: risk factors, national goals, indicators …",
        description="List the gaps of one plan or all plans: risk and protective factors no activity addresses (per the curated links), national goals without aligned parts, goals and areas without activities, activities without indicator or responsible, empty substance × prevention level cells.",
    )
    parser.add_argument("--plan", metavar="ID", help="one plan (an id from 'andtsgraph info')")
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        choices=values(GapKind),
        help=f"only gaps of this kind ({', '.join(values(GapKind))}); repeatable",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {kind, plan, iri, label, explanation, query, details}",
    )
    lang_option(parser)
    endpoint_options(parser)
    _links_option(parser)
    parser.set_defaults(func=cmd_gaps)


def _links_option(parser) -> None:
    parser.add_argument(
        "--links",
        choices=values(Links),
        default="curated",
        help="what factor and national-goal gaps rest on: the curated links (default), the suggested links of 'andtsgraph links suggest' (for a plan nobody has curated), or both; the output says which",
    )


def cmd_hubs(args: argparse.Namespace) -> int:
    from andtsgraph.analysis import network

    check_outputs([args.export], inputs=input_paths(args), force=args.force, lang=args.lang)
    kg = load_graph(args)
    summary = network.analyse(kg, args.plan)
    ranked = summary.top(args.top, by=args.by)
    if args.export:
        graph = summary.projection if args.export_graph == "actors" else summary.bipartite
        network.export_network(graph, args.export, force=args.force)
        print(_wrote(args.export, args.lang), file=sys.stderr)
    if args.json:
        print(ranked.to_json())
        return 0
    from andtsgraph.messages import text
    from andtsgraph.report import _method

    lang = args.lang
    print(
        text(
            "analysis.network_line",
            lang,
            actors=text("term.actor", lang, n=len(summary.actors)),
            edges=text("report.ties", lang, n=summary.edges),
            density=summary.density,
            communities=text("report.communities", lang, n=summary.communities),
            method=_method(summary, lang),
        )
        + "\n"
    )
    rows = [
        [
            m.label,
            str(m.degree),
            str(m.weighted_degree),
            str(m.activities),
            f"{m.betweenness:.3f}",
            str(m.community),
        ]
        for m in ranked
    ]
    print(table(text("analysis.hub_columns", lang).split("|"), rows, 60))
    return 0


def add_hubs(sub, common) -> None:
    parser = sub.add_parser(
        "hubs",
        parents=[common],
        help="who carries the work: hubs, brokers and communities of the collaboration network",
        description="Rank the actors of the collaboration network by degree (hubs) or betweenness (brokers), with their community.",
    )
    parser.add_argument(
        "--plan",
        metavar="ID",
        help="one plan; all plans (joined through the actor registry) when omitted",
    )
    parser.add_argument("--top", type=positive_int, metavar="N", help="only the N highest")
    parser.add_argument(
        "--by",
        choices=values(Ranking),
        default=Ranking.DEGREE.value,
        help="ranking (default: degree)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {iri, label, degree, weighted_degree, betweenness, community, …}",
    )
    parser.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help="also write the network as .graphml or .gexf (for Gephi)",
    )
    parser.add_argument(
        "--export-graph",
        choices=["actors", "bipartite"],
        default="actors",
        help="which network to export (default: actors)",
    )
    force_option(parser, "overwrite the export file if it exists")
    lang_option(parser)
    endpoint_options(parser)
    parser.set_defaults(func=cmd_hubs)


def cmd_render(args: argparse.Namespace) -> int:
    from andtsgraph import render
    from andtsgraph.analysis import gaps, network

    check_outputs([args.output], inputs=input_paths(args), force=args.force, lang=args.lang)
    kg = load_graph(args)
    if args.kind == "hierarchy":
        if not args.plan:
            raise AndtsError(_needs_plan("hierarchy", args.lang))
        dot = render.plan_hierarchy(kg, args.plan)
    elif args.kind == "network":
        dot = render.collaboration_network(network.analyse(kg, args.plan), lang=args.lang)
    else:
        if not args.plan:
            raise AndtsError(_needs_plan(args.kind, args.lang))
        dimension = "substance" if args.kind == "matrix" else "target-group"
        dot = render.coverage_matrix(gaps.coverage_matrix(kg, args.plan, dimension), lang=args.lang)
    render.write_picture(dot, args.output, force=args.force)
    print(_wrote(args.output, args.lang), file=sys.stderr)
    return 0


def add_render(sub, common) -> None:
    parser = sub.add_parser(
        "render",
        parents=[common],
        help="draw a plan's hierarchy, the collaboration network or a coverage matrix",
        description="Draw a picture with Graphviz: a plan's hierarchy (plan → goals → areas → activities), the collaboration network, or the substance (matrix) / target group (matrix-groups) × prevention level matrix. The suffix of -o chooses DOT, SVG or PNG.",
    )
    parser.add_argument("kind", choices=["hierarchy", "network", "matrix", "matrix-groups"])
    parser.add_argument("--plan", metavar="ID", help="the plan (required except for network)")
    output_options(parser, "FILE.svg, FILE.png or FILE.dot")
    lang_option(parser)
    parser.set_defaults(func=cmd_render)


def cmd_report(args: argparse.Namespace) -> int:
    from andtsgraph import report

    check_outputs([args.html], inputs=input_paths(args), force=args.force, lang=args.lang)
    kg = load_graph(args)
    built = report.build_report(kg, args.plan, args.lang, compare=args.compare, links=args.links)
    print(report.to_text(built))
    if args.html:
        report.write_html(kg, built, args.html, force=args.force)
        print("\n" + _wrote(args.html, args.lang), file=sys.stderr)
    return 0


def add_report(sub, common) -> None:
    parser = sub.add_parser(
        "report",
        parents=[common],
        help="the main job: validate, find gaps, analyse collaboration; print and write HTML",
        description="Load the graph, validate it, run the gap and network analysis and print a summary; with --html also write one self-contained HTML page (inline SVG, opens offline).",
    )
    parser.add_argument("--plan", metavar="ID", help="one plan; all plans when omitted")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write the report as HTML")
    parser.add_argument(
        "--compare",
        metavar="ID",
        help="set the plan's coverage beside this plan's (default: the regional plans it is based on)",
    )
    lang_option(parser)
    force_option(parser, "overwrite the HTML file if it exists")
    endpoint_options(parser)
    _links_option(parser)
    parser.set_defaults(func=cmd_report)
