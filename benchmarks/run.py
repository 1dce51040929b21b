"""The national-scale benchmark suite (issue 9): run on demand, never by the tests.

From the repository root, with the package installed (``bash scripts/setup.sh --test``)::

    python benchmarks/run.py                       # N = 1, 10, 100, 311: everything (~1 h)
    python benchmarks/run.py --plans 311 --only oxigraph raw server
    python benchmarks/run.py --plans 1 10 --repeat 3
    python benchmarks/run.py --table-only          # rewrite results.md from the kept figures

For each N it writes a synthetic corpus (:mod:`andtsgraph.testing.synthetic`: N plans of 50 activities,
seed 0) beside the bundled data and measures, each in a fresh process so that its peak memory is
its own:

``oxigraph``, ``memory``
    andtsgraph on each embedded store: load, validate (all plans), every catalog query (over all
    plans: the heaviest form), the full gap analysis, the collaboration network with betweenness
    and communities, and the whole HTML report (validation, gaps, network, pictures).
``baseline``
    The same jobs the way a user would write them with plain rdflib, pyshacl and networkx: parse
    every file into a ``Dataset``, ``ds.query()`` each query, ``pyshacl.validate`` on the union,
    the gap queries over all plans, exact betweenness and Louvain on the actor projection.
``raw``
    pyoxigraph alone: ``Store.load`` and each catalog query's exact text with every term
    fetched: the practical limit andtsgraph's own queries are compared with.
``server``
    The Oxigraph server as installed (``oxigraph serve`` from PyPI, no flags, loopback): ``push``
    the whole graph, then each catalog query through ``andtsgraph.connect``; each answer is
    also compared with the embedded store's (the queries that differ are listed).
``virtuoso``
    The same on Virtuoso (Debian ``virtuoso-opensource``, a private instance on loopback, see
    ``tests/virtuoso_server.py``): push with Digest through its Graph Store endpoint.

Each figure is the median of ``--repeat`` runs (default 5); a job whose first run takes longer
than ``--budget`` seconds (default 20) is not repeated, and the table says how many runs each
median is of. Each job's figures go to ``benchmarks/results/jobs/<N>-<job>.json`` (with the machine), and
the table of all of them to ``benchmarks/results/results.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
try:
    import andtsgraph
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(ROOT))
    import andtsgraph

JOBS = ("oxigraph", "memory", "baseline", "raw", "server", "virtuoso")
SIZES = (1, 10, 100, 311)
ACTIVITIES_PER_PLAN = 50
SEED = 0
#: Parameters for queries that need one to do their usual work; the others run over all plans.
QUERY_PARAMS: dict[str, dict[str, str]] = {"search-activities": {"text": "tillsyn"}}
#: The gap analysis asks these catalog queries (the baseline runs each once over all plans).
GAP_QUERIES = (
    "uncovered-factors-by-plan",
    "factor-activities",
    "national-goal-coverage",
    "empty-goals-and-areas",
    "activities-without-indicator",
    "activities-without-responsible",
    "substance-level-matrix",
    "plan-documents",
)


# ---- measuring --------------------------------------------------------------------------------
class TimedOut(BaseException):
    """A run took longer than the timeout (a BaseException: the library turns every
    Exception from a store into a QueryError)."""


def _alarm(signum: int, frame: Any) -> None:
    raise TimedOut


class Timer:
    """Median wall times of named jobs, each repeated while it stays within the budget.

    A run longer than ``timeout`` seconds is stopped (SIGALRM: rdflib and networkx are pure
    Python, so it lands) and recorded as timed out: the plain-rdflib baseline would otherwise
    take hours at 311 plans.
    """

    def __init__(self, repeat: int, budget: float, timeout: int) -> None:
        self.repeat = repeat
        self.budget = budget
        self.timeout = timeout
        self.runs: dict[str, list[float]] = {}
        self.timed_out: dict[str, int] = {}
        signal.signal(signal.SIGALRM, _alarm)

    def time(self, name: str, job: Callable[[], Any], repeat: int | None = None) -> Any:
        """Run ``job`` up to ``repeat`` times (default: the suite's); keep its wall times
        (added to those kept already when ``repeat`` is given); return its last value (None
        if it timed out)."""
        times: list[float] = []
        value = None
        while len(times) < (repeat or self.repeat):
            start = time.perf_counter()
            signal.alarm(self.timeout)
            try:
                value = job()
            except TimedOut:
                self.timed_out[name] = self.timeout
                print(f"  {name}: over {self.timeout} s, stopped", file=sys.stderr)
                return None
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - start)
            if sum(times) > self.budget:
                break
        if repeat is not None:
            times = self.runs.get(name, []) + times
        self.runs[name] = times
        print(f"  {name}: {statistics.median(times):.3f} s ({len(times)} runs)", file=sys.stderr)
        return value


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- the jobs (each runs in a child process) ------------------------------------------------
def corpus_files(n_plans: int, directory: Path) -> list[Path]:
    """The corpus of ``n_plans`` plans in ``directory``, written once and reused."""
    from andtsgraph.testing.synthetic import synthetic_corpus

    corpus = synthetic_corpus(n_plans, seed=SEED, activities_per_plan=ACTIVITIES_PER_PLAN)
    paths = [directory / name for name in corpus.documents]
    if not all(p.exists() for p in paths):
        paths = corpus.write(directory, force=True)
    return paths


def plan_queries() -> list:
    """The catalog queries that take a plan: a coordinator asks them of one plan."""
    return [e for e in andtsgraph.catalog() if any(p.name == "plan" for p in e.params)]


def plan_iri(files: list[Path]) -> str:
    """The IRI of the corpus's last plan (a municipality's; its file is named by its id)."""
    from andtsgraph.namespaces import PLAN

    return str(PLAN) + sorted(f.stem for f in files if f.stem != "synthetic-actors")[-1]


def time_catalog(timer: Timer, kg: Any, files: list[Path]) -> dict[str, Any]:
    """Time every catalog query over all plans, then those that take a plan for one plan;
    return the answers over all plans (None where a query was stopped)."""
    answers = {}
    for entry in andtsgraph.catalog():
        params = QUERY_PARAMS.get(entry.name, {})
        answers[entry.name] = timer.time(
            f"query {entry.name}", lambda e=entry, p=params: kg.query(e.name, **p)
        )
    one = plan_iri(files)
    for entry in plan_queries():
        params = {**QUERY_PARAMS.get(entry.name, {}), "plan": one}
        timer.time(f"one plan: {entry.name}", lambda e=entry, p=params: kg.query(e.name, **p))
    return answers


def file_quads(kg) -> int:
    """The quads read from the files: the class closure the knowledge graph derives at load is
    left out, so that the figure compares with what raw pyoxigraph and rdflib load."""
    from andtsgraph.knowledge_graph import CLOSURE_GRAPH

    return len(kg) - len(kg.graph(str(CLOSURE_GRAPH)))


def job_andtsgraph(store: str, files: list[Path], timer: Timer) -> dict:
    from andtsgraph import report as report_module
    from andtsgraph.analysis import gaps, network
    from andtsgraph.validation import validate

    kg = timer.time("load", lambda: andtsgraph.load(files, store=store))
    size = {"quads": file_quads(kg), "plans": len(kg.plans)}
    if store == "oxigraph":
        # Raw pyoxigraph loading the same files in the same run, each time just before
        # validating: the ×raw of "validate" is the median of validate ÷ this over the pairs
        # (validate_ratio), so that the machine's load (it is shared) weighs on both alike.
        for _ in range(min(timer.repeat, 3)):
            timer.time("raw load (same run)", lambda: raw_load(files), repeat=1)
            timer.time("validate", lambda: validate(kg), repeat=1)
    else:
        timer.time("validate", lambda: validate(kg))
    time_catalog(timer, kg, files)
    timer.time("gaps", lambda: gaps.all_gaps(kg))
    timer.time("network", lambda: network.analyse(kg))

    def report() -> str:
        built = report_module.build_report(kg)
        return report_module.to_html(kg, built)

    timer.time("report", report)
    return size


def job_baseline(files: list[Path], timer: Timer) -> dict:
    """The obvious way: rdflib Dataset, ds.query, pyshacl on the union, networkx on the actors."""
    import networkx as nx
    import pyshacl
    from rdflib import Dataset, Graph, URIRef
    from rdflib.util import guess_format

    from andtsgraph.catalog import get_query
    from andtsgraph.knowledge_graph import (
        bundled_files,
    )
    from andtsgraph.namespaces import PREFIXES
    from andtsgraph.validation import load_shapes

    everything = [path for path, _ in bundled_files()] + files

    def load() -> Dataset:
        ds = Dataset(default_union=True)
        for path in everything:
            fmt = guess_format(str(path))
            if fmt in ("trig", "nquads"):
                ds.parse(path, format=fmt)
            else:
                ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt)
        return ds

    ds = timer.time("load", load)
    size = {"quads": len(list(ds.quads())), "plans": None}
    header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

    def run(name: str) -> list:
        from rdflib import Literal

        entry = get_query(name)
        bindings = {k: Literal(v) for k, v in QUERY_PARAMS.get(name, {}).items()}
        return list(ds.query(header + entry.text, initBindings=bindings))

    def shacl() -> bool:
        union = Graph()
        for triple in ds.triples((None, None, None)):
            union.add(triple)
        conforms, _, _ = pyshacl.validate(union, shacl_graph=load_shapes(), inference="none")
        return conforms

    timer.time("validate", shacl)
    for entry in andtsgraph.catalog():
        timer.time(f"query {entry.name}", lambda n=entry.name: run(n))
    timer.time("gaps", lambda: [run(name) for name in GAP_QUERIES])

    def network() -> tuple:
        graph = nx.Graph()
        for row in run("actor-activity-edges"):
            graph.add_edge(str(row.actor), str(row.activity))
        actors = {str(row.actor) for row in run("actor-activity-edges")}
        projection = nx.bipartite.weighted_projected_graph(graph, actors)
        between = nx.betweenness_centrality(projection)
        parts = nx.community.louvain_communities(projection, seed=42)
        return between, parts

    timer.time("network", network)
    return size


def raw_load(files: list[Path]):
    """pyoxigraph's own ``Store.load`` of the bundled files and ``files``, nothing around it."""
    import pyoxigraph as ox

    from andtsgraph.knowledge_graph import bundled_files

    formats = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG}
    store = ox.Store()
    for path in [path for path, _ in bundled_files()] + files:
        fmt = formats[path.suffix]
        graph = None if fmt == ox.RdfFormat.TRIG else ox.NamedNode(path.resolve().as_uri())
        store.load(path=path, format=fmt, to_graph=graph)
    return store


