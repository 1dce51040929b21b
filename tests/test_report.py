"""Pictures and the main job's report: legible PNG/SVG/DOT of the real plans, the terminal
summary, and an HTML page that opens offline and renders in a real headless browser."""

from __future__ import annotations

import html
import re

import pytest
from browser import not_blank, screenshot
from cli_runner import run_cli
from PIL import Image

import andtsgraph
from andtsgraph import render, report
from andtsgraph.analysis import gaps, network


@pytest.fixture(scope="module")
def built(kg):
    return report.build_report(kg)


def test_hierarchy_picture_of_a_real_plan(kg, tmp_path):
    dot = render.plan_hierarchy(kg, "kronoberg")
    # plan + 6 goals + 14 areas + 30 activities; pydot also lists the node and edge defaults.
    drawn = [n for n in dot.get_nodes() if n.get_name() not in ("node", "edge")]
    assert len(drawn) == 1 + 6 + 14 + 30
    assert len(dot.get_edges()) == 6 + 14 + 30
    png = render.write_picture(dot, tmp_path / "kr.png")
    with Image.open(png) as image:
        assert image.width > 800 and image.height > 800
    assert not_blank(png)
    svg = render.write_picture(dot, tmp_path / "kr.svg").read_text(encoding="utf-8")
    assert "Tillgänglighetsbegränsande insatser" in svg


def test_network_picture(kg, tmp_path):
    summary = network.analyse(kg)
    png = render.write_picture(render.collaboration_network(summary), tmp_path / "net.png")
    assert not_blank(png)
    svg = render.to_svg(render.collaboration_network(summary))
    for label in ("Polisen", "Beredningsgruppen", "Individ- och familjenämnden"):
        assert label in svg.replace("&#45;", "-")


def test_matrix_picture(kg, tmp_path):
    dot = render.coverage_matrix(gaps.coverage_matrix(kg, "vaxjo"))
    text = render.write_picture(dot, tmp_path / "m.dot").read_text(encoding="utf-8")
    assert "Indikerad" in text and "#f4cccc" in text  # the empty cells are red
    assert not_blank(render.write_picture(dot, tmp_path / "m.png"))


def test_pictures_never_overwrite_without_force(kg, tmp_path):
    out = tmp_path / "x.svg"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(andtsgraph.OutputExistsError):
        render.write_picture(render.plan_hierarchy(kg, "vasteras"), out)
    assert out.read_text(encoding="utf-8") == "mine"
    with pytest.raises(andtsgraph.AndtsError, match=r"\.dot, \.svg eller \.png"):
        render.write_picture(render.plan_hierarchy(kg, "vasteras"), tmp_path / "x.pdf")


def test_terminal_report(built):
    text = report.to_text(built)
    assert "Inga överträdelser av strukturreglerna." in text
    assert "vaxjo-2022-2027      Varning: 23 insatser saknar indikator (uppföljning)" in text
    assert "Det som kronoberg-2022-2026 täcker men inte vaxjo-2022-2027: Langning" in text
    hubs = text[text.index("Nav (flest samverkanspartner)") :]
    # Polisen: 7 insatser in Kronoberg (responsible for 5, partner in 2) and Växjö 3.2.1's
    # "samverkan mellan … polis …": 8, as actor-activities lists them.
    assert re.search(r"Polisen\s+29\s+44\s+8\s+0\.239", hubs)
    assert "Polisen: kronoberg-2022-2026, vaxjo-2022-2027" in text


def test_english_report(kg):
    text = report.to_text(report.build_report(kg, plan="vasteras", lang="en"))
    assert "Risk factors no activity addresses (9)" in text
    assert "vasteras-2022-2025   Warning: 16" in text


def test_html_report_is_self_contained(built, kg, tmp_path):
    path = report.write_html(kg, built, tmp_path / "report.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # The network, a hierarchy for each of the three plans with activities, and the matrix of
    # Växjö and Västerås (Kronoberg states no prevention levels, so its matrix is a sentence).
    assert page.count("<svg") == 1 + 3 + 2
    # Nothing is fetched: no scripts, stylesheets or images from elsewhere.
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"""(src|href)=["']https?:""", page)
    for text in (
        "Regional handlingsplan ANDTS och brottsförebyggande arbete 2022–2026",
        "Beredningsgruppen",
        "Langning",
    ):
        assert text in page
    with pytest.raises(andtsgraph.OutputExistsError):
        report.write_html(kg, built, path)


def test_headless_chromium_renders_the_report(built, kg, tmp_path):
    page = report.write_html(kg, built, tmp_path / "report.html")
    shot = screenshot(page, tmp_path / "shot.png", (1400, 3000))
    with Image.open(shot) as image:
        assert image.size == (1400, 3000)
    assert not_blank(shot)


