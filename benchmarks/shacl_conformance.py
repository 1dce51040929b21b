"""The W3C SHACL Core test suite through each validation engine (a measurement, not a test).

Get the suite (it is not part of this repository; keep it outside the checkout)::

    git clone --depth 1 https://github.com/w3c/data-shapes ../data-shapes
    python benchmarks/shacl_conformance.py ../data-shapes/data-shapes-test-suite/tests/core

Each ``sht:Validate`` test (98 in SHACL Core) is run through each engine; a test passes when
the engine's ``sh:conforms`` and the multiset of (focus node, result path, constraint
component, severity) of its results equal the expected report's. An engine that refuses the
shapes (the SPARQL engine raises ``UnsupportedShapes`` naming what it does not compile)
counts as unsupported, never as a pass. Prints ``N/98 pass, F fail, U unsupported`` per
engine; ``--verbose`` lists every test that did not pass, with the difference.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, Namespace
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parents[1]
try:
    import andtsgraph  # noqa: F401
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(ROOT))

import logging  # noqa: E402
import warnings  # noqa: E402

import rdflib  # noqa: E402

from andtsgraph.validation import ShaclReport, UnsupportedShapes, validate_graph  # noqa: E402
from andtsgraph.validation.engines import select_graph, sparql  # noqa: E402

# rdflib logs a traceback for each ill-typed literal of the suite's data (on purpose there).
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
# The suite's literals as written ("1"^^xsd:boolean is not "true"): rdflib would normalise them.
rdflib.NORMALIZE_LITERALS = False
warnings.filterwarnings("ignore", message="Parsing weird boolean")
from andtsgraph.validation.shapes import path_text  # noqa: E402

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
#: "sparql-rdflib": the SPARQL engine's queries answered by rdflib's SPARQL engine (the memory
#: store) instead of pyoxigraph: the compiled queries must mean the same on every store.
ENGINES = ("sparql", "sparql-rdflib", "pyshacl")


def manifests(folder: Path) -> list[Path]:
    """The test files under ``folder``'s manifest, following mf:include."""
    found, todo, seen = [], [folder / "manifest.ttl"], set()
    while todo:
        path = todo.pop(0).resolve()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
        for include in graph.objects(None, MF.include):
            todo.append(Path(str(include).removeprefix("file://")))
        if list(graph.subjects(RDF.type, SHT.Validate)):
            found.append(path)
    return sorted(found)


def _graph(test_graph: Graph, node, base: Path) -> Graph:
    if str(node) == base.as_uri():
        return test_graph
    other = Path(str(node).removeprefix("file://"))
    return Graph().parse(other, format="turtle", publicID=other.as_uri())


def _term(graph: Graph, node) -> str:
    if node is None:
        return "-"
    if isinstance(node, BNode):
        # A blank node of the shapes graph describing a path; or a data blank node, named
        # by its id (the data and the expected report are the same parsed graph).
        if any(graph.predicate_objects(node)) and (
            graph.value(node, RDF.first) is not None
            or any(
                p
                in (
                    SH.inversePath,
                    SH.alternativePath,
                    SH.zeroOrMorePath,
                    SH.oneOrMorePath,
                    SH.zeroOrOnePath,
                )
                for p in graph.predicates(node)
            )
        ):
            return path_text(graph, node)
        return "_:"  # data blank nodes: the expected report's are other blank nodes
    return node.n3()


def expected(test_graph: Graph, test) -> tuple[bool, Counter]:
    result = test_graph.value(test, MF.result)
    conforms = test_graph.value(result, SH.conforms) == Literal(True)
    rows = Counter(
        (
            _term(test_graph, test_graph.value(r, SH.focusNode)),
            _term(test_graph, test_graph.value(r, SH.resultPath)),
            _term(test_graph, test_graph.value(r, SH.sourceConstraintComponent)),
            _term(test_graph, test_graph.value(r, SH.resultSeverity)),
        )
        for r in test_graph.objects(result, SH.result)
    )
    return conforms, rows


def _on_rdflib(data: Graph, shapes: Graph) -> tuple[bool, list]:
    results = sparql.run(select_graph(data), shapes)
    return not results, results


def run_test(path: Path, engine: str) -> tuple[str, str]:
    """Run the file's test through ``engine``: ("pass" | "fail" | "unsupported", details)."""
    test_graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    [test] = list(test_graph.subjects(RDF.type, SHT.Validate))
    action = test_graph.value(test, MF.action)
    data = _graph(test_graph, test_graph.value(action, SHT.dataGraph), path)
    shapes = _graph(test_graph, test_graph.value(action, SHT.shapesGraph), path)
    want = expected(test_graph, test)
    try:
        if engine == "sparql-rdflib":
            report = ShaclReport(*_on_rdflib(data, shapes), shapes=shapes, engine=engine)
        else:
            report = validate_graph(data, shapes, engine=engine)
    except UnsupportedShapes as exc:
        return "unsupported", str(exc)
    except Exception as exc:  # a crash is a failure, with its reason
        return "fail", f"{type(exc).__name__}: {exc}"
    got = (
        report.conforms,
        Counter(
            (
                _term(data, r.focus),
                _term(shapes, r.path),
                _term(shapes, r.component),
                _term(shapes, r.severity),
            )
            for r in report.results
        ),
    )
    if got == want:
        return "pass", ""
    missing = want[1] - got[1]
    extra = got[1] - want[1]
    return (
        "fail",
        f"conforms {got[0]} (expected {want[0]}); missing {dict(missing)}; extra {dict(extra)}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suite", type=Path, help="data-shapes-test-suite/tests/core")
    parser.add_argument("--engine", choices=ENGINES, action="append", help="default: both")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    files = manifests(args.suite)
    if not files:
        parser.error(f"no sht:Validate tests under {args.suite}/manifest.ttl")
    for engine in args.engine or ENGINES:
        outcomes = Counter()
        for path in files:
            outcome, details = run_test(path, engine)
            outcomes[outcome] += 1
            if args.verbose and outcome != "pass":
                print(f"  {engine} {outcome}: {path.relative_to(args.suite)}: {details[:400]}")
        print(
            f"{engine}: {outcomes['pass']}/{len(files)} pass, {outcomes['fail']} fail, "
            f"{outcomes['unsupported']} unsupported"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
