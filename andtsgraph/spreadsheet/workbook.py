"""Tables in and out of files: an ``.xlsx`` workbook, or a folder with one CSV file per sheet.

This module knows cells, not RDF: it reads every sheet into rows of text (whatever a cell
held — a number, a date — becomes the text a person would type) and writes rows of text
with the template's dressing: header comments, drop-down lists and a Listor sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from andtsgraph.errors import DataFileError
from andtsgraph.messages import text as _msg
from andtsgraph.spreadsheet.layout import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    PLAN,
    PLAN_FIELDS,
    Column,
    Sheet,
)

if TYPE_CHECKING:  # openpyxl is imported where a template is read or written
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "TEMPLATE_ROWS",
    "OutTable",
    "RawTable",
    "cell_text",
    "read_tables",
    "write_csv_folder",
    "write_workbook",
]

#: Rows of an empty template that carry the drop-down lists.
TEMPLATE_ROWS = 500
_HEADER_FILL = "DDEBF7"
_INLINE_LIST_LIMIT = 250  # Excel refuses inline lists longer than 255 characters
_FIELDS = {f.key: f for f in PLAN_FIELDS}


@dataclass
class RawTable:
    """One sheet as read: its name, its header cells, and its non-empty rows of text.

    ``rows`` holds ``(row number, cells)``; the header is row 1.
    """

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    #: Cells the workbook holds as dates, by (row number, column index): a date typed into a
    #: column that holds none is Excel's reading of "1.2".
    dates: dict[tuple[int, int], dt.date] = field(default_factory=dict)
    #: Cells that cannot be read as they look: (row number, column index, message key,
    #: message fields) — merged cells and formulas without a stored value.
    unreadable: list[tuple[int, int, str, dict[str, str]]] = field(default_factory=list)
    #: The cells (row number, column index) those problems cover: whatever else their
    #: missing values would cause is the same mistake, reported once.
    covered: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class OutTable:
    """One sheet to write: the layout sheet and its rows, each a column key → text."""

    sheet: Sheet
    rows: list[dict[str, str]] = field(default_factory=list)


# -- reading -------------------------------------------------------------------------------------
def read_tables(path: Path) -> list[RawTable]:
    """Read every sheet of a workbook, or every CSV file of a folder, as text.

    Raises
    ------
    DataFileError
        If the file is missing or not a readable workbook, or the folder holds no CSV file.
    """
    if path.is_dir():
        try:
            return _read_csv_folder(path)
        except PermissionError as exc:
            raise DataFileError(path, _msg("errors.cannot_read", reason=exc.strerror)) from None
    if not path.exists():
        raise DataFileError(path, _msg("errors.no_file_or_folder"))
    return _read_workbook(path)


def _read_workbook(path: Path) -> list[RawTable]:
    from openpyxl import load_workbook  # imported here: only templates need it

    try:
        # Not read-only: only a full worksheet knows its merged cells. A template is small.
        workbook = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception as exc:  # zipfile, XML and openpyxl errors alike mean "not a workbook"
        raise DataFileError(path, _msg("errors.not_xlsx", reason=exc)) from None
    try:
        tables = []
        for ws in workbook.worksheets:
            table = _table(ws.title, ws.iter_rows(values_only=True))
            _find_unreadable(table, ws, formulas[ws.title])
            tables.append(table)
        return tables
    finally:
        workbook.close()
        formulas.close()


def _find_unreadable(table: RawTable, values: Worksheet, formulas: Worksheet) -> None:
    """Merged cells, and formulas whose value the file does not store (a workbook written
    by a program, never opened in Excel): both would be read as empty cells."""
    for merged in values.merged_cells.ranges:
        table.unreadable.append(
            (merged.min_row, merged.min_col - 1, "merged", {"range": merged.coord})
        )
        table.covered |= {
            (row, column - 1)
            for row in range(merged.min_row, merged.max_row + 1)
            for column in range(merged.min_col, merged.max_col + 1)
        }
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type == "f" and values[cell.coordinate].value is None:
                table.unreadable.append(
                    (cell.row, cell.column - 1, "formula", {"formula": str(cell.value)})
                )
                table.covered.add((cell.row, cell.column - 1))


def _read_csv_folder(path: Path) -> list[RawTable]:
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    if not files:
        raise DataFileError(path, _msg("errors.no_csv"))
    tables = []
    for file in files:
        text = _decode(file)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        try:
            tables.append(_table(file.stem, reader))
        except csv.Error as exc:  # a field over the size limit, a NUL, …
            raise DataFileError(
                file, _msg("errors.not_csv", reason=exc), line=reader.line_num
            ) from None
    return tables


#: The longest CSV field read (Python's default, 131,072 characters, is less than a long
#: description pasted into a cell); a longer one is reported with its line.
CSV_FIELD_LIMIT = 10_000_000


def _decode(path: Path) -> str:
    from andtsgraph.rdf_io import decode_text

    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError(path, _msg("errors.cannot_read", reason=exc.strerror or exc)) from None
    # Excel on Windows saves "CSV (semikolonavgränsad)" in the Windows code page.
    return decode_text(path, data, allow_cp1252=True)


def _delimiter(text: str) -> str:
    """Comma, semicolon (Swedish Excel) or tab: whichever the header line holds most of."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def _table(name: str, rows: Iterable[Sequence[object]]) -> RawTable:
    table: RawTable | None = None
    for number, values in enumerate(rows, start=1):
        cells = [cell_text(v) for v in values]
        if table is None:
            table = RawTable(name, [c.strip() for c in cells])
        elif any(c.strip() for c in cells):
            table.rows.append((number, cells))
            for index, value in enumerate(values):
                if isinstance(value, dt.date):
                    table.dates[(number, index)] = (
                        value.date() if isinstance(value, dt.datetime) else value
                    )
    return table or RawTable(name, [])


