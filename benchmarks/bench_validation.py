"""How long SHACL validation of the bundled plans takes (a benchmark, not a test).

Run on demand from the repository root::

    python benchmarks/bench_validation.py            # median of 7 runs
    python benchmarks/bench_validation.py --runs 15 --compare

It prints the machine (CPUs, CPU model, Python, pyshacl and rdflib versions) and the median
wall time of:

- ``validate(kg)``: the bundled plans, graph already loaded (the figure the README quotes);
- ``validate(kg, engine='pyshacl')``: the same with pyshacl instead of the SPARQL engine (the
  default on the Oxigraph store, :mod:`andtsgraph.validation.engines.sparql`);
- ``pyshacl call only``: the pyshacl call inside that, on the same data and shapes, prepared once;
- ``validate()``: loading the bundled data, then validating (what a library call costs cold);

and, with ``--compare``, what the pyshacl call alone costs when made naively (inputs prepared
once, outside the timing), to show why :mod:`andtsgraph.validation` calls it the way it does:

- the Dataset as data graph (pyshacl validates each named graph on its own, so every plan is
  cut off from its actors and concepts: slower, and wrong);
- RDFS inference with the ontology as ``ont_graph`` (what a subclass-based shapes file needs);
- the default ``inplace=False`` (pyshacl clones the data graph first).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

try:
    import andtsgraph
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import andtsgraph

import pyshacl

from andtsgraph.namespaces import ONTOLOGY_GRAPH
from andtsgraph.validation import data_graph, load_shapes, validate


def machine() -> str:
    """One line describing the machine and the libraries."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"nproc {cpus}, {model}, Python {platform.python_version()}, "
        f"pyshacl {version('pyshacl')}, rdflib {version('rdflib')}"
    )


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default: 7)")
    parser.add_argument(
        "--compare", action="store_true", help="also time naive pyshacl set-ups (slow)"
    )
    args = parser.parse_args(argv)

    print(machine())
    kg = andtsgraph.load()
    # pyshacl with inplace=True leaves the data graph as it is, so one copy serves every run;
    # it does add to the shapes graph, so each run gets a fresh copy of the shapes.
    data = data_graph(kg)
    report = validate(kg)
    print(
        f"{len(kg.plans)} plans, {len(data)} triples validated ({kg.backend.name} store), "
        f"{len(report)} results ({', '.join(f'{n} {s}' for s, n in report.counts().items())})\n"
    )

    rows = [
        ("validate(kg), graph loaded", lambda: validate(kg)),
        ("validate(kg, engine='pyshacl')", lambda: validate(kg, engine="pyshacl")),
        ("pyshacl call only", lambda: _pyshacl(data, load_shapes())),
        ("validate(), load + validate", lambda: validate()),
    ]
    if args.compare:
        ontology = kg.graph(str(ONTOLOGY_GRAPH))
        dataset = kg.dataset()
        rows += [
            (
                "naive: Dataset as data graph",
                lambda: pyshacl.validate(dataset, shacl_graph=load_shapes(), inference="none"),
            ),
            (
                "naive: RDFS inference + ontology",
                lambda: pyshacl.validate(
                    data, shacl_graph=load_shapes(), ont_graph=ontology, inference="rdfs"
                ),
            ),
            (
                "naive: inplace=False (clone)",
                lambda: pyshacl.validate(data, shacl_graph=load_shapes(), inference="none"),
            ),
        ]
    for label, action in rows:
        runs = args.runs if not label.startswith("naive") else max(3, args.runs // 2)
        print(f"{label:34s} median {median_seconds(action, runs):6.3f} s  ({runs} runs)")
    return 0


def _pyshacl(data, shapes) -> None:
    pyshacl.validate(data, shacl_graph=shapes, inference="none", inplace=True)


if __name__ == "__main__":
    sys.exit(main())
