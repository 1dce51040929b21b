"""Each template mistake a coordinator can make is one error naming its sheet, row and column;
the import exits with status 2 and writes nothing (issue 14, "Every template column does what
it says"). Each test starts from the invented Sjöby kommun's filled template
(tests/fixtures/sjoby.xlsx) and makes one mistake in it, as a person would in Excel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from andtsgraph.cli import main
from andtsgraph.spreadsheet.layout import PLAN_FIELDS

SJOBY = Path(__file__).parent / "fixtures" / "sjoby.xlsx"


def plan_row(name: str) -> int:
    """The row of a Plan field in the template (the header is row 1)."""
    return next(i for i, f in enumerate(PLAN_FIELDS, start=2) if f.name == name)


def cell(ws, row: int, header: str):
    column = next(c.column for c in ws[1] if c.value and str(c.value).split(" (")[0] == header)
    return ws.cell(row=row, column=column)


def merged(wb) -> None:
    wb["Insatser"].merge_cells("B2:C2")


def formula(wb) -> None:
    cell(wb["Insatser"], 3, "Text").value = '=CONCAT("Samverkan ", "SSPF")'


def excel_date(wb) -> None:
    # What Excel makes of "1.1" typed into Ingår i: the first of January.
    cell(wb["Insatser"], 2, "Ingår i").value = dt.datetime(2025, 2, 1)


def part_cycle(wb) -> None:
    cell(wb["Områden"], 2, "Ingår i").value = "1.2"
    cell(wb["Områden"], 3, "Ingår i").value = "1.1"


def parent_elsewhere(wb) -> None:
    cell(wb["Insatser"], 2, "Ingår i").value = "vaxjo-2022-2027"


def no_title(wb) -> None:
    wb["Plan"].cell(row=plan_row("Titel"), column=2).value = None


def page_zero(wb) -> None:
    cell(wb["Insatser"], 2, "Sida").value = 0


def second_id(wb) -> None:
    ws = wb["Plan"]
    ws.append(["ID", "en-annan-plan"])


def second_title(wb) -> None:
    ws = wb["Plan"]
    ws.append(["Titel", "En annan titel"])


def actor_cycle(wb) -> None:
    ws = wb["Aktörer"]
    cell(ws, 5, "Ingår i").value = "Socialtjänst"  # Socialnämnden in Socialtjänst, and back


def actor_parent_elsewhere(wb) -> None:
    cell(wb["Aktörer"], 6, "Ingår i").value = "actor:vaxjo-kommun/socialtjanst"


#: (the mistake, where it must be reported: sheet, row, column; words of the message)
MISTAKES: list[tuple[Callable, tuple[str, int, str], str]] = [
    (merged, ("Insatser", 2, "Nummer"), "sammanfogade celler (B2:C2)"),
    (formula, ("Insatser", 3, "Text"), "har inget sparat värde"),
    (
        excel_date,
        ("Insatser", 2, "Ingår i"),
        "Excel har gjort om cellen till datumet 2025-02-01; stod det 1.2 eller 2.1?",
    ),
    (
        part_cycle,
        ("Områden", 2, "Ingår i"),
        "Ingår i går runt i en cirkel: area-1-1 → area-1-2 → area-1-1",
    ),
    (parent_elsewhere, ("Insatser", 2, "Ingår i"), "hör till en annan plan (vaxjo-2022-2027)"),
    (no_title, ("Plan", plan_row("Titel"), "Värde"), "fältet Titel (title) krävs"),
    (page_zero, ("Insatser", 2, "Sida"), "sidnumret 0 är mindre än 1"),
    (second_id, ("Plan", len(PLAN_FIELDS) + 2, "Fält"), "fältet ID står redan på rad 2"),
    (
        second_title,
        ("Plan", len(PLAN_FIELDS) + 2, "Fält"),
        f"fältet Titel står redan på rad {plan_row('Titel')}",
    ),
    (
        actor_cycle,
        ("Aktörer", 5, "Ingår i"),
        "Ingår i går runt i en cirkel: Socialnämnden → Socialtjänst → Socialnämnden",
    ),
    (
        actor_parent_elsewhere,
        ("Aktörer", 6, "Ingår i"),
        "hör till Växjö kommun, inte till den här planens organisation",
    ),
]


@pytest.mark.parametrize(
    ("mistake", "place", "words"), MISTAKES, ids=[m[0].__name__ for m in MISTAKES]
)
def test_a_mistake_is_one_error_with_its_place_exit_2_and_nothing_written(
    tmp_path, capsys, mistake, place, words
):
    workbook = load_workbook(SJOBY)
    mistake(workbook)
    path = tmp_path / "min-plan.xlsx"
    workbook.save(path)
    out = tmp_path / "min-plan.trig"
    assert main(["import", str(path), "-o", str(out)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    sheet, row, column = place
    prefix = f"{sheet}, rad {row}, kolumn {column}: "
    found = [line for line in lines if line.startswith(prefix)]
    assert found, lines
    assert words in found[0], found[0]
    assert lines[-1] == f"andtsgraph: 1 problem i {path}; inget skrevs", lines
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["min-plan.xlsx"]


def test_the_plan_and_its_links_are_never_one_path_twice(tmp_path, capsys):
    same = tmp_path / "same.ttl"
    assert main(["import", str(SJOBY), "-o", str(same), "--links", str(same)]) == 2
    assert "same.ttl anges två gånger som utfil" in capsys.readouterr().err
    assert not same.exists()


def test_the_template_is_never_overwritten(tmp_path, capsys):
    mine = tmp_path / "mine.xlsx"
    mine.write_bytes(SJOBY.read_bytes())
    before = mine.read_bytes()
    args = ["import", str(mine), "-o", str(tmp_path / "p.ttl"), "--links", str(mine), "--force"]
    assert main(args) == 2
    assert f"{mine} är också en indata ({mine})" in capsys.readouterr().err
    assert mine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.xlsx"]


def test_turtle_alone_cannot_hold_the_links_so_the_import_says_where_they_go(tmp_path, capsys):
    out = tmp_path / "min-plan.ttl"
    assert main(["import", str(SJOBY), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "planen har 2 kurerade kopplingar" in err and "min-plan.trig" in err
    assert not out.exists()
