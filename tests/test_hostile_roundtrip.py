"""Round trips: every format the CLI writes loads back to the same graph (issue 17, item 1)."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import andtsgraph
from andtsgraph.cli import main
from andtsgraph.namespaces import plan_graph

# In English: the messages these tests read are English (Swedish is the default;
# test_cli_lang.py checks both languages).
pytestmark = pytest.mark.usefixtures("english")


def _union(kg: andtsgraph.KnowledgeGraph) -> Graph:
    union = Graph()
    for name in kg.graph_names():
        union += kg.graph(name)
    return union


@pytest.fixture(scope="module")
def exported(kg, tmp_path_factory):
    """The whole bundled graph exported once in every RDF format, by the CLI."""
    folder = tmp_path_factory.mktemp("export")
    files = {}
    for fmt in ("jsonld", "ttl", "nt", "trig", "nq"):
        files[fmt] = folder / f"whole.{fmt}"
        assert main(["export", "--format", fmt, "-o", str(files[fmt])]) == 0
    return files


@pytest.mark.parametrize("fmt", ["jsonld", "trig", "nq"])
def test_whole_graph_dataset_export_keeps_every_graph(kg, exported, fmt):
    back = andtsgraph.load(exported[fmt], bundled=False)
    assert back.graph_names() == kg.graph_names()
    assert [p.to_record() for p in back.plans] == [p.to_record() for p in kg.plans]
    for name in kg.graph_names():
        assert isomorphic(back.graph(name), kg.graph(name)), name


def test_jsonld_export_is_not_an_empty_graph_when_validated(exported, capsys):
    # It was: the named graphs were dropped, and validate said "0 planer", exit 0.
    back = andtsgraph.load(exported["jsonld"], bundled=False)
    assert len(back.plans) == 5  # the five bundled plans


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_whole_graph_single_graph_export_loads_back_isomorphic(kg, exported, fmt):
    # It was refused: "holds 4 plans; put each plan in a file of its own".
    back = andtsgraph.load(exported[fmt], bundled=False)
    assert isomorphic(_union(back), _union(kg))
    assert [p.to_record() for p in back.plans] == [p.to_record() for p in kg.plans]
    # Each plan's parts are placed in its graph by andts:inPlan; the plans whose files say
    # nothing about shared things come back exactly.
    for plan_id in ("national-2022-2025", "kronoberg-2022-2026", "vasteras-2022-2025"):
        assert isomorphic(back.graph(plan_graph(plan_id)), kg.graph(plan_graph(plan_id)))


@pytest.mark.parametrize("fmt", ["jsonld", "ttl", "nt", "trig", "nq"])
def test_one_plan_export_loads_back_isomorphic(kg, tmp_path, fmt):
    out = tmp_path / f"vaxjo.{fmt}"
    assert main(["export", "--plan", "vaxjo", "-o", str(out)]) == 0
    back = andtsgraph.load(out, bundled=False)
    name = plan_graph("vaxjo-2022-2027")
    assert isomorphic(back.graph(name), kg.graph(name))


def test_export_format_follows_the_suffix(tmp_path):
    out = tmp_path / "all.nq"
    assert main(["export", "-o", str(out)]) == 0
    assert len(andtsgraph.load(out, bundled=False).plans) == 5
    assert out.read_text(encoding="utf-8").count("\n") > 4000  # one quad a line: N-Quads


def test_export_suffix_contradicting_format_is_refused(tmp_path, capsys):
    assert main(["export", "--format", "ttl", "-o", str(tmp_path / "x.nq")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "suffix says nq but --format is ttl" in err[0]
    assert not list(tmp_path.iterdir())


def test_revised_bundled_plan_replaces_the_bundled_one(kg, tmp_path, capsys):
    revised = tmp_path / "vaxjo-revised.ttl"
    assert main(["export", "--plan", "vaxjo", "-o", str(revised)]) == 0
    text = revised.read_text(encoding="utf-8")
    revised.write_text(
        text.replace("Växjö kommuns", "Reviderad: Växjö kommuns", 1), encoding="utf-8"
    )
    capsys.readouterr()
    for command in (
        ["info"],
        ["gaps", "--plan", "vaxjo"],
        ["report", "--plan", "vaxjo"],
        ["validate"],
    ):
        status = main([*command, "--with", str(revised)])
        err = capsys.readouterr().err
        assert status in (0, 1), (command, err)
        assert f"{revised} replaces the bundled plan vaxjo-2022-2027" in err, command
        assert "already loaded" not in err
    loaded = andtsgraph.load(revised)
    assert len([p for p in loaded.plans if p.id == "vaxjo-2022-2027"]) == 1
    assert loaded.sources[plan_graph("vaxjo-2022-2027")] == [revised]


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_revised_bundled_plan_in_a_dataset_format_replaces_it(tmp_path, capsys, fmt):
    revised = tmp_path / f"vaxjo.{fmt}"
    assert main(["export", "--plan", "vaxjo", "-o", str(revised)]) == 0
    capsys.readouterr()
    assert main(["info", "--with", str(revised)]) == 0
    captured = capsys.readouterr()
    assert f"{revised} replaces the bundled plan vaxjo-2022-2027" in captured.err
    assert captured.out.count("vaxjo-2022-2027  [") == 1
