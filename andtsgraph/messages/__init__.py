"""Every text a person reads, in Swedish and English, from one place.

Each room of the library keeps its texts in a catalog module of this package
(``messages/validation.py``, ``messages/report.py``, …): a dict ``MESSAGES`` from a dotted key
(``"validation.conforms"``) to its texts by language. A text is a ``str.format`` template, or a
pair ``(one, other)`` chosen by the count ``n``. The words that name the model's things
(*insats*, *aktör*, …) live in :mod:`andtsgraph.messages.terms` so that one thing has one word
everywhere.

Examples
--------
>>> from andtsgraph.messages import text
>>> text("common.rows", "sv", n=1)
'1 rad'
>>> text("common.rows", "en", n=3)
'3 rows'
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import string
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Literal

from andtsgraph.errors import AndtsError

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_ENV",
    "Lang",
    "catalog",
    "check_lang",
    "language",
    "set_language",
    "text",
    "using_language",
]

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
#: The language when nothing chooses another: Swedish, the plans' and their readers' language.
DEFAULT_LANG: Lang = "sv"
#: The environment variable that sets the library's language for a whole process.
LANG_ENV = "ANDTSGRAPH_LANG"

#: The language set by :func:`set_language` (None: the environment variable, else Swedish).
_chosen: Lang | None = None

Template = str | tuple[str, str]


@cache
def catalog() -> Mapping[str, Mapping[str, Template]]:
    """Return every message of every catalog module, by key and language.

    A key defined twice is a programming error and raises :class:`ValueError` here, so that
    the test suite finds it.
    """
    merged: dict[str, Mapping[str, Template]] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        entries = getattr(importlib.import_module(f"{__name__}.{module.name}"), "MESSAGES", {})
        for key, texts in entries.items():
            if key in merged:
                raise ValueError(f"message {key!r} is defined twice (again in {module.name})")
            merged[key] = texts
    return merged


def language(lang: str | None = None) -> Lang:
    """The language to speak: ``lang`` when given, else the one :func:`set_language` set, else
    the environment variable ``ANDTSGRAPH_LANG``, else Swedish.

    Examples
    --------
    >>> language("en")
    'en'
    >>> with using_language("en"):
    ...     language()
    'en'
    """
    if lang is not None:
        return check_lang(lang)
    if _chosen is not None:
        return _chosen
    from_env = os.environ.get(LANG_ENV, "").strip().lower()
    if from_env:
        if from_env not in LANGS:
            raise AndtsError(
                f"{LANG_ENV}={from_env!r}: choose one of {', '.join(LANGS)} / "
                f"välj ett av {', '.join(LANGS)}"
            )
        return from_env  # type: ignore[return-value]
    return DEFAULT_LANG


def set_language(lang: str | None) -> None:
    """Set the language of every message the library gives from now on (None: back to the
    environment variable ``ANDTSGRAPH_LANG``, else Swedish). A ``lang=`` given to a call wins.

    Examples
    --------
    >>> set_language("en")
    >>> text("common.interrupted")
    'interrupted'
    >>> set_language(None)
    >>> text("common.interrupted")
    'avbrutet'
    """
    global _chosen
    _chosen = None if lang is None else check_lang(lang)


@contextlib.contextmanager
def using_language(lang: str | None) -> Iterator[Lang]:
    """Speak ``lang`` inside the ``with`` block, then the language before it (the command
    line runs each command in its ``--lang``; :func:`andtsgraph.load` runs in its ``lang=``).
    None changes nothing."""
    global _chosen
    before = _chosen
    if lang is not None:
        _chosen = check_lang(lang)
    try:
        yield language()
    finally:
        _chosen = before


def check_lang(lang: str | None) -> Lang:
    """Return ``lang`` if it is a supported language (None: :func:`language`), else raise
    :class:`AndtsError`."""
    if lang is None:
        return language()
    if lang not in LANGS:
        raise AndtsError(
            f"unknown language {lang!r}; choose one of {', '.join(LANGS)} / "
            f"okänt språk {lang!r}; välj ett av {', '.join(LANGS)}"
        )
    return lang  # type: ignore[return-value]


def text(key: str, lang: str | None = None, /, **values: object) -> str:
    """Return the message ``key`` in ``lang``, filled in with ``values``.

    Parameters
    ----------
    key : str
        A dotted key of a catalog module, such as ``"common.rows"``.
    lang : {"sv", "en"}, optional
        The language; by default :func:`language` (Swedish unless set otherwise).
    **values
        The template's fields. A message with a singular and a plural form takes ``n``.

    Examples
    --------
    >>> text("common.wrote", "en", path="report.html")
    'wrote report.html'
    """
    template = catalog()[key][check_lang(lang)]
    if isinstance(template, tuple):
        n = values.get("n")
        if not isinstance(n, int):
            raise TypeError(f"message {key!r} needs an integer n")
        template = template[0] if n == 1 else template[1]
    return template.format(**values)


def fields(template: Template) -> set[str]:
    """The names a template uses (both forms of a pair); for the catalog's own tests."""
    forms = template if isinstance(template, tuple) else (template,)
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}
