"""The SPARQL query catalog: one ``.rq`` file per question in ``queries/``.

Each file is standalone SPARQL 1.1 with its own PREFIX lines and a comment header, in
English and in Swedish (``@sv``)::

    # title: Plans and their metadata
    # title@sv: Planerna och deras metadata
    # description: One row per plan: id, title, kind, validity.
    # description@sv: En rad per plan: id, titel, slag, giltighet.
    # param: plan — a plan IRI or id (all plans)
    # param@sv: plan — en plans IRI eller id (alla planer)
    # param: role — one of: lead, responsible, partner, involved (all roles)
    # param@sv: role — en av: lead, responsible, partner, involved (alla roller)

A parameter whose English meaning starts with ``one of:`` takes only the values listed (the
values are the query's own, the same in both languages). A text missing in Swedish falls
back to the English one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from andtsgraph.errors import QueryError, did_you_mean
from andtsgraph.messages import language, text
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

_HEADER = re.compile(r"^#\s*(title|description|param)(?:@(sv|en))?\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:[—–-]+\s*(?P<meaning>.*?))?\s*(?:\((?P<default>[^()]*)\))?$"
)


#: A header in one language: (title, description, {parameter: (meaning, default)}).
_Header = tuple[str, str, dict[str, tuple[str, str]]]


@dataclass(frozen=True)
class QueryParam(Result):
    """A parameter a catalog query accepts: a SPARQL variable bound before the query runs.

    ``meaning`` and ``default`` are in the language the catalog was asked for; ``choices``
    are the values the parameter takes, when its header lists them (``one of: a, b``).
    """

    name: str
    meaning: str = ""
    default: str = ""
    choices: tuple[str, ...] = field(default=(), metadata={"record": False})


@dataclass(frozen=True)
class CatalogQuery(Result):
    """One query of the catalog, with the metadata of its comment header in one language
    (:attr:`lang`)."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    path: Path = field(metadata={"record": False})
    text: str = field(repr=False, metadata={"record": False})
    lang: str = field(default="en", metadata={"record": False})
    #: The header in every language: {lang: (title, description, {param: (meaning, default)})}.
    headers: dict[str, _Header] = field(
        default_factory=dict, repr=False, compare=False, metadata={"record": False}
    )

    def to_record(self) -> dict[str, Any]:
        """Return the query's metadata as plain data (the shape of ``andtsgraph queries --json``)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "params": [p.to_record() for p in self.params],
        }

    def in_language(self, lang: str | None = None) -> CatalogQuery:
        """The same query with its title, description and parameter texts in ``lang`` (by
        default :func:`andtsgraph.messages.language`); English where a text has no Swedish.

        Examples
        --------
        >>> plans = get_query("plans")
        >>> plans.in_language("en").title
        'Plans and their metadata'
        >>> plans.in_language("sv").title
        'Planerna och deras metadata'
        """
        lang = language(lang)
        english: _Header = self.headers.get("en") or (self.title, self.description, {})
        title, description, meanings = self.headers.get(lang) or english
        params = []
        for p in self.params:
            meaning, default = meanings.get(p.name) or english[2].get(
                p.name, (p.meaning, p.default)
            )
            params.append(dataclasses.replace(p, meaning=meaning, default=default))
        return dataclasses.replace(
            self,
            title=title or english[0],
            description=description or english[1],
            params=tuple(params),
            lang=lang,
        )


def parse_query_file(path: Path, lang: str | None = None) -> CatalogQuery:
    """Read a ``.rq`` file and its comment header, with the header's texts in ``lang`` (by
    default :func:`andtsgraph.messages.language`).

    Raises
    ------
    QueryError
        If the file cannot be read.
    """
    from andtsgraph.errors import DataFileError
    from andtsgraph.rdf_io import decode_text

    try:
        source = decode_text(path, path.read_bytes())
    except OSError as exc:
        raise QueryError(
            text("catalog.unreadable", path=path, reason=exc.strerror or exc)
        ) from None
    except DataFileError as exc:  # binary, UTF-16, another code page
        raise QueryError(text("catalog.bad_file", reason=exc)) from None
    titles: dict[str, str] = {}
    descriptions: dict[str, list[str]] = {}
    meanings: dict[str, dict[str, tuple[str, str]]] = {}
    names: list[str] = []
    for line in source.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, in_lang, value = match.groups()
        in_lang = in_lang or "en"
        if key == "title":
            titles[in_lang] = value
        elif key == "description":
            descriptions.setdefault(in_lang, []).append(value)
        else:
            pm = _PARAM.match(value)
            if pm:
                if in_lang == "en" and pm["name"] not in names:
                    names.append(pm["name"])
                meanings.setdefault(in_lang, {})[pm["name"]] = (
                    (pm["meaning"] or "").strip(),
                    (pm["default"] or "").strip(),
                )
    english = meanings.get("en", {})
    params = tuple(
        QueryParam(name, *english[name], choices=_choices(english[name][0])) for name in names
    )
    headers = {
        code: (titles.get(code, ""), " ".join(descriptions.get(code, [])), meanings.get(code, {}))
        for code in {"en", *titles, *descriptions, *meanings}
    }
    query = CatalogQuery(
        path.stem,
        titles.get("en") or path.stem,
        " ".join(descriptions.get("en", [])),
        params,
        path,
        source,
        "en",
        headers,
    )
    return query.in_language(lang)


def _choices(meaning: str) -> tuple[str, ...]:
    """The values a parameter takes, when its English meaning lists them (``one of: a, b``)."""
    if not meaning.startswith("one of:"):
        return ()
    return tuple(v.strip() for v in meaning.removeprefix("one of:").split(","))


@cache
def _catalog(folder: Path) -> tuple[CatalogQuery, ...]:
    return tuple(parse_query_file(p, "en") for p in sorted(folder.glob("*.rq")))


def catalog(*, lang: str | None = None) -> ResultList[CatalogQuery]:
    """List the bundled catalog queries with their metadata.

    Parameters
    ----------
    lang : {"sv", "en"}, optional
        The language of titles, descriptions and parameter texts (by default
        :func:`andtsgraph.messages.language`: Swedish unless set otherwise).

    Returns
    -------
    ResultList of CatalogQuery
        Sorted by name.

    Examples
    --------
    >>> names = [q.name for q in catalog()]
    >>> "plans" in names
    True
    >>> next(q.title for q in catalog(lang="en") if q.name == "plans")
    'Plans and their metadata'
    """
    return ResultList(q.in_language(lang) for q in _catalog(queries_dir()))


def get_query(name: str, *, lang: str | None = None) -> CatalogQuery:
    """Return the catalog query called ``name``, its texts in ``lang`` (as :func:`catalog`).

    Raises
    ------
    QueryError
        If no catalog query has that name.
    """
    for query in _catalog(queries_dir()):
        if query.name == name:
            return query.in_language(lang)
    names = [q.name for q in _catalog(queries_dir())]
    hint = did_you_mean(name, names)
    raise QueryError(
        text("catalog.unknown_query", name=name, hint=hint)
        if hint
        else text("catalog.unknown_query_count", name=name, n=len(names))
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
            raise QueryError(text("catalog.no_file", path=path))
        return parse_query_file(path)
    if _SPARQL_START.search(query) and not re.fullmatch(r"[\w-]+", query.strip()):
        return CatalogQuery("(inline)", "(inline query)", "", (), Path("<inline>"), query)
    return get_query(query.strip())
