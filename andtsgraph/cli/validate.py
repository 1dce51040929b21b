"""The validate command: SHACL validation of plans."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from andtsgraph.cli.common import connect_server, endpoint_options, lang_option
from andtsgraph.errors import AndtsError
from andtsgraph.messages import text

__all__ = [
    "add_validate",
    "cmd_validate",
]


def cmd_validate(args: argparse.Namespace) -> int:
    # Imported here so that the other commands do not pay for it.
    from andtsgraph.validation import validate

    # Validate at every severity once: what is shown (--severity) and what fails the run
    # (--fail-on) are two views of the same report.
    files = [*args.files, *(args.with_files or [])]
    if args.endpoint and files:
        raise AndtsError(
            text("cli.not_with_endpoint", options=text("cli.and").join(["FILE", "--with"]))
        )
    # On a server the compiled SHACL queries run there, through the knowledge graph's queries.
    target = connect_server(args.endpoint, args) if args.endpoint else (files or None)
    # Warnings (a literal the store changed, an engine fallback) are printed by the CLI's
    # main, one line each.
    report = validate(target, lang=args.lang, engine=args.engine, plans=args.plan)
    shown = report.at_least(args.severity)
    if args.format == "json":
        print(shown.to_json())
    elif args.format == "ttl":
        sys.stdout.write(shown.graph.serialize(format="turtle"))
    else:
        sys.stdout.write(shown.to_text(examples=None if args.all else 3))
    return 0 if report.at_least(args.fail_on).conforms else 1


def add_validate(sub, common) -> None:
    from andtsgraph.validation import ENGINES, SEVERITIES

    validate_parser = sub.add_parser(
        "validate",
        help="check plans against the structural, project and EDPQS quality rules (SHACL)",
        description="Check plans against the SHACL shapes in ontology/shapes: structural and project rules (violations) and the quality questions of the European drug prevention quality standards (warnings, info). Without FILE the bundled plans are checked; with FILEs, those files are checked together with the bundled ontology, vocabularies, actors and plans, and each result is shown under its plan. Exit status: 0 when no result reaches --fail-on, 1 when one does, 2 for a usage or input error (a file that does not parse or holds no plan).",
    )
    validate_parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="RDF files or folders of them (Turtle, N-Triples, TriG, JSON-LD, RDF/XML) or filled templates (.xlsx, a folder of CSV); default: the bundled plans",
    )
    validate_parser.add_argument(
        "--with",
        dest="with_files",
        action="append",
        type=Path,
        metavar="FILE",
        help="the same as giving FILE (as for the other commands); repeatable",
    )
    validate_parser.add_argument(
        "--plan",
        action="append",
        metavar="ID",
        help="show only the results under this plan (its id, e.g. vaxjo-2022-2027); repeatable",
    )
    validate_parser.add_argument(
        "--engine",
        default="auto",
        choices=ENGINES,
        help="sparql (the shapes compiled to SPARQL), pyshacl, or auto (default: sparql when it compiles the shapes)",
    )
    lang_option(validate_parser)
    validate_parser.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "ttl"],
        help="text for people, json for programs, ttl for the standard SHACL report (default: text)",
    )
    validate_parser.add_argument(
        "--fail-on",
        default="violation",
        choices=["violation", "warning"],
        help="exit with status 1 when a result of this severity or graver is found (default: violation)",
    )
    validate_parser.add_argument(
        "--severity",
        default="info",
        choices=SEVERITIES,
        help="show results of this severity and graver (default: info, i.e. all)",
    )
    validate_parser.add_argument(
        "--all",
        "--details",
        dest="all",
        action="store_true",
        help="list every node under each rule, not only the first three",
    )
    endpoint_options(validate_parser)
    validate_parser.set_defaults(func=cmd_validate)
