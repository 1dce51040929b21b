"""The README's section for coordinators, "Check your own plan", followed step by step as a
new coordinator would (issue 14): every command of its ``bash`` blocks runs in-process, in a
fresh folder, on the invented Sjöby plan the section tells her to copy. No step may warn
falsely, fail, or print a word of English.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from test_cli_lang import GIVE_AWAY, scrub

from andtsgraph.cli import main

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"


def coordinator_steps() -> list[list[str]]:
    """The commands of the section's ``bash`` blocks, in order, as argument lists."""
    section = README.read_text(encoding="utf-8").split("## Check your own plan", 1)[1]
    section = section.split("\n## ", 1)[0]
    steps = []
    for block in re.findall(r"```bash\n(.*?)```", section, re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                assert words[0] == "andtsgraph", line
                steps.append(words[1:])
    return steps


def said(captured) -> str:
    return captured.out + captured.err


def test_the_section_has_the_steps_it_promises():
    names = [step[0] for step in coordinator_steps()]
    assert names == ["template", "import", "validate", "info", "report", "gaps", "hubs"]
    # The example the section names is there to copy.
    assert "cp tests/fixtures/sjoby.xlsx min-plan.xlsx" in README.read_text(encoding="utf-8")


def test_following_the_steps_gives_no_warning_and_swedish_throughout(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    steps = coordinator_steps()
    template, rest = steps[0], steps[1:]
    assert main(template) == 0
    assert (tmp_path / "min-plan.xlsx").is_file()
    capsys.readouterr()
    # Step 2: she fills it in; here, as the section says, the invented example is copied.
    shutil.copy(ROOT / "tests" / "fixtures" / "sjoby.xlsx", tmp_path / "min-plan.xlsx")
    for step in rest:
        code = main(step)
        captured = capsys.readouterr()
        lines = (captured.out + captured.err).splitlines()
        assert code == 0, (step, captured.err)
        assert lines, step
        # No false warning: nothing is missing that the steps gave (the links travel with
        # the plan), and no note about anything the user did not do. (The plan's validation
        # findings are its own: Sjöby's plan has one quality warning, said in the report.)
        told = re.findall(
            r"(?m)^andtsgraph: (?:varning|warning|obs|note|fel|error): .*", said(captured)
        )
        assert not told, (step, told)
        english = [
            line
            for line in lines
            if any(re.search(w, scrub(line), re.IGNORECASE) for w in GIVE_AWAY["sv"])
        ]
        assert not english, (step, english[:5])
    html = (tmp_path / "min-plan.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html and "sjoby-2025-2028" in html
    assert (tmp_path / "min-plan.trig").is_file()


@pytest.mark.parametrize("step", ["validate", "report"])
def test_the_plan_loaded_from_the_import_has_its_links(tmp_path, monkeypatch, capsys, step):
    """The links the coordinator filled in travel with her plan: validation does not say her
    plan has no links, and the gaps rest on them."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "tests" / "fixtures" / "sjoby.xlsx", tmp_path / "min-plan.xlsx")
    assert main(["import", "min-plan.xlsx", "-o", "min-plan.trig"]) == 0
    capsys.readouterr()
    argv = next(s for s in coordinator_steps() if s[0] == step)
    assert main(argv) == 0
    out = capsys.readouterr().out
    # The rule the links answer (quality.ttl): it would fire if the links were left behind.
    assert "Ingen av planens insatser är kopplad till en risk- eller skyddsfaktor" not in out
    assert "sjoby-2025-2028" in out