def job_raw(files: list[Path], timer: Timer) -> dict:
    """pyoxigraph with nothing around it: the practical limit."""
    from rdflib import Literal, URIRef

    from andtsgraph.catalog import get_query
    from andtsgraph.knowledge_graph import (
        SUBCLASS_QUERY,
        closure_update,
        superclasses,
    )
    from andtsgraph.namespaces import PREFIXES
    from andtsgraph.sparql_text import bind_with_values

    store = timer.time("load", lambda: raw_load(files))
    size = {"quads": len(store), "plans": None}  # the quads read from files, as for andtsgraph
    # The class closure, as andtsgraph derives it at load (the catalog relies on it); not
    # timed, so that "load" stays Oxigraph's own parse (the ratios are to it).
    pairs = store.query(SUBCLASS_QUERY, prefixes=PREFIXES, use_default_graph_as_union=True)
    store.update(closure_update(superclasses((c.value, s.value) for c, s in pairs)))

    def run(name: str, plan: str | None = None) -> list:
        entry = get_query(name)
        bindings: dict = {k: Literal(v) for k, v in QUERY_PARAMS.get(name, {}).items()}
        if plan:
            bindings["plan"] = URIRef(plan)
        text = bind_with_values(entry.text, bindings)
        solutions = store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
        return [tuple(solution) for solution in solutions]

    for entry in andtsgraph.catalog():
        timer.time(f"query {entry.name}", lambda n=entry.name: run(n))
    one = plan_iri(files)
    for entry in plan_queries():
        timer.time(f"one plan: {entry.name}", lambda n=entry.name: run(n, one))
    return size


