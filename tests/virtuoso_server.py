"""Start and stop a real Virtuoso server (Debian ``virtuoso-opensource``) for the tests.

The packaged service is never used: each server runs from a private ``virtuoso.ini`` in a
temporary folder (database, logs and both ports of its own, bound to loopback), and is stopped
by its PID.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from oxigraph_server import free_port

#: The administrator Virtuoso creates in a new database (loopback only, a throwaway database).
USER, PASSWORD = "dba", "dba"

_PACKAGED_INI = sorted(Path("/etc").glob("virtuoso-opensource-*/virtuoso.ini"))


def virtuoso_command() -> str:
    """Return the ``virtuoso-t`` executable."""
    found = shutil.which("virtuoso-t")
    if not found or not _PACKAGED_INI:
        raise RuntimeError(
            "Virtuoso is not installed: run scripts/setup.sh --test (virtuoso-opensource)"
        )
    return found


def write_config(folder: Path, sql_port: int, http_port: int) -> Path:
    """Write a private ``virtuoso.ini`` into ``folder``: every file there, loopback ports."""
    config = configparser.ConfigParser(
        interpolation=None, strict=False, inline_comment_prefixes=(";",)
    )
    config.optionxform = str  # Virtuoso's keys are case-sensitive
    config.read(_PACKAGED_INI[-1])
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    for key in (
        "DatabaseFile",
        "ErrorLogFile",
        "LockFile",
        "TransactionFile",
        "xa_persistent_file",
    ):
        name = Path(config["Database"][key]).name
        config["Database"][key] = str(db / name)
    for key in ("DatabaseFile", "TransactionFile"):
        config["TempDatabase"][key] = str(db / Path(config["TempDatabase"][key]).name)
    config["Parameters"]["ServerPort"] = f"127.0.0.1:{sql_port}"
    config["Parameters"]["DirsAllowed"] = f"., {folder}"
    config["Parameters"]["NumberOfBuffers"] = "20000"
    config["Parameters"]["MaxDirtyBuffers"] = "15000"
    config["HTTPServer"]["ServerPort"] = f"127.0.0.1:{http_port}"
    # The packaged limit cuts answers at 10,000 rows; a national corpus has larger ones.
    config["SPARQL"]["ResultSetMaxRows"] = "10000000"
    config["SPARQL"]["MaxQueryExecutionTime"] = "600"
    config["SPARQL"]["MaxQueryCostEstimationTime"] = "0"
    path = folder / "virtuoso.ini"
    with path.open("w") as handle:
        config.write(handle, space_around_delimiters=True)
    return path


def isql(sql_port: int, statement: str) -> str:
    """Run one SQL statement as the administrator with ``isql-vt``; return its output."""
    proc = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", USER, PASSWORD, f"exec={statement}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode != 0 or "*** Error" in proc.stdout + proc.stderr:
        raise RuntimeError(f"isql-vt failed: {proc.stdout} {proc.stderr}")
    return proc.stdout


@contextmanager
def virtuoso_server(folder: Path, *, http_port: int | None = None, sql_port: int | None = None):
    """Run ``virtuoso-t`` on free loopback ports from a private configuration in ``folder``;
    yield its HTTP base URL (``/sparql``, ``/sparql-auth``, ``/sparql-graph-crud-auth``) and
    SQL port; stop it by PID."""
    command = virtuoso_command()
    sql_port = sql_port or free_port()
    http_port = http_port or free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = write_config(folder, sql_port, http_port)
    process = subprocess.Popen(
        [command, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                log = (folder / "db" / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"virtuoso exited: {log}")
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("virtuoso did not start within 60 s") from None
                time.sleep(0.2)
        yield base, sql_port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    """Run a private Virtuoso until Ctrl-C (the README's shared-server example)."""
    import argparse

    parser = argparse.ArgumentParser(description="Run Virtuoso from a private folder on loopback.")
    parser.add_argument("folder", type=Path, help="where its configuration and database live")
    parser.add_argument("--http-port", type=int, default=8890)
    parser.add_argument("--sql-port", type=int, default=1111)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    with virtuoso_server(args.folder, http_port=args.http_port, sql_port=args.sql_port) as (url, _):
        print(
            f"Virtuoso at {url}/sparql (read), {url}/sparql-auth and {url}/sparql-graph-crud-auth (write, Digest); Ctrl-C stops it",
            flush=True,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
