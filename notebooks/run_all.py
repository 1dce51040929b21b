"""Re-execute the researcher notebooks from a clean kernel and save them with their outputs.

The notebooks are committed with their outputs so that they read well on a code host; run this
after changing the library or the data, then commit the notebooks it rewrote::

    python notebooks/run_all.py                    # every notebook
    python notebooks/run_all.py 02-gaps.ipynb      # only these

Each notebook runs headless (nbclient, kernel ``python3``) with ``notebooks/`` as its working
directory and this repository first on ``PYTHONPATH``, so it uses the andtsgraph of this
working tree. A cell that raises stops the run with the cell and its traceback, and nothing is
saved. The test suite (``tests/test_notebooks.py``) executes them in the same way.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
#: Seconds a single cell may take before the run fails.
CELL_TIMEOUT = 300
KERNEL = "python3"


def notebooks() -> list[Path]:
    """Return the notebooks of this folder in reading order (``01-…``, ``02-…`` …).

    Examples
    --------
    >>> [p.name for p in notebooks()][0]
    '01-getting-started.ipynb'
    """
    return sorted(HERE.glob("[0-9][0-9]-*.ipynb"))


def kernel_environment() -> dict[str, str]:
    """Return the kernel's environment: ours, with this repository first on ``PYTHONPATH``.

    The kernel is a new process started in ``notebooks/``, where ``import andtsgraph`` would
    otherwise find only an installed copy (or none).

    Examples
    --------
    >>> kernel_environment()["PYTHONPATH"].split(os.pathsep)[0] == str(REPOSITORY)
    True
    """
    env = dict(os.environ)
    paths = [str(REPOSITORY), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


def execute(path: Path, timeout: int = CELL_TIMEOUT) -> nbformat.NotebookNode:
    """Execute one notebook from a clean kernel and return it with its outputs.

    Parameters
    ----------
    path : Path
        The notebook (nbformat 4).
    timeout : int
        Seconds each cell may take.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook; ``path`` is not changed.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises; the message holds the cell's source and traceback.

    Examples
    --------
    >>> executed = execute(HERE / "01-getting-started.ipynb")
    >>> [c.execution_count for c in executed.cells if c.cell_type == "code"][:3]
    [1, 2, 3]
    """
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=KERNEL,
        # Timestamps per cell would make every re-run a diff of the whole file.
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env=kernel_environment())
    return notebook


def save(notebook: nbformat.NotebookNode, path: Path) -> int:
    """Validate ``notebook`` and write it to ``path``; return the file's size in bytes."""
    nbformat.validate(notebook)
    nbformat.write(notebook, path)
    return path.stat().st_size


def main(argv: Sequence[str] | None = None) -> int:
    """Execute the notebooks named in ``argv`` (all when none) and save them in place."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook file names (default: all)")
    args = parser.parse_args(argv)
    chosen = [HERE / name for name in args.names] or notebooks()
    for path in chosen:
        if not path.is_file():
            parser.error(f"no notebook {path.name} in {HERE.name}/")
    for path in chosen:
        size = save(execute(path), path)
        print(f"{path.name}: executed and saved ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
