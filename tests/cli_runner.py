"""Run the command line in-process, through ``andtsgraph.cli.main(argv)``: the same code a
shell runs, with its output, exit status and usage errors, but without starting a new Python
(and importing every library again) for each command. A few tests in test_cli.py still run
``python -m andtsgraph`` as a real subprocess."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from andtsgraph.cli import main
from andtsgraph.messages import using_language


def run_cli(
    *args: str, cwd: str | Path | None = None, lang: str | None = None
) -> subprocess.CompletedProcess:
    """``andtsgraph ARGS`` as a CompletedProcess (returncode, stdout, stderr); ``lang`` runs it
    as ``ANDTSGRAPH_LANG=lang`` would (for a test that reads an English message)."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with (
            using_language(lang),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["andtsgraph", *args], code, out.getvalue(), err.getvalue())
