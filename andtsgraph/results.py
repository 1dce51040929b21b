"""Query results as records, with Python values, and as pandas DataFrames."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pandas


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

    def __getitem__(self, index):  # type: ignore[override]
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

    def records(self) -> list[dict[str, Any]]:
        """Return the rows as a list of dicts (column → Python value)."""
        return list(self._records)

    def column(self, name: str) -> list[Any]:
        """Return the values of one column."""
        return [r[name] for r in self._records]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the rows as a pandas DataFrame with one column per variable."""
        import pandas as pd

        return pd.DataFrame.from_records(self._records, columns=self.columns)
