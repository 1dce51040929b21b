"""What every command shares: the loading options, server options, tables and the usage parser."""

from __future__ import annotations

import argparse
from pathlib import Path

from andtsgraph.backends import STORES
from andtsgraph.errors import AndtsError
from andtsgraph.knowledge_graph import KnowledgeGraph, load
from andtsgraph.messages import text
from andtsgraph.remote import DEFAULT_MAX_BYTES, TOKEN_ENV

__all__ = [
    "EXIT_USAGE",
    "Parser",
    "auth",
    "common_options",
    "connect_server",
    "endpoint_options",
    "force_option",
    "input_paths",
    "lang_option",
    "load_graph",
    "max_bytes",
    "output_options",
    "parse_params",
    "positive_int",
    "server_options",
    "table",
]

EXIT_USAGE = 2


def load_graph(args: argparse.Namespace) -> KnowledgeGraph:
    """The graph a command works on: the server given with --endpoint, else the embedded
    store (the bundled data and --with files)."""
    endpoint = getattr(args, "endpoint", None)
    if endpoint:
        given = [
            option
            for option, value in (("--with", args.with_files), ("--store", args.store))
            if value
        ]
        if given:
            raise AndtsError(text("cli.not_with_endpoint", options=text("cli.and").join(given)))
        return connect_server(endpoint, args)
    return load(
        args.with_files or None,
        store=args.store or "oxigraph",
        allow_service=getattr(args, "allow_service", False),  # only query has --allow-service
        lang=getattr(args, "lang", None),
    )


def connect_server(url: str, args: argparse.Namespace) -> KnowledgeGraph:
    """Open the server at ``url`` with the authentication, deadline and size limit of ``args``."""
    from andtsgraph.remote import connect

    return connect(
        url,
        auth=auth(args),
        token_env=args.token_env,
        timeout=args.timeout,
        max_bytes=max_bytes(args),
    )


def max_bytes(args: argparse.Namespace) -> int:
    """The size limit of --max-size (megabytes) in bytes."""
    if args.max_size <= 0:
        raise AndtsError(text("cli.max_size"))
    return int(args.max_size * 1_000_000)


def input_paths(args: argparse.Namespace) -> list[Path]:
    """What a command reads: its --with files and the bundled data (no output may be one)."""
    from andtsgraph.resources import data_dir, ontology_dir

    given = [*(getattr(args, "with_files", None) or []), *(getattr(args, "files", None) or [])]
    return [*given, data_dir(), ontology_dir()]


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two short lines, not a wrapped usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, text("cli.usage_error", prog=self.prog, message=message) + "\n")


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
        choices=list(STORES),
        help="embedded store: oxigraph (default, fast) or memory (rdflib)",
        # None, not "oxigraph": so that --store given with --endpoint can be refused.
        default=None,
    )
    return common


def auth(args: argparse.Namespace) -> tuple[str, str] | None:
    """Credentials for Basic or Digest authentication: the user from --user, the password from
    an environment variable (never from the command line, where other users of the machine
    could read it)."""
    if not args.user:
        return None
    import os

    password = os.environ.get(args.password_env)
    if password is None:
        raise AndtsError(text("cli.password_env", var=args.password_env))
    return args.user, password


def positive_int(given: str) -> int:
    """An argparse type: a whole number of at least 1 (``--top 0`` and ``--width -1`` are
    refused, not read as "everything" or "nothing")."""
    try:
        value = int(given)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.not_whole", value=given)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(text("cli.not_positive", value=given))
    return value


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise AndtsError(text("cli.param_form", pair=pair))
        params[name.strip()] = value
    return params


def server_options(parser: argparse.ArgumentParser, *, timeout: float) -> None:
    """How to reach a SPARQL server: authentication, the deadline and the size limit."""
    group = parser.add_argument_group("server")
    group.add_argument(
        "--user",
        help="user for HTTP Basic or Digest authentication, as the server asks (the password is read from --password-env)",
    )
    group.add_argument(
        "--password-env",
        default="ANDTSGRAPH_PASSWORD",
        metavar="VAR",
        help="environment variable holding the password (default: ANDTSGRAPH_PASSWORD)",
    )
    group.add_argument(
        "--token-env",
        metavar="VAR",
        help=f"environment variable holding a bearer token (e.g. {TOKEN_ENV})",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=timeout,
        metavar="SECONDS",
        help=f"give up on a request after this long, all told (default: {timeout:g})",
    )
    group.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1_000_000,
        metavar="MB",
        help=f"refuse an answer larger than this (default: {DEFAULT_MAX_BYTES / 1_000_000:g} MB)",
    )


def endpoint_options(parser: argparse.ArgumentParser, *, timeout: float = 120.0) -> None:
    """--endpoint URL (run on a SPARQL server instead of the embedded store) and the server
    options; :func:`load_graph` then connects to it."""
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        help="run on the andtsgraph graphs of this SPARQL server instead of the embedded store (the query endpoint, or an Oxigraph server's base URL)",
    )
    server_options(parser, timeout=timeout)


def table(columns: list[str], rows: list[list[str]], width: int) -> str:
    """Left-aligned text table, cells cut at ``width`` characters."""

    def cut(cell: str) -> str:
        cell = " ".join(cell.split())
        return cell if len(cell) <= width else cell[: width - 1] + "…"

    cells = [[cut(c) for c in columns], *([cut(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def output_options(
    parser: argparse.ArgumentParser,
    help: str,
    *,
    metavar: str = "FILE",
    required: bool = True,
    force: str | None = None,
) -> None:
    """``-o/--output FILE`` and ``--force``: what a command writes, and whether it may replace
    a file that exists (the output itself is checked by :func:`andtsgraph.output.check_outputs`)."""
    parser.add_argument("-o", "--output", type=Path, required=required, metavar=metavar, help=help)
    force_option(parser, force or f"overwrite {metavar} if it exists")


def force_option(
    parser: argparse.ArgumentParser, help: str = "overwrite FILE if it exists"
) -> None:
    """``--force``: replace output files that exist (never an input)."""
    parser.add_argument("--force", action="store_true", help=help)


def lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang sv|en``: the language of everything the command prints (default Swedish)."""
    from andtsgraph.messages import LANG_ENV, LANGS, language

    parser.add_argument(
        "--lang",
        default=language(),
        choices=LANGS,
        help=f"language of what the command prints (default: {LANG_ENV} if set, else sv)",
    )
