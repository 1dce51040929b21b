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

import importlib
import pkgutil
import string
from collections.abc import Mapping
from functools import cache
from typing import Literal

from andtsgraph.errors import AndtsError

__all__ = ["DEFAULT_LANG", "LANGS", "Lang", "catalog", "check_lang", "text"]

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
DEFAULT_LANG: Lang = "sv"

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


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise :class:`AndtsError`."""
    if lang not in LANGS:
        raise AndtsError(
            f"unknown language {lang!r}; choose one of {', '.join(LANGS)} / "
            f"okänt språk {lang!r}; välj ett av {', '.join(LANGS)}"
        )
    return lang  # type: ignore[return-value]


def text(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """Return the message ``key`` in ``lang``, filled in with ``values``.

    Parameters
    ----------
    key : str
        A dotted key of a catalog module, such as ``"common.rows"``.
    lang : {"sv", "en"}
        The language.
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