def _differing(kg, answers: dict[str, Any]) -> list[str]:
    """The catalog queries whose answer on the server is not the embedded store's (or was
    stopped)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from server_compare import rows

    return [
        name
        for name, answer in answers.items()
        if answer is None or rows(answer) != rows(kg.query(name, **QUERY_PARAMS.get(name, {})))
    ]


#: Seconds a push may take in the server jobs: 312 graphs (511,000 triples at 311 plans) are
#: parsed and indexed by the server, which takes minutes on a shared machine.
PUSH_TIMEOUT = 1200


def _time_push(timer: Timer, push: Callable[[], Any]) -> None:
    """Time ``push`` with the longer limit of :data:`PUSH_TIMEOUT`."""
    limit, timer.timeout = timer.timeout, max(timer.timeout, PUSH_TIMEOUT)
    try:
        timer.time("push", push)
    finally:
        timer.timeout = limit


def job_server(files: list[Path], timer: Timer) -> dict:
    """Push everything to a real Oxigraph server as installed, then ask every catalog query
    through it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from oxigraph_server import oxigraph_server

    kg = andtsgraph.load(files)
    with tempfile.TemporaryDirectory() as location, oxigraph_server(Path(location)) as url:
        _time_push(timer, lambda: andtsgraph.push(kg, url, replace=True, timeout=PUSH_TIMEOUT))
        answers = time_catalog(timer, andtsgraph.connect(url, timeout=600), files)
    differ = _differing(kg, answers)
    return {"quads": file_quads(kg), "plans": len(kg.plans), "differ": differ}


