"""The SPARQL query catalog: one ``.rq`` file per question in ``queries/``.

Each file is standalone SPARQL 1.1 with its own PREFIX lines and a comment header::

    # title: Plans and their metadata
    # description: One row per plan: id, title, kind, validity.
    # param: plan — a plan IRI or id (all plans)
    # param: role — one of: lead, responsible, partner, involved (all roles)

A parameter whose meaning starts with ``one of:`` takes only the values listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from andtsgraph.errors import QueryError, did_you_mean
from andtsgraph.resources import queries_dir
from andtsgraph.results import Result, ResultList
from andtsgraph.sparql_text import UPDATE_WORDS

__all__ = [
    "CatalogQuery",
    "QueryParam",
    "catalog",
    "get_query",
    "parse_query_file",
    "resolve_query",
]

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:[—–-]+\s*(?P<meaning>.*?))?\s*(?:\((?P<default>[^()]*)\))?$"
)


@dataclass(frozen=True)
class QueryParam(Result):
    """A parameter a catalog query accepts: a SPARQL variable bound before the query runs."""

    name: str
    meaning: str = ""
    default: str = ""

    @property
    def choices(self) -> tuple[str, ...]:
        """The values the parameter takes, when its meaning lists them (``one of: a, b``)."""
        if not self.meaning.startswith("one of:"):
            return ()
        return tuple(v.strip() for v in self.meaning.removeprefix("one of:").split(","))


@dataclass(frozen=True)
class CatalogQuery(Result):
    """One query of the catalog, with the metadata of its comment header."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    path: Path = field(metadata={"record": False})
    text: str = field(repr=False, metadata={"record": False})

    def to_record(self) -> dict[str, Any]:
        """Return the query's metadata as plain data (the shape of ``andtsgraph queries --json``)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "params": [p.to_record() for p in self.params],
        }


def parse_query_file(path: Path) -> CatalogQuery:
    """Read a ``.rq`` file and its comment header.

    Raises
    ------
    QueryError
        If the file cannot be read.
    """
    from andtsgraph.errors import DataFileError
    from andtsgraph.rdf_io import decode_text

    try:
        text = decode_text(path, path.read_bytes())
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query file ({exc.strerror or exc})") from None
    except DataFileError as exc:  # binary, UTF-16, another code page
        raise QueryError(f"query file {exc}") from None
    title, description, params = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            pm = _PARAM.match(value)
            if pm:
                params.append(
                    QueryParam(
                        pm["name"], (pm["meaning"] or "").strip(), (pm["default"] or "").strip()
                    )
                )
    return CatalogQuery(
        path.stem, title or path.stem, " ".join(description), tuple(params), path, text
    )


@cache
def _catalog(folder: Path) -> tuple[CatalogQuery, ...]:
    return tuple(parse_query_file(p) for p in sorted(folder.glob("*.rq")))


def catalog() -> ResultList[CatalogQuery]:
    """List the bundled catalog queries with their metadata.

    Returns
    -------
    ResultList of CatalogQuery
        Sorted by name.

    Examples
    --------
    >>> names = [q.name for q in catalog()]
    >>> "plans" in names
    True
    """
    return ResultList(_catalog(queries_dir()))


def get_query(name: str) -> CatalogQuery:
    """Return the catalog query called ``name``.

    Raises
    ------
    QueryError
        If no catalog query has that name.
    """
    for query in _catalog(queries_dir()):
        if query.name == name:
            return query
    names = [q.name for q in _catalog(queries_dir())]
    hint = did_you_mean(name, names)
    raise QueryError(
        f"unknown query {name!r}{hint}"
        + ("" if hint else f"; the catalog has {len(names)} queries (andtsgraph queries)")
    )


_SPARQL_START = re.compile(
    r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|" + "|".join(UPDATE_WORDS) + r")\b",
    re.IGNORECASE | re.MULTILINE,
)


def resolve_query(query: str | Path) -> CatalogQuery:
    """Turn a catalog name, a path to a ``.rq`` file, or SPARQL text into a :class:`CatalogQuery`.

    Raises
    ------
    QueryError
        If ``query`` is none of these.
    """
    if isinstance(query, Path) or (
        isinstance(query, str) and query.endswith(".rq") and "\n" not in query
    ):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse_query_file(path)
    if _SPARQL_START.search(query) and not re.fullmatch(r"[\w-]+", query.strip()):
        return CatalogQuery("(inline)", "(inline query)", "", (), Path("<inline>"), query)
    return get_query(query.strip())
