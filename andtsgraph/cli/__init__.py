"""The ``andtsgraph`` command: a thin layer over the library's public functions.

Each module of this package holds a group of commands, each command's parser beside its
handler (``add_NAME`` registers it, ``cmd_NAME`` runs it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import warnings
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
from andtsgraph.errors import (
    AndtsError,
    AndtsNote,
    AndtsWarning,
    OutputExistsError,
    TemplateError,
)
from andtsgraph.messages import LANGS, Lang, language, text, using_language

__all__ = ["EXIT_INTERNAL", "build_parser", "main"]

#: Exit status of a bug (an unexpected exception); 2 is a usage or input error, 130 Ctrl-C.
EXIT_INTERNAL = 3

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
    """Run the command line; return the exit status.

    Every error a user can cause is one or two lines (exit 2), Ctrl-C at any moment is exit
    130 without a traceback, notes (:class:`~andtsgraph.errors.AndtsNote`) are one line each,
    and output works whatever the terminal's encoding. Everything is said in the run's
    language (``--lang``; else :func:`andtsgraph.messages.language`), the library's messages
    included: the command runs inside :func:`~andtsgraph.messages.using_language`.
    """
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        lang = language(_lang_in(argv))
    except AndtsError as exc:  # ANDTSGRAPH_LANG or --lang names no language we speak
        _print_error(f"andtsgraph: {exc}")
        return EXIT_USAGE
    with using_language(lang):
        return _run(argv, lang)


def _lang_in(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` before argparse reads it, so that even a usage
    error speaks it (an unknown value is left for argparse to refuse)."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            return value
    return None


def _run(argv: Sequence[str], lang: Lang) -> int:
    args = None
    try:
        _safe_streams(lang)
        with warnings.catch_warnings():
            warnings.simplefilter("always", AndtsWarning)
            warnings.showwarning = _show_note
            args = build_parser().parse_args(argv)
            return args.func(args)
    except OutputExistsError as exc:
        _print_error(text("cli.plain", lang, message=exc.cli_message))
        return EXIT_USAGE
    except TemplateError as exc:  # a plan template given with --with: every problem, one a line
        from andtsgraph.cli.spreadsheet import problem_lines

        for line in problem_lines(exc, lang, loading=True):
            _print_error(line)
        return EXIT_USAGE
    except AndtsError as exc:
        _print_error(text("cli.error", lang, message=exc))
        return EXIT_USAGE
    except BrokenPipeError:
        # Standard output was closed early (``| head``): stop quietly, and keep Python from
        # complaining when it flushes the closed pipe at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _print_error(text("cli.plain", lang, message=text("common.interrupted", lang)))
        return 130
    except RecursionError:
        _print_error(text("cli.error", lang, message=text("cli.too_deep", lang)))
        return EXIT_USAGE
    except MemoryError:
        _print_error(text("cli.error", lang, message=text("cli.out_of_memory", lang)))
        return EXIT_USAGE
    except OSError as exc:  # a file or folder that cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        _print_error(text("cli.error", lang, message=f"{where}{exc.strerror or exc}"))
        return EXIT_USAGE
    except Exception as exc:
        # A bug, not the user's doing: one line still, and the traceback on request.
        if os.environ.get("ANDTSGRAPH_DEBUG"):
            raise
        _print_error(
            text(
                "cli.internal_error",
                lang,
                kind=type(exc).__name__,
                message=" ".join(str(exc).split())[:300],
            )
        )
        return EXIT_INTERNAL


def _print_error(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


def _show_note(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as one line each: notes as ``andtsgraph: note: …``, others as warnings."""
    key = "cli.note" if issubclass(category, AndtsNote) else "cli.warning"
    _print_error(text(key, message=" ".join(str(message).split())))


def _safe_streams(lang: Lang) -> None:
    """Output in any locale: a terminal that cannot show å, ä, ö (``PYTHONIOENCODING=ascii``)
    gets them escaped, with a one-line note, instead of a crash halfway through."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "åäö–→".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
                if stream is sys.stdout:
                    note = text("io.output_encoding", lang, encoding=encoding)
                    _print_error(text("cli.note", lang, message=note))
