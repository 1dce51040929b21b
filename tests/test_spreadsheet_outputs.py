"""An import's log has the three outputs of every result (docs/conventions.md, issue 18).

The template is an export of Kronoberg's bundled plan, so the names it uses are the plan's
own: its tables name "Polisen" as Ansvarig (e.g. "Arbeta strukturerat med antilangning i
samverkan mellan polis och kommun", Regional handlingsplan ANDTS 2022–2026) and "Länets
kommunpoliser" among the Samverkansparter.
"""

from __future__ import annotations

import json

import pytest

from andtsgraph.cli import main
from andtsgraph.results import ResultList
from andtsgraph.spreadsheet import export_plan, import_plan

POLISEN = "https://w3id.org/andtsgraph/actor/polisen"


@pytest.fixture(scope="module")
def exported(kg, tmp_path_factory):
    return export_plan(kg, "kronoberg", tmp_path_factory.mktemp("kronoberg") / "kronoberg.xlsx")


@pytest.fixture(scope="module")
def result(kg, exported):
    return import_plan(kg, exported)


def test_the_import_log_is_one_record_with_its_actors_as_records(result):
    records = result.to_records()
    assert records == [result.to_record()]
    (record,) = records
    assert (record["plan"], record["owner_label"]) == ("kronoberg-2022-2026", "Livsstil Kronoberg")
    by_name = {a["name"]: a for a in record["actors"]}
    assert (by_name["Polisen"]["how"], by_name["Polisen"]["iri"]) == ("shared", POLISEN)
    assert by_name["Polisen"]["others"] == []  # a tuple in Python, a list in plain data
    assert isinstance(result.actors, ResultList)
    assert result.actors.to_records() == record["actors"]


def test_the_import_logs_dataframe_is_one_row_per_actor_name(result):
    frame = result.to_dataframe()
    assert len(frame) == len(result.actors) == len(set(frame["name"]))
    assert list(frame.columns)[:3] == ["name", "iri", "how"]
    polisen = frame[frame["name"] == "Polisen"]
    assert polisen[["iri", "how"]].values.tolist() == [[POLISEN, "shared"]]
    assert "Länets kommunpoliser" in set(frame["name"])


def test_the_import_logs_json_is_what_the_command_line_prints(result, exported, tmp_path, capsys):
    out = tmp_path / "kronoberg.trig"
    code = main(["import", str(exported), "-o", str(out), "--json"])
    printed = capsys.readouterr().out
    assert code == 0
    assert json.loads(printed) == json.loads(result.to_json([out]))
    assert json.loads(printed)["written"] == [str(out)]
    assert json.loads(result.to_json())["counts"] == result.counts()
