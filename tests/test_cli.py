"""The command line: its output and exit status. Most tests run it in-process through
``main(argv)`` (tests/cli_runner.py); those marked below run ``python -m andtsgraph`` as a
real subprocess, as a user's shell does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_runner import run_cli


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd)


def run_subprocess(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "andtsgraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_info_json_is_one_object_with_every_plan_and_its_counts(kg):
    proc = run("info", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["triples"] == len(kg)
    assert [p["id"] for p in data["plans"]] == [p.id for p in kg.plans]
    required = {
        "id",
        "title",
        "kind",
        "valid_from",
        "valid_until",
        "goals",
        "action_areas",
        "activities",
        "indicators",
        "actors",
    }
    for plan in data["plans"]:
        assert required <= set(plan)
    national = next(p for p in data["plans"] if p["id"] == "national-2022-2025")
    assert (national["kind"], national["goals"], national["activities"]) == ("national", 8, 0)


def test_info_text_lists_the_plans(kg):
    proc = run("info")
    assert proc.returncode == 0
    assert f"{len(kg.plans)} planer" in proc.stdout
    assert "national-2022-2025  [nationell]  2022 – 2025" in proc.stdout
    english = run("info", "--lang", "en")
    assert f"{len(kg.plans)} plans" in english.stdout
    assert "national-2022-2025  [national]  2022 – 2025" in english.stdout


def test_export_nt_to_stdout():
    proc = run("export", "--format", "nt")
    assert proc.returncode == 0
    assert (
        '<https://w3id.org/andtsgraph/plan/national-2022-2025> <http://purl.org/dc/terms/identifier> "Skr. 2021/22:213" .'
        in proc.stdout
    )


def test_export_refuses_to_overwrite_and_keeps_the_file(tmp_path):
    out = tmp_path / "graph.trig"
    out.write_text("mine", encoding="utf-8")
    proc = run("export", "-o", str(out), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"andtsgraph: {out} finns redan; använd --force för att skriva över"
    ]
    proc = run("export", "-o", str(out), "--lang", "en")
    assert proc.stderr.strip().splitlines() == [
        f"andtsgraph: {out} exists; use --force to overwrite it"
    ]
    assert out.read_text(encoding="utf-8") == "mine"
    proc = run("export", "-o", str(out), "--force")
    assert proc.returncode == 0
    assert out.read_text(encoding="utf-8") != "mine"


@pytest.mark.parametrize(
    ("args", "content", "expected"),
    [
        (["info", "--with", "{dir}/missing.ttl"], None, "missing.ttl: no such file"),
        (
            ["info", "--with", "{dir}/bad.ttl"],
            "@prefix ex: <http://e/> .\nex:a ex:b .\n",
            "bad.ttl, line 2: turtle syntax error",
        ),
        (["export", "--with", "{dir}/bad.ttl"], "<http://a> <http://b> ", "bad.ttl"),
        (["info", "--with", "{dir}/bad.ttl"], "\xff\xfe not text", "bad.ttl"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(tmp_path, args, content, expected):
    if content is not None:
        (tmp_path / "bad.ttl").write_bytes(content.encode("latin-1"))
    proc = run_subprocess(*[a.format(dir=tmp_path) for a in args], "--lang", "en")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("andtsgraph: error: ")
    assert expected in lines[0]
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2_without_traceback():
    proc = run_subprocess("export", "--format", "docx")
    assert proc.returncode == 2
    assert "invalid choice: 'docx'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 2


def test_every_command_has_help():
    for command in ([], ["info"], ["export"]):
        proc = run(*command, "--help")
        assert proc.returncode == 0
        assert "usage: andtsgraph" in proc.stdout
