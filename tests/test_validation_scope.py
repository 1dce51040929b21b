"""What ``validate`` reports about a user's files (issue 15): every result under its plan,
``--plan`` narrowing, a file with no plan refused, bad data in one line."""

from __future__ import annotations

import json
import subprocess

import pytest
from cli_runner import run_cli

from andtsgraph.errors import AndtsError
from andtsgraph.testing.synthetic import write_corpus
from andtsgraph.validation import validate


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli("validate", *args)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three synthetic plans (one regional, two municipal) with their own actors and links,
    as TriG files in one folder: their actors and links go to the bundled graphs' names."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 3, seed=7, activities_per_plan=12)
    return folder


def test_every_result_about_a_corpus_is_under_one_of_its_plans(corpus):
    proc = run("--with", str(corpus), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    plans = [p["id"] for p in data["plans"]]
    assert len(plans) == 3 and all(p.startswith("synthetic-") for p in plans)
    assert data["results"], "the quality rules have findings in every synthetic plan"
    assert {r["plan"] for r in data["results"]} == set(plans)
    # Nothing about the bundled plans or the bundled actors they name.
    assert not [r for r in data["results"] if r["plan"] not in plans]
    assert not any("vaxjo" in r["focus"] or "vasteras" in r["focus"] for r in data["results"])


def test_plan_narrows_the_report_to_that_plan(corpus):
    everything = validate([corpus])
    one = sorted(everything.plans)[0]
    report = validate([corpus], plans=[one])
    assert list(report.plans) == [one]
    assert report.results == [r for r in everything.results if r.plan == one]
    proc = run(str(corpus), "--plan", one, "--format", "json")
    assert {r["plan"] for r in json.loads(proc.stdout)["results"]} == {one}


def test_an_unknown_plan_is_an_error_naming_the_plans(corpus):
    with pytest.raises(AndtsError, match=r"unknown plan 'vaxjo-2022-2027'.*synthetic-"):
        validate([corpus], plans=["vaxjo-2022-2027"])


def test_a_file_holding_no_plan_is_an_error_and_exit_2(tmp_path):
    actors = tmp_path / "actors.ttl"
    actors.write_text(
        "@prefix andts: <https://w3id.org/andtsgraph/ontology#> .\n"
        "<https://example.org/actor/x> a andts:Committee ; "
        '<http://www.w3.org/2000/01/rdf-schema#label> "X"@sv .\n',
        encoding="utf-8",
    )
    with pytest.raises(AndtsError, match="holds no plan"):
        validate([actors], lang="en")
    proc = run(str(actors), "--lang", "en")
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("andtsgraph: error: ") and "actors.ttl: holds no plan" in line
    assert proc.stdout == ""


def test_an_ill_typed_literal_is_one_line_never_a_traceback(tmp_path):
    from test_validation import BASE, PLAN_IRI

    bad = BASE.replace(
        'andts:validFrom "2024-01-01"^^xsd:date', 'andts:validFrom "2024-13-45"^^xsd:date'
    )
    bad = bad.replace("andts:sourcePage 3", 'andts:sourcePage "tre"^^xsd:integer')
    path = tmp_path / "bad.ttl"
    path.write_text(bad, encoding="utf-8")
    proc = run(str(path), "--lang", "en")
    assert proc.returncode == 1  # violations: the date and the page
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 1
    report = validate([path])
    shapes = {(r.shape.rsplit("#", 1)[-1], r.value) for r in report.results}
    assert ("PlanValidFrom", "2024-13-45") in shapes
    assert ("ComponentSourcePage", "tre") in shapes
    assert {r.plan for r in report.results} == {PLAN_IRI.rsplit("/", 1)[-1]}
