"""Exceptions a user can cause. The CLI prints their message in one line and exits 2."""

from __future__ import annotations

from pathlib import Path


class AndtsError(Exception):
    """Base class of every error andtsgraph raises for bad input or a failing service."""


class DataFileError(AndtsError):
    """A data file is missing, unreadable, of an unknown format, or does not parse."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}, line {line}" if line else str(self.path)
        super().__init__(f"{where}: {reason}")


class QueryError(AndtsError):
    """A query is unknown, malformed, or was given a bad parameter."""


class PlanNotFoundError(AndtsError):
    """A plan id does not name (or does not uniquely name) a loaded plan."""


class OutputExistsError(AndtsError):
    """An output file exists and the caller did not ask to overwrite it."""