def job_virtuoso(files: list[Path], timer: Timer) -> dict:
    """Push everything to a private Virtuoso (Digest, Graph Store Protocol), then ask every
    catalog query through its public endpoint."""
    sys.path.insert(0, str(ROOT / "tests"))
    from virtuoso_server import PASSWORD, USER, virtuoso_server

    kg = andtsgraph.load(files)
    with tempfile.TemporaryDirectory() as location, virtuoso_server(Path(location)) as (url, _):

        def push() -> None:
            andtsgraph.push(
                kg,
                f"{url}/sparql-auth",
                gsp_endpoint=f"{url}/sparql-graph-crud-auth",
                auth=(USER, PASSWORD),
                replace=True,
                timeout=PUSH_TIMEOUT,
            )

        _time_push(timer, push)
        answers = time_catalog(timer, andtsgraph.connect(f"{url}/sparql", timeout=600), files)
    differ = _differing(kg, answers)
    return {"quads": file_quads(kg), "plans": len(kg.plans), "differ": differ}


def child(
    n_plans: int, job: str, directory: Path, repeat: int, budget: float, timeout: int
) -> None:
    """Run one job on one corpus size; print its figures as one JSON line."""
    files = corpus_files(n_plans, directory)
    timer = Timer(repeat, budget, timeout)
    print(f"{job}, {n_plans} plans:", file=sys.stderr)
    if job in ("oxigraph", "memory"):
        size = job_andtsgraph(job, files, timer)
    elif job == "baseline":
        size = job_baseline(files, timer)
    elif job == "raw":
        size = job_raw(files, timer)
    elif job == "server":
        size = job_server(files, timer)
    else:
        size = job_virtuoso(files, timer)
    print(
        json.dumps(
            {
                "runs": timer.runs,
                "timed_out": timer.timed_out,
                "size": size,
                "peak_mb": peak_memory_mb(),
            }
        )
    )


# ---- the table --------------------------------------------------------------------------------
def machine() -> dict:
    """The machine and the library versions the figures were measured with."""
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return {
        "cpus": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        **{
            package: _version_or_none(package)
            for package in ("andtsgraph", "rdflib", "pyoxigraph", "pyshacl", "networkx", "igraph")
        },
        "oxigraph server": _version_or_none("oxigraph"),
    }


def _version_or_none(package: str) -> str | None:
    try:
        return version(package)
    except Exception:
        return None


def median(results: dict, n: int, job: str, name: str) -> float | None:
    runs = results.get(str(n), {}).get(job, {}).get("runs", {}).get(name)
    return statistics.median(runs) if runs else None


def validate_ratio(job: dict) -> str:
    """Validation ÷ raw load, as the median of the ratios of each pair timed one after the
    other (see :func:`job_andtsgraph`): on a shared machine whose load drifts between pairs,
    each pair's two sides see the same load. The ratio of the two medians follows in brackets
    when it differs."""
    raws = job.get("runs", {}).get("raw load (same run)", [])
    validates = job.get("runs", {}).get("validate", [])
    pairs = [v / r for v, r in zip(validates, raws, strict=False) if r]
    if not pairs:
        return ""
    paired = statistics.median(pairs)
    of_medians = statistics.median(validates) / statistics.median(raws)
    if f"{paired:.2f}" == f"{of_medians:.2f}":
        return f"{paired:.2f}"
    return f"{paired:.2f} ({of_medians:.2f})"


def _row_order(name: str) -> tuple[int, str]:
    """Rows in the order of the work: load, validate, queries (all plans, then one), analyses."""
    first = {"load": 0, "push": 1, "raw load (same run)": 2, "validate": 2, "gaps": 6, "network": 7}
    first["report"] = 8
    if name.startswith("query "):
        return 3, name
    if name.startswith("one plan: "):
        return 4, name
    return first.get(name, 9), name


