"""Results as records, with Python values, as pandas DataFrames and as JSON.

Every result type and every list of results has the same three methods (see
docs/conventions.md): ``to_records()`` (a list of dicts of plain Python values),
``to_dataframe()`` (one row per record; integer columns stay integers where cells are empty)
and ``to_json()`` (the records as JSON text, the shape of the CLI's ``--json``). Result types
are dataclasses that inherit :class:`Result`; functions that return several return a
:class:`ResultList`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, overload

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pandas

__all__ = [
    "KEEP_LEXICAL",
    "QueryResult",
    "Result",
    "ResultList",
    "records_to_dataframe",
    "records_to_json",
    "to_python",
]


#: Datatypes whose lexical form reads better than rdflib's Python value ("P1Y", "2022").
KEEP_LEXICAL = {
    XSD.duration,
    XSD.dayTimeDuration,
    XSD.yearMonthDuration,
    XSD.gYear,
    XSD.gYearMonth,
}


def to_python(term: Node | None) -> Any:
    """Convert an rdflib term to the value a Python user expects.

    IRIs become plain ``str`` (rdflib's ``URIRef`` never equals a ``str``, which surprises
    everyone); literals become ``str``, ``int``, ``Decimal``, ``bool`` or ``datetime.date``;
    unbound values are ``None``. The original terms stay in :attr:`QueryResult.terms`.
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language is not None or term.datatype in KEEP_LEXICAL:
            return str(term)
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)


class QueryResult(Sequence[dict[str, Any]]):
    """The rows of a SELECT query: iterate for records (dicts), or call :meth:`to_dataframe`.

    Attributes
    ----------
    columns : list of str
        The projected variable names, in query order.
    terms : list of tuple
        The raw rdflib terms of each row.
    """

    def __init__(
        self,
        columns: list[str],
        terms: list[tuple[Any, ...]],
        *,
        to_rdflib: Callable[[Any], Node | None] | None = None,
        to_python: Callable[[Any], Any] = to_python,
    ) -> None:
        self.columns = columns
        # With ``to_rdflib``, ``terms`` are a store's own terms: rdflib terms are made from
        # them only when :attr:`terms` is read.
        self._native = terms if to_rdflib is not None else None
        self._to_rdflib = to_rdflib
        self._terms = None if to_rdflib is not None else terms
        # Results repeat their terms (the same plan, actor or label on thousands of rows):
        # convert each distinct one once.
        values: dict[Any, Any] = {}
        records = []
        for row in terms:
            record = []
            for t in row:
                try:
                    value = values[t]
                except KeyError:
                    value = values[t] = to_python(t)
                record.append(value)
            records.append(dict(zip(columns, record, strict=True)))
        self._records = records

    @property
    def terms(self) -> list[tuple[Node | None, ...]]:
        """The rdflib terms of each row (None where unbound)."""
        if self._terms is None:
            convert = self._to_rdflib
            assert convert is not None and self._native is not None
            made: dict[Any, Node | None] = {}
            self._terms = [
                tuple(made[t] if t in made else made.setdefault(t, convert(t)) for t in row)
                for row in self._native
            ]
            self._native = None
        return self._terms

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        return self._records[index]

    def __repr__(self) -> str:
        return f"<QueryResult {len(self)} rows × {len(self.columns)} columns: {', '.join(self.columns)}>"

    def iris(self) -> set[str]:
        """Return every IRI that occurs in the result."""
        return {str(t) for row in self.terms for t in row if isinstance(t, URIRef)}

    def with_labels(self, labels: dict[str, str]) -> QueryResult:
        """Return a copy whose records show ``labels[iri]`` instead of each labelled IRI."""
        labelled = QueryResult(self.columns, [])
        labelled._terms = self.terms
        labelled._records = [
            {
                k: labels.get(v, v) if isinstance(t, URIRef) else v
                for (k, v), t in zip(r.items(), row, strict=True)
            }
            for r, row in zip(self._records, self.terms, strict=True)
        ]
        return labelled

    def to_records(self) -> list[dict[str, Any]]:
        """Return the rows as a list of dicts (column → Python value)."""
        return [dict(r) for r in self._records]

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the rows as a JSON list of objects (dates and decimals as text)."""
        return records_to_json(self.to_records(), indent)

    def column(self, name: str) -> list[Any]:
        """Return the values of one column."""
        return [r[name] for r in self._records]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the rows as a pandas DataFrame with one column per variable (a column of
        whole numbers with empty cells is ``Int64``, not float)."""
        return records_to_dataframe(self._records, self.columns)


def _plain(value: Any) -> Any:
    """A value as plain data: enumerations by their value, rdflib terms as :func:`to_python`
    gives them, tuples and sets as lists."""
    if isinstance(value, Node):
        return to_python(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Result):
        return value.to_record()
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


def records_to_json(records: Any, indent: int | None = 2) -> str:
    """Records (or one record) as JSON text: UTF-8 as is, dates and decimals as text."""

    def default(value: Any) -> Any:
        if isinstance(value, dt.date | Decimal):
            return str(value)
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    return json.dumps(records, ensure_ascii=False, indent=indent, default=default)


def records_to_dataframe(
    records: list[dict[str, Any]], columns: Sequence[str] | None = None
) -> pandas.DataFrame:
    """Records as a DataFrame; a column of whole numbers with empty cells stays whole (Int64)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=list(columns) if columns else None)
    for column in frame.columns:
        values = [r.get(column) for r in records]
        present = [v for v in values if v is not None]
        if (
            present
            and len(present) < len(values)
            and all(isinstance(v, int) and not isinstance(v, bool) for v in present)
        ):
            frame[column] = pd.array(values, dtype="Int64")
    return frame


class Result:
    """A result type's outputs: inherit it in a dataclass (fields marked
    ``metadata={"record": False}`` are left out of the records, e.g. a networkx graph)."""

    def to_record(self) -> dict[str, Any]:
        """Return this result as one dict of plain data."""
        if not dataclasses.is_dataclass(self):
            raise TypeError(f"{type(self).__name__} is a Result but not a dataclass")
        return {
            f.name: _plain(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if f.metadata.get("record", True)
        }

    def to_records(self) -> list[dict[str, Any]]:
        """Return this result as a list of one record."""
        return [self.to_record()]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return this result as a one-row DataFrame."""
        return records_to_dataframe(self.to_records())

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return this result's record as a JSON object."""
        return records_to_json(self.to_record(), indent)


R = TypeVar("R", bound=Result)


class ResultList(list[R]):
    """A list of results (gaps, actor metrics, bridges …) with the same three outputs.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Count(Result):
    ...     name: str
    ...     n: int | None
    >>> found = ResultList([Count("a", 1), Count("b", None)])
    >>> found.to_records()
    [{'name': 'a', 'n': 1}, {'name': 'b', 'n': None}]
    >>> found.to_dataframe()["n"].tolist()
    [1, <NA>]
    >>> print(found.to_json(indent=None))
    [{"name": "a", "n": 1}, {"name": "b", "n": null}]
    """

    def __init__(self, items: Iterable[R] = ()) -> None:
        super().__init__(items)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one record per result."""
        return [item.to_record() for item in self]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return one row per result."""
        return records_to_dataframe(self.to_records())

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the records as a JSON list."""
        return records_to_json(self.to_records(), indent)