def cell_text(value: object) -> str:
    """The text a person would type for a cell's value: dates as ÅÅÅÅ-MM-DD, whole numbers
    without ".0", and nothing for an empty cell.

    Examples
    --------
    >>> cell_text(30.0), cell_text(dt.datetime(2024, 1, 31)), cell_text(None)
    ('30', '2024-01-31', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


# -- writing -------------------------------------------------------------------------------------
def write_workbook(
    path: Path,
    tables: Sequence[OutTable],
    lists: Mapping[str, list[str]],
    titles: Mapping[str, str],
    instructions: Sequence[str],
) -> None:
    """Write ``tables`` as a workbook: an instructions sheet, one sheet per table with
    commented headers and drop-downs, and a Listor sheet holding the drop-downs' values
    (``lists``: list name → values; ``titles``: list name → its header on Listor)."""
    from openpyxl import Workbook

    workbook = Workbook()
    guide = workbook.active
    guide.title = INSTRUCTIONS_SHEET
    _write_instructions(guide, instructions)
    list_refs = _write_lists(workbook, lists, titles)
    for table in tables:
        ws = workbook.create_sheet(table.sheet.name, index=len(workbook.sheetnames) - 1)
        if table.sheet is PLAN:
            _write_plan_sheet(ws, table, list_refs)
        else:
            _write_sheet(ws, table, list_refs)
    workbook.save(path)


def write_csv_folder(path: Path, tables: Sequence[OutTable]) -> None:
    """Write ``tables`` as one UTF-8 CSV file per sheet in the folder ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    for table in tables:
        columns = table.sheet.columns
        with (path / f"{table.sheet.name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([c.header for c in columns])
            for row in table.rows:
                writer.writerow([row.get(c.key, "") for c in columns])


def _write_instructions(ws: Worksheet, lines: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 120
    for number, line in enumerate(lines, start=1):
        cell = ws.cell(row=number, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=14)


def _write_lists(
    workbook: Workbook, lists: Mapping[str, list[str]], titles: Mapping[str, str]
) -> dict[str, str]:
    """Write each list in a column of the Listor sheet; return list name → validation formula."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = workbook.create_sheet(LISTS_SHEET)
    refs = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=titles.get(name, name)).font = Font(bold=True)
        ws.column_dimensions[letter].width = 30
        for row, value in enumerate(values, start=2):
            _set(ws.cell(row=row, column=index), value)
        inline = ",".join(values)
        if values and "," not in "".join(values) and len(inline) <= _INLINE_LIST_LIMIT:
            refs[name] = f'"{inline}"'
        else:
            refs[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    return refs


def _header(ws: Worksheet, columns: Sequence[Column]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        comment = Comment(column.help, "andtsgraph")
        comment.width, comment.height = 320, 160
        cell.comment = comment
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"


def _write_sheet(ws: Worksheet, table: OutTable, list_refs: Mapping[str, str]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    columns = table.sheet.columns
    _header(ws, columns)
    for number, row in enumerate(table.rows, start=2):
        for index, column in enumerate(columns, start=1):
            cell = ws.cell(row=number, column=index)
            _set(cell, row.get(column.key, ""))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(TEMPLATE_ROWS, len(table.rows) + 1)
    for index, column in enumerate(columns, start=1):
        if column.choices:
            letter = get_column_letter(index)
            _validation(ws, column, list_refs[column.choices], f"{letter}2:{letter}{last}")


def _write_plan_sheet(ws: Worksheet, table: OutTable, list_refs: Mapping[str, str]) -> None:
    """The key/value Plan sheet: one field per row, each with its own drop-down."""
    from openpyxl.styles import Alignment, Font

    _header(ws, PLAN.columns)
    for number, row in enumerate(table.rows, start=2):
        field_cell = ws.cell(row=number, column=1)
        _set(field_cell, row["field"])
        field_cell.font = Font(bold=True)
        _set(ws.cell(row=number, column=2), row.get("value", ""))
        help_cell = ws.cell(row=number, column=3)
        _set(help_cell, row.get("help", ""))
        help_cell.alignment = Alignment(wrap_text=True, vertical="top")
        column = _FIELDS.get(row.get("key", ""))
        if column is not None and column.choices:
            _validation(ws, column, list_refs[column.choices], f"B{number}")


def _validation(ws: Worksheet, column: Column, formula: str, cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    # Multi-valued columns keep the list as a help but accept "a; b" (no error alert).
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=column.strict,
        showInputMessage=True,
        promptTitle=column.name[:32],
        prompt=column.help.split("\n", 1)[0][:255],
    )
    if column.strict:
        dv.errorTitle = column.name[:32]
        dv.error = f"Välj ett värde ur listan (se bladet {LISTS_SHEET})."
    dv.add(cells)
    ws.add_data_validation(dv)


#: Control characters a workbook cannot hold (Word's line break, U+000B, is common in pasted
#: text): a line break becomes a new line, the others are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _set(cell: Cell, value: str) -> None:
    """Put text in a cell as text: never as a formula, a number or a date; control characters
    that a workbook cannot hold are cleaned (see :data:`_CONTROL`)."""
    if _CONTROL.search(value):
        from andtsgraph.errors import note

        value = _CONTROL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))
        note(
            f"{cell.parent.title}!{cell.coordinate}: control characters a workbook cannot hold "
            "were cleaned (a line break from Word became a new line)"
        )
    cell.value = value if value != "" else None
    if value:
        cell.data_type = "s"
        cell.number_format = "@"