def test_cli_report_writes_html_and_prints_the_summary(tmp_path):
    out = tmp_path / "r.html"
    proc = run_cli("report", "--plan", "vaxjo", "--html", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Riskfaktorer som ingen insats påverkar (8)" in proc.stdout
    assert out.read_text(encoding="utf-8").count("<svg") >= 2
    again = run_cli("report", "--html", str(out))
    assert again.returncode == 2 and "finns redan; använd --force" in again.stderr


def test_cli_render(tmp_path):
    out = tmp_path / "h.png"
    proc = run_cli("render", "hierarchy", "--plan", "vaxjo", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert not_blank(out)
    missing = run_cli("render", "matrix", "-o", str(tmp_path / "m.svg"))
    assert (
        missing.returncode == 2
        and missing.stderr.strip() == "andtsgraph: fel: render matrix behöver --plan ID"
    )


# ---- a coordinator's own plan (issue 14): the invented Sjöby and Åstad kommun -------------------
FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def sjoby_report():
    kg = andtsgraph.load([FIXTURES / "sjoby.xlsx", FIXTURES / "astad.xlsx"])
    return kg, report.build_report(kg, plan="sjoby-2025-2028")


def section(text: str, heading: str, next_heading: str) -> str:
    return text[text.index(heading) : text.index(next_heading)]


def test_her_report_is_narrowed_to_her_plan_and_names_each_thing_to_fix(sjoby_report):
    _, built = sjoby_report
    text = report.to_text(built)
    validation = section(text, "Validering (SHACL)", "Luckor")
    lines = [line for line in validation.splitlines()[2:] if line and not line.startswith("      ")]
    assert lines and all(line.startswith("  sjoby-2025-2028 ") for line in lines), lines
    assert "sjoby-2025-2028      Varning: 1 indikator saknar mätbart målvärde" in validation
    assert "      att åtgärda: Antal tillsynsbesök per år." in validation
    assert "att åtgärda: Tillsyn av serveringsställen och tobaksförsäljning" in validation
    # The graph knows no regional plan of Sjöby's county: the report says how to compare.
    assert "jämför med en plan du väljer: --compare ID" in text


def test_her_report_shows_no_bridge_to_the_bundled_plans_but_the_police(sjoby_report):
    _, built = sjoby_report
    assert [(b.label, b.plans) for b in built.bridges] == [
        (
            "Polisen",
            ["astad-2025-2028", "kronoberg-2022-2026", "sjoby-2025-2028", "vaxjo-2022-2027"],
        )
    ]
    hubs = section(report.to_text(built), "Nav (flest", "Mäklare")
    assert "Socialtjänst (Sjöby kommun)" in hubs


def test_her_report_explains_the_network_words(sjoby_report):
    text = report.to_text(sjoby_report[1])
    glossary = text[text.index("Ord i nätverksanalysen:") :]
    for word in ("betweenness", "mäklare", "täthet", "Louvain", "nav"):
        assert re.search(rf"^  [^:]*{word}[^:]*: ", glossary, re.M), word
    english = report.to_text(report.build_report(sjoby_report[0], "sjoby-2025-2028", "en"))
    assert "  density: the share of all possible ties between actors that exist, 0–1" in english


def test_compare_sets_a_plan_beside_one_the_coordinator_names(kg):
    built = report.build_report(kg, plan="vaxjo", compare="vasteras")
    assert list(built.gaps[0].neighbours) == ["vasteras-2022-2025"]
    assert "Det som vasteras-2022-2025 täcker men inte vaxjo-2022-2027:" in report.to_text(built)
    # Without --compare: the regional plan Växjö's plan is based on.
    default = report.build_report(kg, plan="vaxjo")
    assert list(default.gaps[0].neighbours) == ["kronoberg-2022-2026"]


def test_every_html_table_has_a_header_row_and_pictures_are_not_shrunk(sjoby_report):
    kg, built = sjoby_report
    page = report.to_html(kg, built)
    tables = [m.end() for m in re.finditer(r"<table>", page)]
    assert len(tables) >= 4  # plans, validation, hubs, brokers
    assert all(page[end:].startswith("<tr><th>") for end in tables)
    assert "<th>att åtgärda</th>" in page
    assert not re.search(r"\.figure svg \{[^}]*max-width", page)


def test_a_missing_folder_is_refused_before_any_work(tmp_path, capsys):
    from andtsgraph.cli import main

    missing = tmp_path / "saknas" / "r.html"
    assert main(["report", "--html", str(missing)]) == 2
    err = capsys.readouterr()
    assert f"kan inte skriva {missing}: mappen {missing.parent} finns inte" in err.err
    assert err.out == ""  # no report was built or printed
    assert not missing.parent.exists()


def test_the_things_to_fix_are_a_list_per_rule_the_first_few_shown(kg):
    """A rule that names many activities or indicators lists them one a line: the first
    FOCUS_SHOWN at once, the rest folded in a <details> that says how many it holds."""
    built = report.build_report(kg, plan="kronoberg")
    page = report.to_html(kg, built)
    rows = re.findall(r"<tr><td>kronoberg-2022-2026</td><td class=.*?</tr>", page)
    groups = [g for g in built.validation.groups() if g.plan == "kronoberg-2022-2026"]
    assert len(rows) == len(groups) >= 2
    for row, group in zip(rows, groups, strict=True):
        names = list(dict.fromkeys(r.focus_label or r.focus for r in group.results))
        cell = re.search(r'<td><ul class="fix">.*?</td>', row).group(0)
        listed = re.findall(r"<li>(.*?)</li>", cell)
        assert listed == [html.escape(n) for n in names]  # every name, each its own item
        shown = cell.split("<details")[0]
        assert shown.count("<li>") == min(len(names), report.FOCUS_SHOWN)
        if len(names) > report.FOCUS_SHOWN:
            more = len(names) - report.FOCUS_SHOWN
            assert f'<details class="fix"><summary>visa {more} till</summary>' in cell
        else:
            assert "<details" not in cell
    # Kronoberg's 55 indicators without a measurable target: the rule folds most of them.
    assert any(len(re.findall(r"<li>", row)) > 30 and "<details" in row for row in rows)
    english = report.to_html(kg, report.build_report(kg, plan="kronoberg", lang="en"))
    assert re.search(r"<summary>show \d+ more</summary>", english)
