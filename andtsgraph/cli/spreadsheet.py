"""Commands for the plan template: template, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from andtsgraph.cli.common import EXIT_USAGE, input_paths, lang_option, load_graph, output_options
from andtsgraph.output import check_outputs

__all__ = [
    "add_import",
    "add_template",
    "cmd_import",
    "cmd_template",
]


def cmd_template(args: argparse.Namespace) -> int:
    from andtsgraph.messages import text
    from andtsgraph.spreadsheet import write_template

    is_folder = args.output.suffix.lower() != ".xlsx"
    check_outputs(
        [args.output],
        inputs=input_paths(args),
        force=args.force or is_folder,  # an empty folder may be filled; the writer checks
        folders=[args.output] if is_folder else [],
        lang=args.lang,
    )
    written = write_template(load_graph(args), args.output, force=args.force, lang=args.lang)
    trig = written.with_suffix(".trig").name
    print(text("spreadsheet.wrote_template", args.lang, path=written, trig=trig), file=sys.stderr)
    return 0


def add_template(sub, common) -> None:
    parser = sub.add_parser(
        "template",
        parents=[common],
        help="write an empty plan template (.xlsx) to fill in",
        description="Write an empty plan template: a workbook with one sheet per part of a plan (Plan, Mål, Områden, Insatser, Indikatorer …), a comment on every column and drop-down lists of the vocabularies. A path without .xlsx gets a folder of CSV files instead.",
    )
    output_options(parser, "the file to write", metavar="FILE.xlsx")
    lang_option(parser)
    parser.set_defaults(func=cmd_template)


def cmd_import(args: argparse.Namespace) -> int:
    from andtsgraph.errors import AndtsError, TemplateError
    from andtsgraph.messages import text
    from andtsgraph.output import check_outputs
    from andtsgraph.spreadsheet import import_plan

    lang = args.lang
    # Before any work: -o and --links distinct, writable, not the template or another input.
    inputs = [args.template, *input_paths(args)]
    check_outputs([args.output, args.links], inputs=inputs, force=args.force, lang=lang)
    kg = load_graph(args)
    try:
        result = import_plan(kg, args.template, lang=lang)
    except TemplateError as exc:
        for line in problem_lines(exc, lang):
            print(line, file=sys.stderr)
        return EXIT_USAGE
    if args.links is None and result.needs_links_file(args.output):
        raise AndtsError(
            text(
                "spreadsheet.links_need_a_home",
                lang,
                links=text("term.link", lang, n=result.counts()["links"]),
                suffix=args.output.suffix,
                trig=args.output.with_suffix(".trig"),
            )
        )
    written = result.write(args.output, links_path=args.links, force=args.force)
    if args.json:
        print(result.to_json(written))
    else:
        for line in result.report_lines(written, lang):
            print(line)
        from andtsgraph.analysis.suggest import import_result_lines

        # The best suggested links, to check and accept into the Kopplingar sheet (issue 19).
        for line in import_result_lines(kg, result, lang=lang):
            print(line)
    return 0


def problem_lines(error, lang: str, *, loading: bool = False) -> list[str]:
    """A :class:`~andtsgraph.errors.TemplateError` for people: one line per problem, then
    how many there were and that nothing was written (``loading``: that the plan was not
    loaded)."""
    from andtsgraph.messages import text

    key = "spreadsheet.problems_not_loaded" if loading else "spreadsheet.problems"
    lines = [problem_line(problem, lang) for problem in error.problems]
    lines.append(text(key, lang, n=len(error.problems), path=error.path))
    return lines


def problem_line(problem, lang: str) -> str:
    """One template problem with its place, in ``lang``: "Insatser, rad 7, kolumn Text: …"."""
    from andtsgraph.messages import text

    parts = [text("spreadsheet.place_sheet", lang, sheet=problem.sheet)]
    if problem.row is not None:
        parts.append(text("spreadsheet.place_row", lang, row=problem.row))
    if problem.column:
        parts.append(text("spreadsheet.place_column", lang, column=problem.column))
    return text("spreadsheet.problem_at", lang, where=", ".join(parts), message=problem.message)


def add_import(sub, common) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="read a filled-in plan template (.xlsx or CSV folder) into RDF",
        description="Read a filled-in plan template into a plan graph: actors are matched to the actor registry (names that match nothing become new actors, listed), targets are read from the indicators' text, and every problem is reported with its sheet, row and column (exit status 2, nothing written). Names are matched within scope: the plan's own organisation's actors first (the Plan sheet's Utgivare), then shared national and regional bodies, never another organisation's. The log lists every name and what it became. The plan and its curated links go into one .trig or .nq file; for other formats name a second file with --links.",
    )
    parser.add_argument(
        "template", type=Path, metavar="FILE.xlsx|DIR", help="the filled-in template"
    )
    output_options(
        parser,
        "the plan as RDF: .ttl, .nt, .jsonld, or .trig/.nq with the links",
        force="overwrite the output files if they exist",
    )
    parser.add_argument(
        "--links",
        type=Path,
        metavar="FILE",
        help="where the curated links go (default: FILE-links beside the output)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the import log as JSON, for programs"
    )
    lang_option(parser)
    parser.set_defaults(func=cmd_import)
