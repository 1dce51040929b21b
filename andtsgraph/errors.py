"""Exceptions a user can cause. The CLI prints their message in one line and exits 2."""

from __future__ import annotations

import warnings
from pathlib import Path


class AndtsNote(UserWarning):
    """A one-line note about something done on the user's behalf (a bundled plan replaced by
    a revised one, …). The CLI prints it as ``andtsgraph: note: …``; Python shows a warning."""


def note(message: str) -> None:
    """Announce ``message`` as an :class:`AndtsNote` (silence is a bug)."""
    warnings.warn(message, AndtsNote, stacklevel=3)


class AndtsError(Exception):
    """Base class of every error andtsgraph raises for bad input or a failing service."""


class DataFileError(AndtsError):
    """A data file is missing, unreadable, of an unknown format, or does not parse."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        # One line, whatever a parser put in its message (a quoted line, a stack of causes).
        self.reason = " ".join(str(reason).split())
        self.line = line
        where = f"{self.path}, line {line}" if line else str(self.path)
        super().__init__(f"{where}: {self.reason}")


class QueryError(AndtsError):
    """A query is unknown, malformed, or was given a bad parameter."""


class QueryTimeoutError(QueryError):
    """A query did not finish within its time limit (``--timeout``, ``timeout=``)."""


class PlanNotFoundError(AndtsError):
    """A plan id does not name (or does not uniquely name) a loaded plan."""


class OutputExistsError(AndtsError):
    """An output file exists and the caller did not ask to overwrite it."""


class TemplateProblem:
    """One problem found in a filled-in plan template: where it is, and what is wrong.

    Attributes
    ----------
    sheet : str
        The sheet (or CSV file) the problem is in.
    row : int or None
        The row number as the spreadsheet shows it (the header is row 1).
    column : str or None
        The column's name as the template prints it.
    message : str
        What is wrong and, where possible, how to put it right.
    """

    __slots__ = ("column", "message", "row", "sheet")

    def __init__(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message

    @property
    def where(self) -> str:
        """``"Insatser, row 7, column Text"``: as much of the place as is known."""
        parts = [self.sheet]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def __repr__(self) -> str:
        return f"TemplateProblem({self.sheet!r}, {self.row!r}, {self.column!r}, {self.message!r})"


class TemplateError(AndtsError):
    """A filled-in plan template has problems; ``problems`` lists every one found."""

    def __init__(self, path: str | Path, problems: list[TemplateProblem]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{self.path}: {count} {noun} in the plan template:\n{lines}")
