"""A wheel built from the repository, installed into a new virtual environment outside it,
works on its own: the ontology, data and queries travel inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installed_outside_the_repository_runs_info_and_export(tmp_path, kg):
    dist = tmp_path / "dist"
    # --no-isolation: the build backend (hatchling, in the test extra) comes from this
    # environment instead of a new one fetched from the package index for every run;
    # scripts/setup.sh builds the package in isolation on every fresh machine anyway.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("andtsgraph-*.whl"))
    env_dir = tmp_path / "venv"
    # Without a pip of its own (ensurepip takes seconds): this environment's pip installs into
    # it with --python.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The dependencies come from this environment's site-packages (a path line in a .pth file:
    # its own .pth files, such as the editable install of the repository, are not read), so
    # pip installs only the wheel, without resolving and copying every dependency again.
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    parent = [p for p in sys.path if p.endswith("site-packages")]
    (Path(own) / "dependencies-of-the-test.pth").write_text("\n".join(parent) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    where = subprocess.run(
        [
            str(python),
            "-c",
            "from andtsgraph.resources import resource_root; print(resource_root())",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir), (
        "the installed package must use its own bundled data"
    )

    cli = env_dir / "bin" / "andtsgraph"
    info = subprocess.run(
        [str(cli), "info", "--json"], cwd=elsewhere, capture_output=True, text=True, timeout=300
    )
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert [p["id"] for p in data["plans"]] == [p.id for p in kg.plans]
    assert data["triples"] == len(kg)

    export = subprocess.run(
        [str(cli), "export", "--format", "nt"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert export.returncode == 0, export.stderr
    from rdflib import Graph

    installed = Graph().parse(data=export.stdout, format="nt")
    from andtsgraph.namespaces import CLOSURE_GRAPH

    local = Graph()

    for name in kg.graph_names():
        if name != str(CLOSURE_GRAPH):  # a single-graph export leaves the derived closure out
            local += kg.graph(name)
    assert len(installed) == len(local)
    from rdflib.compare import isomorphic

    assert isomorphic(installed, local)
