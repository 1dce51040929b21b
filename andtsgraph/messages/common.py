"""Texts that many commands share: counts, files written, interruptions."""

__all__ = [
    "MESSAGES",
]

MESSAGES = {
    "common.rows": {"sv": ("{n} rad", "{n} rader"), "en": ("{n} row", "{n} rows")},
    "common.no_rows": {"sv": "(inga rader)", "en": "(no rows)"},
    "common.wrote": {"sv": "skrev {path}", "en": "wrote {path}"},
    "common.interrupted": {"sv": "avbrutet", "en": "interrupted"},
    "common.error": {"sv": "fel", "en": "error"},
    "common.force_python": {
        "sv": "ange force=True för att skriva över",
        "en": "pass force=True to overwrite it",
    },
    "common.force_cli": {
        "sv": "använd --force för att skriva över",
        "en": "use --force to overwrite it",
    },
}