def markdown(results: dict, info: dict) -> str:
    """The figures as Markdown tables: one per corpus size, jobs side by side."""
    lines = [
        f"Measured {info['date']} on {info['cpus']} CPUs ({info['cpu']}), Python "
        f"{info['python']}, rdflib {info['rdflib']}, pyoxigraph {info['pyoxigraph']}, pyshacl "
        f"{info['pyshacl']}, networkx {info['networkx']}, igraph {info['igraph']}. Medians in "
        "seconds; ×base = baseline ÷ andtsgraph (oxigraph), ×raw = andtsgraph ÷ raw pyoxigraph.",
        "",
    ]
    for n in sorted(results, key=int):
        jobs = results[n]
        size = next((j["size"] for j in jobs.values() if j.get("size", {}).get("quads")), {})
        lines.append(
            f"### {n} synthetic plans ({size.get('quads', '?'):,} quads with the bundled data)"
        )
        lines.append("")
        present = [j for j in JOBS if j in jobs]
        lines.append("| job | " + " | ".join(present) + " | ×base | ×raw |")
        lines.append("|---|" + "---:|" * (len(present) + 2))
        names: list[str] = []
        for job in present:
            found = [*jobs[job]["runs"], *jobs[job].get("timed_out", {})]
            names += [k for k in found if k not in names]
        names.sort(key=_row_order)
        for name in names:
            cells = []
            for job in present:
                value = median(results, int(n), job, name)
                stopped = jobs[job].get("timed_out", {}).get(name)
                cells.append(f"> {stopped}" if stopped else "" if value is None else f"{value:.3f}")
            ours = median(results, int(n), "oxigraph", name)
            base = median(results, int(n), "baseline", name)
            raw = median(results, int(n), "raw", name)
            base_stopped = jobs.get("baseline", {}).get("timed_out", {}).get(name)
            ratio_base = (
                f"{base / ours:.0f}×"
                if ours and base
                else f"> {base_stopped / ours:.0f}×"
                if ours and base_stopped
                else ""
            )
            if name == "validate":  # against the raw load of the same run (see job_andtsgraph)
                ratio_raw = validate_ratio(jobs.get("oxigraph", {}))
            else:
                ratio_raw = f"{ours / raw:.2f}" if ours and raw and name != "load" else ""
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio_base} | {ratio_raw} |")
        peaks = " | ".join(f"{jobs[j]['peak_mb']:.0f} MB" for j in present)
        lines.append(f"| peak memory | {peaks} | | |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--only", nargs="+", choices=JOBS, default=list(JOBS))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=20.0)
    parser.add_argument("--timeout", type=int, default=60, help="stop a run after this many s")
    parser.add_argument(
        "--rdflib-max-plans",
        type=int,
        default=100,
        help="run the memory store job only up to this many plans (it takes hours beyond)",
    )
    parser.add_argument(
        "--corpus", type=Path, help="where to keep the corpora (default: a temp dir)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument(
        "--table-only", action="store_true", help="only rewrite results.md from the kept figures"
    )
    parser.add_argument("--child", nargs=3, metavar=("N", "JOB", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        n, job, directory = args.child
        child(int(n), job, Path(directory), args.repeat, args.budget, args.timeout)
        return 0

    info = {"date": dt.date.today().isoformat(), **machine()}
    # Each job's figures are kept in a file of its own, so that jobs can be run (and rerun)
    # separately, even at the same time, and the table shows the newest figures of each.
    figures = args.out / "jobs"
    figures.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        base = args.corpus or Path(scratch)
        for n in [] if args.table_only else args.plans:
            directory = base / f"corpus-{n}"
            directory.mkdir(parents=True, exist_ok=True)
            for job in args.only:
                if job == "memory" and n > args.rdflib_max_plans:
                    continue
                command = [sys.executable, __file__, "--child", str(n), job, str(directory)]
                for option in ("repeat", "budget", "timeout"):
                    command += [f"--{option}", str(getattr(args, option))]
                done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
                if done.returncode != 0:
                    print(f"{job} on {n} plans failed (exit {done.returncode})", file=sys.stderr)
                    continue
                measured = json.loads(done.stdout.strip().splitlines()[-1])
                measured["machine"] = info
                (figures / f"{n}-{job}.json").write_text(json.dumps(measured, indent=1))
    results: dict[str, dict] = {}
    for path in sorted(figures.glob("*.json")):
        n, job = path.stem.split("-", 1)
        results.setdefault(n, {})[job] = json.loads(path.read_text())
    table = markdown(results, info)
    print(table)
    (args.out / "results.md").write_text(table + "\n", encoding="utf-8")
    print(f"written: {args.out / 'results.md'} (from {figures}/)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
