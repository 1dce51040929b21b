"""The ``andtsgraph`` command: a thin layer over the library's public functions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from andtsgraph import __version__
from andtsgraph.errors import AndtsError, OutputExistsError
from andtsgraph.knowledge_graph import EXPORT_FORMATS, KnowledgeGraph, load

EXIT_USAGE = 2


def _load(args: argparse.Namespace) -> KnowledgeGraph:
    return load(args.with_files or None, store=args.store)


def cmd_info(args: argparse.Namespace) -> int:
    kg = _load(args)
    plans = kg.plans
    if args.json:
        data = {
            "plans": [p.as_dict() for p in plans],
            "triples": len(kg),
            "graphs": kg.graph_names(),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(plans)} plans, {len(kg)} triples in {len(kg.graph_names())} named graphs ({kg.backend.name} store)\n"
    )
    for p in plans:
        period = f"{p.valid_from or '?'} – {p.valid_until or '?'}"
        print(f"{p.id}  [{p.kind}]  {period}")
        print(f"  {p.title}")
        if p.publisher:
            print(f"  issued by {p.publisher}" + (f", {p.identifier}" if p.identifier else ""))
        parts = [
            f"{p.goals} goals",
            f"{p.development_areas} development areas",
            f"{p.action_areas} action areas",
            f"{p.activities} activities",
            f"{p.indicators} indicators",
            f"{p.actors} actors",
        ]
        print("  " + ", ".join(parts) + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    kg = _load(args)
    if args.output:
        kg.serialize(args.format, args.output, force=args.force)
        print(f"wrote {args.output} ({args.format}, {len(kg)} triples)", file=sys.stderr)
    else:
        sys.stdout.write(kg.serialize(args.format) or "")
    return 0


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two short lines, not a wrapped usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def _common_options() -> argparse.ArgumentParser:
    """Options every command that loads the graph accepts."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--with",
        dest="with_files",
        action="append",
        metavar="FILE",
        type=Path,
        help="also load this RDF file (a plan of your own, say); repeatable",
    )
    common.add_argument(
        "--store", default="memory", choices=["memory"], help="embedded store (default: memory)"
    )
    return common


def _add_info(sub, common) -> None:
    info = sub.add_parser(
        "info",
        parents=[common],
        help="list the loaded plans and what they hold",
        description="List the loaded plans with their metadata and the number of goals, areas, activities, indicators and actors.",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    info.set_defaults(func=cmd_info)


def _add_export(sub, common) -> None:
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write the whole graph as RDF",
        description="Write the knowledge graph as RDF. trig, nq and jsonld keep each plan's named graph; ttl and nt write the union.",
    )
    export.add_argument(
        "--format",
        default="trig",
        choices=sorted(EXPORT_FORMATS),
        help="RDF format (default: trig)",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(func=cmd_export)


#: Each command adds its own sub-parser; the order here is the order of ``--help``.
COMMANDS = [_add_info, _add_export]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``andtsgraph`` command."""
    parser = _Parser(
        prog="andtsgraph",
        description="Swedish ANDTS prevention plans as a knowledge graph: load, query, validate, analyse, export.",
    )
    parser.add_argument("--version", action="version", version=f"andtsgraph {__version__}")
    common = _common_options()
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in COMMANDS:
        add_command(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except OutputExistsError as exc:
        print(f"andtsgraph: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AndtsError as exc:
        print(f"andtsgraph: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("andtsgraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
