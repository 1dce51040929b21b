"""Commands for the plan template: template, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from andtsgraph.cli.common import EXIT_USAGE, input_paths, load_graph
from andtsgraph.output import check_outputs

__all__ = [
    "add_import",
    "add_template",
    "cmd_import",
    "cmd_template",
]


def cmd_template(args: argparse.Namespace) -> int:
    from andtsgraph.spreadsheet import write_template

    is_folder = args.output.suffix.lower() != ".xlsx"
    check_outputs(
        [args.output],
        inputs=input_paths(args),
        force=args.force or is_folder,  # an empty folder may be filled; the writer checks
        folders=[args.output] if is_folder else [],
    )
    written = write_template(load_graph(args), args.output, force=args.force)
    print(
        f"wrote {written}: an empty plan template; fill it in, then: andtsgraph import {written} -o plan.ttl",
        file=sys.stderr,
    )
    return 0


def add_template(sub, common) -> None:
    parser = sub.add_parser(
        "template",
        parents=[common],
        help="write an empty plan template (.xlsx) to fill in",
        description="Write an empty plan template: a workbook with one sheet per part of a plan (Plan, Mål, Områden, Insatser, Indikatorer …), a comment on every column and drop-down lists of the vocabularies. A path without .xlsx gets a folder of CSV files instead.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="the file to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(func=cmd_template)


def cmd_import(args: argparse.Namespace) -> int:
    from andtsgraph.errors import TemplateError
    from andtsgraph.spreadsheet import import_plan

    # Before any work: the outputs (and the links file beside a triples file) are writable,
    # distinct, and not the template or another input.
    inputs = [args.template, *input_paths(args)]
    check_outputs([args.output, args.links], inputs=inputs, force=args.force)
    if args.links is None and args.output.suffix.lower() not in (".trig", ".nq"):
        # The links file beside the output, written if the template has links: checked
        # for the rest here, for existing when it is written.
        beside = args.output.with_name(f"{args.output.stem}-links{args.output.suffix}")
        check_outputs([args.output, beside], inputs=inputs, force=True)
    kg = load_graph(args)
    try:
        result = import_plan(kg, args.template)
    except TemplateError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"andtsgraph: {len(exc.problems)} problems in {exc.path}; nothing written",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for line in result.report_lines(
        result.write(args.output, links_path=args.links, force=args.force)
    ):
        print(line)
    from andtsgraph.analysis.suggest import import_result_lines

    # The best suggested links, to check and accept into the Kopplingar sheet (issue 19).
    for line in import_result_lines(kg, result):
        print(line)
    return 0


def add_import(sub, common) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="read a filled-in plan template (.xlsx or CSV folder) into RDF",
        description="Read a filled-in plan template into a plan graph: actors are matched to the actor registry (names that match nothing become new actors, listed), targets are read from the indicators' text, and every problem is reported with its sheet, row and column (exit status 2, nothing written). Curated links go to a second file (FILE-links.ttl, or --links), or into the same file for .trig and .nq.",
    )
    parser.add_argument(
        "template", type=Path, metavar="FILE.xlsx|DIR", help="the filled-in template"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the plan as RDF: .ttl, .nt, .jsonld, or .trig/.nq with the links",
    )
    parser.add_argument(
        "--links",
        type=Path,
        metavar="FILE",
        help="where the curated links go (default: FILE-links beside the output)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the output files if they exist"
    )
    parser.set_defaults(func=cmd_import)
