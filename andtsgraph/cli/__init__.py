"""The ``andtsgraph`` command: a thin layer over the library's public functions.

Each module of this package holds a group of commands, each command's parser beside its
handler (``add_NAME`` registers it, ``cmd_NAME`` runs it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from andtsgraph import __version__
from andtsgraph.cli.analysis import add_gaps, add_hubs, add_render, add_report
from andtsgraph.cli.common import EXIT_USAGE, Parser, common_options
from andtsgraph.cli.graph import add_docs, add_export, add_info, add_synthetic
from andtsgraph.cli.links import add_links
from andtsgraph.cli.query import add_queries, add_query
from andtsgraph.cli.server import add_push
from andtsgraph.cli.spreadsheet import add_import, add_template
from andtsgraph.cli.validate import add_validate
from andtsgraph.errors import AndtsError, OutputExistsError

__all__ = ["build_parser", "main"]

#: Each command adds its own sub-parser; the order here is the order of ``--help``.
COMMANDS = [
    add_report,
    add_info,
    add_gaps,
    add_hubs,
    add_links,
    add_render,
    add_export,
    add_template,
    add_import,
    add_queries,
    add_query,
    add_push,
    add_validate,
    add_docs,
    add_synthetic,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``andtsgraph`` command."""
    parser = Parser(
        prog="andtsgraph",
        description="Swedish ANDTS prevention plans as a knowledge graph: load, query, validate, analyse, export.",
    )
    parser.add_argument("--version", action="version", version=f"andtsgraph {__version__}")
    common = common_options()
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
