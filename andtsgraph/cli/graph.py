"""Commands about the graph itself: info, export, docs, synthetic."""

from __future__ import annotations

import argparse
import json
import sys

from andtsgraph.cli.common import (
    EXIT_USAGE,
    endpoint_options,
    input_paths,
    lang_option,
    load_graph,
    output_options,
)
from andtsgraph.errors import AndtsError
from andtsgraph.knowledge_graph import EXPORT_FORMATS, KnowledgeGraph
from andtsgraph.messages import text
from andtsgraph.namespaces import plan_graph
from andtsgraph.output import check_outputs

__all__ = [
    "add_docs",
    "add_export",
    "add_info",
    "add_synthetic",
    "cmd_docs",
    "cmd_export",
    "cmd_info",
    "cmd_synthetic",
]


def cmd_info(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    plans = kg.plans
    if args.json:
        data = {
            "plans": plans.to_records(),
            "triples": len(kg),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    head = text(
        "graph.info_head",
        lang,
        plans=text("term.plan", lang, n=len(plans)),
        triples=text("term.triple", lang, n=len(kg)),
        graphs=len(kg.graph_names()),
        store=kg.backend.name,
    )
    print(head + "\n")
    for p in plans:
        period = f"{p.valid_from or '?'} – {p.valid_until or '?'}"
        print(f"{p.id}  [{text(f'graph.kind.{p.kind}', lang)}]  {period}")
        print(f"  {p.title}")
        if p.publisher:
            issued = text("graph.issued_by", lang, publisher=p.publisher)
            print(f"  {issued}" + (f", {p.identifier}" if p.identifier else ""))
        parts = [
            text("term.goal", lang, n=p.goals),
            text("term.development_area", lang, n=p.development_areas),
            text("term.action_area", lang, n=p.action_areas),
            text("term.activity", lang, n=p.activities),
            text("term.indicator", lang, n=p.indicators),
            text("term.actor", lang, n=p.actors),
        ]
        print("  " + ", ".join(parts) + "\n")
    return 0


def add_info(sub, common) -> None:
    info = sub.add_parser(
        "info",
        parents=[common],
        help="list the loaded plans and what they hold",
        description="List the loaded plans with their metadata and the number of goals, areas, activities, indicators and actors.",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    lang_option(info)
    endpoint_options(info)
    info.set_defaults(func=cmd_info)


#: The export format a file's suffix names.
_FORMAT_BY_SUFFIX = {
    ".ttl": "ttl",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nq",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".xlsx": "xlsx",
}


def _export_format(args: argparse.Namespace) -> str:
    """--format, or else the one the output's suffix names, or else TriG (which keeps the
    named graphs); a suffix that contradicts --format is an error, not a misnamed file."""
    named = _FORMAT_BY_SUFFIX.get(args.output.suffix.lower()) if args.output else None
    if args.format and named and named != args.format:
        raise AndtsError(
            text("cli.suffix_format", path=args.output, named=named, format=args.format)
        )
    return args.format or named or "trig"


def cmd_export(args: argparse.Namespace) -> int:
    args.format = _export_format(args)
    check_outputs([args.output], inputs=input_paths(args), force=args.force)
    kg = load_graph(args)
    if args.plan or args.format == "xlsx":
        return _export_plan(kg, args)
    if args.format in ("ttl", "nt"):
        print(text("graph.export_note", args.lang, format=args.format), file=sys.stderr)
    if args.output:
        kg.serialize(args.output, format=args.format, force=args.force)
        triples = text("term.triple", args.lang, n=len(kg))
        print(
            text(
                "graph.wrote_rdf", args.lang, path=args.output, format=args.format, triples=triples
            ),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(kg.serialize(format=args.format) or "")
    return 0


def _export_plan(kg: KnowledgeGraph, args: argparse.Namespace) -> int:
    """export --plan: one plan's named graph as RDF, or as a filled-in template (xlsx)."""
    if args.format == "xlsx":
        from andtsgraph.spreadsheet import export_plan

        if not (args.plan and args.output):
            raise AndtsError(text("errors.xlsx_export"))
        written = export_plan(kg, args.plan, args.output, force=args.force, lang=args.lang)
        print(
            text("graph.wrote_template", args.lang, path=written, plan=kg.plan(args.plan).id),
            file=sys.stderr,
        )
        return 0
    graph = plan_graph(kg.plan(args.plan).id)
    if args.output:
        kg.serialize(args.output, format=args.format, force=args.force, graphs=[graph])
        triples = text("term.triple", args.lang, n=len(kg.graph(graph)))
        print(
            text(
                "graph.wrote_rdf", args.lang, path=args.output, format=args.format, triples=triples
            ),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(kg.serialize(format=args.format, graphs=[graph]) or "")
    return 0


def add_export(sub, common) -> None:
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write the whole graph (or one plan) as RDF, or one plan as a spreadsheet",
        description="Write the knowledge graph as RDF. trig, nq and jsonld keep each plan's named graph; ttl and nt write the union. --plan ID writes only that plan's graph; --format xlsx --plan ID -o FILE.xlsx writes the plan as a filled-in template, which 'andtsgraph import' reads back to the same graph.",
    )
    export.add_argument(
        "--format",
        choices=[*sorted(EXPORT_FORMATS), "xlsx"],
        help="RDF format (default: the one the suffix of -o names, else trig), or xlsx for one plan as a filled-in template (needs --plan)",
    )
    export.add_argument("--plan", metavar="ID", help="only this plan's named graph")
    output_options(export, "write to FILE instead of standard output", required=False)
    lang_option(export)
    export.set_defaults(func=cmd_export)


def cmd_docs(args: argparse.Namespace) -> int:
    from andtsgraph.ontology_docs import make_ontology_docs

    check_outputs([args.output], inputs=input_paths(args), force=args.force)
    written = make_ontology_docs(args.output, lang=args.lang, force=args.force)
    print(text("cli.wrote_docs", path=written, lang=args.lang), file=sys.stderr)
    return 0


def add_docs(sub, common) -> None:
    # No ``common`` parent: the page is made from the ontology file alone, no graph is loaded.
    parser = sub.add_parser(
        "docs",
        help="write the ontology's documentation as one HTML page (pyLODE)",
        description="Write browsable documentation of the ontology (ontology/andts.ttl): every class and property with its label, definition, domain and range, as one self-contained HTML page made by pyLODE (pip install 'andtsgraph[docs]'). One language per page.",
    )
    output_options(parser, "the page to write, e.g. docs/ontology.html", metavar="FILE.html")
    parser.add_argument(
        "--lang",
        choices=["en", "sv"],
        default="en",
        help="language of labels and definitions (default: en)",
    )
    parser.set_defaults(func=cmd_docs)


def cmd_synthetic(args: argparse.Namespace) -> int:
    from andtsgraph.testing.synthetic import synthetic_corpus

    if args.plans < 1 or args.activities < 1:
        print(
            text("cli.error", args.lang, message=text("cli.synthetic_sizes", args.lang)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    check_outputs([args.output], inputs=input_paths(args), force=True, folders=[args.output])
    corpus = synthetic_corpus(args.plans, seed=args.seed, activities_per_plan=args.activities)
    written = corpus.write(args.output, force=args.force)
    lang = args.lang
    print(
        text(
            "graph.wrote_corpus",
            lang,
            files=text("graph.files", lang, n=len(written)),
            path=args.output,
            plans=args.plans,
            activities=text("term.activity", lang, n=args.activities),
        ),
        file=sys.stderr,
    )
    return 0


def add_synthetic(sub, common) -> None:
    # No ``common`` parent: nothing is loaded to write a corpus.
    parser = sub.add_parser(
        "synthetic",
        help="write a synthetic national corpus of invented plans (for benchmarks and tests)",
        description="Write N invented ANDTS plans (seeded: the same arguments give the same files) in the project's model: goals, areas, activities with actors, indicators and targets, curated links. 311 gives Sweden's 21 regions and 290 municipalities. Every name says Syntet… and every node is marked dcterms:source \"synthetic\"; never mix them up with real plans.",
    )
    output_options(parser, "the folder to write", metavar="DIR", force="overwrite files that exist")
    parser.add_argument("--plans", type=int, default=311, help="how many plans (default: 311)")
    parser.add_argument(
        "--activities", type=int, default=50, help="activities per plan (default: 50)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    lang_option(parser)
    parser.set_defaults(func=cmd_synthetic)
