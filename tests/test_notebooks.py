"""Researcher notebooks (issue 8): each one runs headless from a clean kernel, uses only the
public API, and shows the real findings, both as committed and when executed now.

The notebooks are executed with ``notebooks/run_all.py`` (the script that also saves them), so
the test runs them exactly as they are regenerated: kernel ``python3``, ``notebooks/`` as the
working directory, this repository first on ``PYTHONPATH``. A cell that raises fails the test
with ``CellExecutionError``, which names the cell and its traceback.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

import andtsgraph
from andtsgraph.analysis import network

REPOSITORY = Path(__file__).resolve().parents[1]
FOLDER = REPOSITORY / "notebooks"
EXPECTED = [
    "01-getting-started.ipynb",
    "02-gaps.ipynb",
    "03-networks.ipynb",
    "04-validate-your-own-plan.ipynb",
]
#: The modules a notebook may import from, and the names each may give.
PUBLIC = {
    "andtsgraph": {*andtsgraph.__all__, "analysis", "render"},
    "andtsgraph.analysis": {"gaps", "network"},
    "andtsgraph.render": None,  # any public (not underscored) name
}
#: A committed notebook must read well on a code host without weighing it down.
MAX_BYTES = 1024 * 1024


def _runner() -> ModuleType:
    """Import ``notebooks/run_all.py`` (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("run_all", FOLDER / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run_all = _runner()


@cache
def fresh(name: str) -> nbformat.NotebookNode:
    """The notebook executed now from a clean kernel (once per test session)."""
    return run_all.execute(FOLDER / name, timeout=300)


def committed(name: str) -> nbformat.NotebookNode:
    """The notebook as it is in the repository, with its saved outputs."""
    return nbformat.read(FOLDER / name, as_version=4)


def notebook(version: str, name: str) -> nbformat.NotebookNode:
    return fresh(name) if version == "fresh" else committed(name)


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def texts(output: nbformat.NotebookNode) -> Iterator[str]:
    """The text an output shows: a stream, plain text, HTML or SVG."""
    if output.output_type == "stream":
        yield output.text
    for kind in ("text/plain", "text/html", "image/svg+xml"):
        if kind in output.get("data", {}):
            yield output.data[kind]


def output_of(nb: nbformat.NotebookNode, fragment: str, kind: str = "text/plain") -> str:
    """The outputs (of ``kind``, and streams) of the one code cell whose source holds
    ``fragment``."""
    cells = [c for c in code_cells(nb) if fragment in c.source]
    assert len(cells) == 1, f"{len(cells)} cells contain {fragment!r}"
    parts = []
    for output in cells[0].outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif kind in output.get("data", {}):
            parts.append(output.data[kind])
    return "\n".join(parts)


def svgs(nb: nbformat.NotebookNode) -> list[str]:
    return [
        o.data["image/svg+xml"]
        for c in code_cells(nb)
        for o in c.outputs
        if "image/svg+xml" in o.get("data", {})
    ]


def plain(svg: str) -> str:
    """SVG text as it reads: Graphviz writes every hyphen as ``&#45;``."""
    return svg.replace("&#45;", "-")


def private_uses(source: str) -> list[str]:
    """What a piece of notebook code uses of andtsgraph beyond its public API."""
    tree = ast.parse(source)
    modules, found = _imports(tree)
    return found + _private_attributes(tree, modules)


def _imports(tree: ast.AST) -> tuple[set[str], list[str]]:
    """The local names bound to public andtsgraph modules, and the non-public imports."""
    modules: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in PUBLIC:
                    modules.add(alias.asname or alias.name.split(".")[0])
                elif alias.name.split(".")[0] == "andtsgraph":
                    found.append(f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("andtsgraph"):
            allowed = PUBLIC.get(node.module or "", set())
            for alias in node.names:
                public = (
                    node.module in PUBLIC
                    and not alias.name.startswith("_")
                    and (allowed is None or alias.name in allowed)
                )
                if public:
                    modules.add(alias.asname or alias.name)
                else:
                    found.append(f"from {node.module} import {alias.name}")
    return modules, found


def _private_attributes(tree: ast.AST, modules: set[str]) -> list[str]:
    """``module.name`` uses of a private name (or, on ``andtsgraph``, of a name not exported)."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        if node.value.id not in modules:
            continue
        exported = node.value.id != "andtsgraph" or node.attr in PUBLIC["andtsgraph"]
        if node.attr.startswith("_") or not exported:
            found.append(f"{node.value.id}.{node.attr}")
    return found


# ---------------------------------------------------------------------------------------------
# The set of notebooks, and how they are committed
# ---------------------------------------------------------------------------------------------
def test_the_four_stories_are_there_in_reading_order():
    assert [p.name for p in run_all.notebooks()] == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_notebook_is_executed_in_order_and_small(name):
    path = FOLDER / name
    nb = committed(name)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    cells = code_cells(nb)
    # Saved after a run from a clean kernel: every cell ran, once, top to bottom.
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    outputs = [o for c in cells for o in c.outputs]
    assert len(outputs) >= len(cells) // 2, "saved without most of its outputs"
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= 5, "prose between the cells"
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_outputs_name_no_path_of_the_machine_they_ran_on(name):
    places = (str(REPOSITORY), str(Path.home()) + "/", tempfile.gettempdir() + "/")
    machine = {p for p in places if p.strip("/")}  # a home of "/" would match any path
    shown = "\n".join(t for c in code_cells(committed(name)) for o in c.outputs for t in texts(o))
    assert shown
    assert not [p for p in machine if p in shown]


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_uses_only_the_public_api(name):
    uses = [u for c in code_cells(committed(name)) for u in private_uses(c.source)]
    assert uses == []
    sources = "\n".join(c.source for c in code_cells(committed(name)))
    assert "import andtsgraph" in sources


def test_the_public_api_check_catches_private_imports():
    assert private_uses("from andtsgraph.knowledge_graph import load") == [
        "from andtsgraph.knowledge_graph import load"
    ]
    assert private_uses("import andtsgraph.validation") == ["import andtsgraph.validation"]
    assert private_uses("import andtsgraph\nandtsgraph.namespaces.PREFIXES") == [
        "andtsgraph.namespaces"
    ]
    assert private_uses("from andtsgraph.analysis import gaps\ngaps._plan_iri(kg, 'x')") == [
        "gaps._plan_iri"
    ]
    assert private_uses("from andtsgraph import report") == ["from andtsgraph import report"]
    public = "import andtsgraph\nfrom andtsgraph import render\nfrom andtsgraph.analysis import gaps, network\nandtsgraph.load(); render.to_svg(x)"
    assert private_uses(public) == []


def test_a_cell_that_raises_fails_the_run(tmp_path):
    broken = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import andtsgraph\nkg = andtsgraph.load()"),
            nbformat.v4.new_code_cell("kg.plan('no-such-plan')"),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    path = tmp_path / "broken.ipynb"
    nbformat.write(broken, path)
    with pytest.raises(CellExecutionError, match="PlanNotFoundError"):
        run_all.execute(path, timeout=120)


def test_run_all_puts_this_repository_first_on_the_kernels_path():
    env = run_all.kernel_environment()
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(REPOSITORY)


# ---------------------------------------------------------------------------------------------
# Executed now, from a clean kernel
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_from_a_clean_kernel(name):
    nb = fresh(name)  # raises CellExecutionError on the first cell that fails
    cells = code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]
    # Same cells, same kinds of output as committed: a run that silently shows less (an
    # empty table, a missing picture) is caught here.
    assert output_kinds(cells) == output_kinds(code_cells(committed(name)))


def output_kinds(cells: list[nbformat.NotebookNode]) -> list[list[list[str]]]:
    """Each cell's outputs by kind. Consecutive prints to one stream are one output: the kernel
    sends them as one or several messages depending on how busy the machine is."""
    kinds = []
    for cell in cells:
        seen: list[list[str]] = []
        for o in cell.outputs:
            kind = sorted(o.get("data", {})) or [o.output_type, o.get("name", "")]
            if not (seen and kind == seen[-1] and o.output_type == "stream"):
                seen.append(kind)
        kinds.append(seen)
    return kinds


VERSIONS = ["committed", "fresh"]


@pytest.mark.parametrize("version", VERSIONS)
def test_getting_started_lists_the_plans_runs_queries_and_draws_vaxjo(version, kg):
    nb = notebook(version, "01-getting-started.ipynb")
    plans = output_of(nb, 'plans = kg.plans.to_dataframe().set_index("id")')
    # pandas wraps a wide table into blocks, each listing the rows again.
    shown = list(dict.fromkeys(re.findall(r"^([a-z]+-\d{4}-\d{4})\s", plans, re.M)))
    assert shown == [p.id for p in kg.plans]
    catalog = output_of(nb, "andtsgraph.catalog()")
    assert all(q.name in catalog for q in andtsgraph.catalog())
    assert "Polisen" in output_of(nb, '"shared-actors"')
    substances = output_of(nb, "per_substance.pivot")
    assert re.search(r"^Alkohol\s+\d+\s+\d+\s+\d+$", substances, re.M)
    (picture,) = svgs(nb)
    assert "ANDTS-plan för Växjö kommun" in plain(picture)
    assert "3.1.1 Barnens bästa gäller!" in plain(picture)


@pytest.mark.parametrize("version", VERSIONS)
def test_gaps_shows_langning_among_vaxjos_gaps_and_the_matrices(version):
    nb = notebook(version, "02-gaps.ipynb")
    vaxjo = output_of(nb, 'gaps.uncovered_factors(kg, plan="vaxjo")')
    assert "Langning" in vaxjo and "Tillåtande syn på droger" in vaxjo
    counts = output_of(nb, "pd.crosstab(factor_gaps")
    assert re.search(r"^vaxjo-2022-2027\s+0\s+8$", counts, re.M)
    # The one thing the regional plan covers and Växjö's does not.
    neighbour = output_of(nb, 'compare("vaxjo", "kronoberg")')
    assert re.search(r"^0\s+factor\s+Langning", neighbour, re.M)
    assert not re.search(r"^1\s", neighbour, re.M), "only one finding"
    matrices = [plain(s) for s in svgs(nb) if "Indikerad" in s]
    assert len(matrices) == 2
    assert "vaxjo-2022-2027" in matrices[0] and "vasteras-2022-2025" in matrices[1]
    assert "#f4cccc" in matrices[1]  # empty cells are red: Västerås has no selective prevention
    goals = output_of(nb, "uncovered_national_goals")
    # Each plan leaves national goal 7 (EU and international) uncovered.
    assert goals == "{'kronoberg-2022-2026': 1, 'vasteras-2022-2025': 1, 'vaxjo-2022-2027': 1}"


@pytest.mark.parametrize("version", VERSIONS)
def test_networks_names_beredningsgruppen_first_among_kronobergs_hubs(version, kg):
    nb = notebook(version, "03-networks.ipynb")
    hubs = output_of(nb, 'table(summaries["kronoberg"].top(8))')
    assert re.search(r"^0\s+Beredningsgruppen\s", hubs, re.M)
    brokers = output_of(nb, 'combined.top(6, by="betweenness")')
    assert re.search(r"^0\s+Polisen\s", brokers, re.M)
    bridges = output_of(nb, "network.bridges_between_plans(kg)")
    assert re.search(r"Polisen\s+kronoberg-2022-2026, vaxjo-2022-2027", bridges)
    (picture,) = svgs(nb)
    assert "Polisen" in picture and "Beredningsgruppen" in picture and "Växjö kommun" in picture
    # The exported GraphML, read back, is the whole actor network.
    combined = network.analyse(kg)
    exported = output_of(nb, "network.export_network")
    assert f"read back: {len(combined.actors)} actors, {combined.edges} ties" in exported
    assert re.search(r"andts-actors\.graphml: \d+ KiB", exported)


@pytest.mark.parametrize("version", VERSIONS)
def test_validate_your_own_plan_ends_cleaner_than_it_began(version):
    nb = notebook(version, "04-validate-your-own-plan.ipynb")
    counts = output_of(
        nb, 'pd.DataFrame({"first draft": first.counts(), "fixed": second.counts()})'
    )
    rows = {
        severity: (int(before), int(after))
        for severity, before, after in re.findall(r"^(\w+)\s+(\d+)\s+(\d+)$", counts, re.M)
    }
    assert set(rows) == {"violation", "warning", "info"}
    before = sum(b for b, _ in rows.values())
    after = sum(a for _, a in rows.values())
    assert rows["violation"][0] >= 1 and rows["warning"][0] >= 3
    assert after < before and after == 0
    report = output_of(nb, "print(first.to_text())")
    assert "has no responsible actor" in report
    assert "Kommunen informerar föräldrar om langning" in report
    assert "Langning" in output_of(nb, 'gaps.neighbour_covers(kg, "vaxjo", "pahittsta")')
    assert "pahittsta-2025-2028" in output_of(nb, "network.bridges_between_plans(kg,")
