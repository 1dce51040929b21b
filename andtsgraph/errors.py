"""Exceptions a user can cause. The CLI prints their message in one line and exits 2."""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "AndtsError",
    "AndtsWarning",
    "ChoiceError",
    "DataFileError",
    "OutputExistsError",
    "PlanNotFoundError",
    "QueryError",
    "TemplateError",
    "TemplateProblem",
    "did_you_mean",
]


class AndtsError(Exception):
    """Base class of every error andtsgraph raises for bad input or a failing service."""


class AndtsWarning(UserWarning):
    """Something the caller asked for may not mean what they think: a term the ontology does
    not define, a graph that is not loaded. The CLI prints it as ``andtsgraph: warning: …``."""


class AndtsNote(AndtsWarning):
    """A one-line note about something done on the user's behalf (a bundled plan replaced by
    a revised one, …). The CLI prints it as ``andtsgraph: note: …``; Python shows a warning."""


def note(message: str) -> None:
    """Announce ``message`` as an :class:`AndtsNote` (silence is a bug)."""
    warnings.warn(message, AndtsNote, stacklevel=3)


def did_you_mean(
    value: str, known: Iterable[str], *, prefix: str = "", lang: str | None = None
) -> str:
    """``"; did you mean 'x'?"`` with the known values nearest to ``value``, or ``""``; in
    ``lang`` (by default :func:`andtsgraph.messages.language`).

    Examples
    --------
    >>> did_you_mean("plams", ["plans", "goals", "actors"], lang="en")
    "; did you mean 'plans'?"
    >>> did_you_mean("plams", ["plans", "goals", "actors"], lang="sv")
    "; menade du 'plans'?"
    >>> did_you_mean("zzz", ["plans"])
    ''
    """
    close = difflib.get_close_matches(value, sorted(set(known)), n=3, cutoff=0.6)
    if not close:
        lowered = {k.lower(): k for k in known}
        close = [lowered[v] for v in difflib.get_close_matches(value.lower(), lowered, n=3)]
    if not close and len(value) >= 3:  # a part of the name: "group" for "target-group"
        close = sorted(k for k in set(known) if value.lower() in k.lower())[:3]
    if not close:
        return ""
    from andtsgraph.messages import text  # here: the messages package imports this module

    names = text("errors.or", lang).join(repr(prefix + c) for c in close)
    return text("errors.did_you_mean", lang, names=names)


class DataFileError(AndtsError):
    """A data file is missing, unreadable, of an unknown format, or does not parse."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        # One line, whatever a parser put in its message (a quoted line, a stack of causes).
        self.reason = " ".join(str(reason).split())
        self.line = line
        where = f"{self.path}, line {line}" if line else str(self.path)
        super().__init__(f"{where}: {self.reason}")


class ChoiceError(AndtsError, ValueError):
    """A value outside a closed vocabulary (:mod:`andtsgraph.enums`); the message lists the
    allowed ones."""


class QueryError(AndtsError):
    """A query is unknown, malformed, or was given a bad parameter."""


class QueryTimeoutError(QueryError):
    """A query did not finish within its time limit (``--timeout``, ``timeout=``)."""


class PlanNotFoundError(AndtsError):
    """A plan id does not name (or does not uniquely name) a loaded plan."""


class OutputExistsError(AndtsError):
    """An output file exists and the caller did not ask to overwrite it.

    The message speaks the caller's language: Python's names the parameter (``force=True``),
    :attr:`cli_message` the command line's flag (``--force``).

    Examples
    --------
    >>> error = OutputExistsError("out.html exists", lang="en")
    >>> str(error), error.cli_message
    ('out.html exists; pass force=True to overwrite it', 'out.html exists; use --force to overwrite it')
    """

    def __init__(self, reason: str, *, forced: bool = True, lang: str | None = None) -> None:
        from andtsgraph.messages import language

        self.reason = reason
        self.forced = forced
        self.lang = language(lang)
        super().__init__(self._with_hint("common.force_python"))

    def _with_hint(self, key: str) -> str:
        # Imported here: the messages package itself raises AndtsError.
        from andtsgraph.messages import text

        return f"{self.reason}; {text(key, self.lang)}" if self.forced else self.reason

    @property
    def cli_message(self) -> str:
        """The message as the command line says it."""
        return self._with_hint("common.force_cli")


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
