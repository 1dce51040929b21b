"""Property-based hostile tests (issue 17): random cells, encodings and ids for the template
reader, random values for parameter binding. Whatever the input, the answer is a result or a
project error with a clear message, never another exception, and a bound value never changes
the shape of a query."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest
from conftest import REFUSED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import andtsgraph
from andtsgraph.errors import AndtsError, PlanNotFoundError, QueryError, TemplateError
from andtsgraph.namespaces import PREFIXES

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: The sheets of the template whose cells the reader interprets.
SHEETS = ["Plan", "Mål", "Insatser", "Indikatorer", "Aktörer", "Kopplingar", "Målvärden"]

cell_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "=1+1",
            "1.2",
            "15 %",
            "2024-13-45",
            "goal-1",
            "goal-1; goal-1",
            ";;",
            "\u000b",
            "polisen",
            "<urn:x>",
            '"',
            "ja",
            "nej",
            "0",
            "-1",
            "1e309",
            "\ufeff",
            "x" * 5000,
        ]
    ),
)


@pytest.fixture(scope="module")
def template(kg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("props") / "vasteras"
    andtsgraph.export_plan(kg, "vasteras", folder)
    return folder


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _import(folder: Path, kg):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return andtsgraph.import_plan(kg, folder)


@SETTINGS
@given(
    sheet=st.sampled_from(SHEETS),
    row=st.integers(min_value=0, max_value=30),
    column=st.integers(min_value=0, max_value=20),
    value=cell_text,
)
def test_any_cell_gives_a_plan_or_a_located_problem(template, kg, sheet, row, column, value):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "t"
        shutil.copytree(template, folder)
        path = folder / f"{sheet}.csv"
        rows = _rows(path)
        row = min(row, len(rows))
        if row == len(rows):
            rows.append([""] * len(rows[0]))
        rows[row] += [""] * max(0, column + 1 - len(rows[row]))
        rows[row][column] = value
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
        try:
            result = _import(folder, kg)
        except TemplateError as exc:
            assert exc.problems and all(p.sheet for p in exc.problems)
            assert "Traceback" not in str(exc)
        except AndtsError as exc:
            assert str(exc).strip()
        else:
            assert result.plan_id
    assert REFUSED == []


@SETTINGS
@given(
    sheet=st.sampled_from(SHEETS),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le"]),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
    text=st.text(max_size=20),
)
def test_any_encoding_and_line_end_is_read_or_named(template, kg, sheet, encoding, line_end, text):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "t"
        shutil.copytree(template, folder)
        path = folder / f"{sheet}.csv"
        content = path.read_text(encoding="utf-8").replace("\r\n", "\n") + text
        try:
            data = content.replace("\n", line_end).encode(encoding)
        except UnicodeEncodeError:
            return  # the text has characters this encoding cannot hold
        path.write_bytes(data)
        try:
            _import(folder, kg)
        except AndtsError as exc:
            message = str(exc)
            assert f"{sheet}.csv" in message or sheet in message
            if encoding.startswith("utf-16"):
                assert "UTF-16" in message
        else:
            assert not encoding.startswith("utf-16") or not data.strip(b"\x00")


#: Texts that are not IRIs or prefixed names, so that they are bound as plain literals.
plain = st.text(max_size=60).filter(
    lambda t: (
        not t.startswith(("http://", "https://", "urn:"))
        and not (t.partition(":")[0] in PREFIXES and t.partition(":")[2])
    )
)


@SETTINGS
@given(value=plain)
def test_a_bound_text_comes_back_unchanged_and_changes_nothing(kg, value):
    # However it is quoted or escaped, a value is one literal: one row, the same text.
    rows = kg.query("SELECT ?v WHERE { }", v=value).to_dataframe()
    assert len(rows) == 1
    assert str(rows["v"][0]) == value


@SETTINGS
@given(value=st.text(max_size=60))
def test_any_parameter_is_bound_or_refused(kg, value):
    try:
        rows = kg.query("activities", plan=value)
    except (QueryError, PlanNotFoundError) as exc:
        assert str(exc).strip()
    else:
        plans = {p.iri for p in kg.plans}
        assert {str(r["plan"]) for r in rows} <= plans


@SETTINGS
@given(value=st.one_of(st.text(max_size=60), st.sampled_from(["vaxjo", "v", "", "-", "national"])))
def test_any_plan_id_is_found_or_refused(kg, value):
    try:
        plan = kg.plan(value)
    except PlanNotFoundError as exc:
        assert "plan" in str(exc)
    else:
        assert value in (plan.id, plan.iri) or plan.id.startswith(value)


@SETTINGS
@given(value=st.text(max_size=40))
def test_any_cli_parameter_is_one_line_at_most(value, capsys):
    from andtsgraph.cli import main

    status = main(["query", "activities", "--param", f"plan={value}", "--format", "csv"])
    _, err = capsys.readouterr()
    assert status in (0, 2)
    assert "Traceback" not in err and "internal error" not in err and "internt fel" not in err
    if status == 2:
        assert len(err.strip().splitlines()) == 1
