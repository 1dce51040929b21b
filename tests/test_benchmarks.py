"""The benchmark runner still runs (its figures are measured on demand, never here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import andtsgraph

RUNNER = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def _child(job: str, directory: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(RUNNER), "--child", "1", job, str(directory), "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _query_jobs() -> set[str]:
    """Every catalog query over all plans, and those that take a plan for one plan."""
    catalog = andtsgraph.catalog()
    return {f"query {q.name}" for q in catalog} | {
        f"one plan: {q.name}" for q in catalog if any(p.name == "plan" for p in q.params)
    }


@pytest.fixture(scope="module")
def oxigraph_figures(tmp_path_factory) -> dict:
    """The andtsgraph job's figures: run once, read by both tests."""
    return _child("oxigraph", tmp_path_factory.mktemp("bench"))


def test_every_job_of_the_andtsgraph_benchmark_runs_on_one_synthetic_plan(oxigraph_figures):
    figures = oxigraph_figures
    names = _query_jobs()
    jobs = {"load", "raw load (same run)", "validate", "gaps", "network", "report"}
    assert names | jobs == set(figures["runs"])
    assert not figures["timed_out"]
    assert all(len(times) == 1 and times[0] > 0 for times in figures["runs"].values())
    # The bundled plans and one synthetic plan: 4 + 1 plans, and more quads than the bundled.
    assert figures["size"]["plans"] == len(andtsgraph.load().plans) + 1
    assert figures["size"]["quads"] > len(andtsgraph.load())
    assert figures["peak_mb"] > 0


def test_raw_pyoxigraph_runs_the_same_query_texts(tmp_path, oxigraph_figures):
    figures = _child("raw", tmp_path)
    assert _query_jobs() | {"load"} == set(figures["runs"])
    # Raw Oxigraph loads the same files (the default graph of a TriG file stays default there).
    assert figures["size"]["quads"] == oxigraph_figures["size"]["quads"]
