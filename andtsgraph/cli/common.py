"""What every command shares: the loading options, server options, tables and the usage parser."""

from __future__ import annotations

import argparse
from pathlib import Path

from andtsgraph.backends import STORES
from andtsgraph.errors import AndtsError
from andtsgraph.knowledge_graph import KnowledgeGraph, load
from andtsgraph.remote import TOKEN_ENV

__all__ = [
    "EXIT_USAGE",
    "Parser",
    "auth",
    "common_options",
    "load_graph",
    "parse_params",
    "positive_int",
    "server_options",
    "table",
]

EXIT_USAGE = 2


def load_graph(args: argparse.Namespace) -> KnowledgeGraph:
    return load(args.with_files or None, store=args.store)


def input_paths(args: argparse.Namespace) -> list[Path]:
    """What a command reads: its --with files and the bundled data (no output may be one)."""
    from andtsgraph.resources import data_dir, ontology_dir

    given = [*(getattr(args, "with_files", None) or []), *(getattr(args, "files", None) or [])]
    return [*given, data_dir(), ontology_dir()]


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two short lines, not a wrapped usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def common_options() -> argparse.ArgumentParser:
    """Options every command that loads the graph accepts."""
    common = Parser(add_help=False)
    common.add_argument(
        "--with",
        dest="with_files",
        action="append",
        metavar="FILE",
        type=Path,
        help="also load this RDF file, folder of RDF files, or plan template (.xlsx, or a folder of CSV files); repeatable",
    )
    common.add_argument(
        "--store",
        default="oxigraph",
        choices=list(STORES),
        help="embedded store: oxigraph (default, fast) or memory (rdflib)",
    )
    return common


def auth(args: argparse.Namespace) -> tuple[str, str] | None:
    """Basic-auth credentials: the user from --user, the password from an environment variable
    (never from the command line, where other users of the machine could read it)."""
    if not args.user:
        return None
    import os

    password = os.environ.get(args.password_env)
    if password is None:
        raise AndtsError(
            f"--user given but the environment variable {args.password_env} holding the password is not set"
        )
    return args.user, password


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--top 0`` and ``--width -1`` are
    refused, not read as "everything" or "nothing")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of at least 1")
    return value


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise AndtsError(f"--param {pair!r}: write it as NAME=VALUE")
        params[name.strip()] = value
    return params


def server_options(parser: argparse.ArgumentParser, *, timeout: float) -> None:
    parser.add_argument(
        "--user", help="HTTP basic-auth user (the password is read from --password-env)"
    )
    parser.add_argument(
        "--password-env",
        default="ANDTSGRAPH_PASSWORD",
        metavar="VAR",
        help="environment variable holding the basic-auth password (default: ANDTSGRAPH_PASSWORD)",
    )
    parser.add_argument(
        "--token-env",
        metavar="VAR",
        help=f"environment variable holding a bearer token (e.g. {TOKEN_ENV})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=timeout,
        metavar="SECONDS",
        help=f"give up after this long (default: {timeout:g})",
    )


def table(columns: list[str], rows: list[list[str]], width: int) -> str:
    """Left-aligned text table, cells cut at ``width`` characters."""

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(c) for c in columns], *([cut(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang sv|en``: the language of everything the command prints (default Swedish)."""
    from andtsgraph.messages import DEFAULT_LANG, LANGS

    parser.add_argument(
        "--lang",
        default=DEFAULT_LANG,
        choices=LANGS,
        help=f"language of what the command prints (default: {DEFAULT_LANG})",
    )
