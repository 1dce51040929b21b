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
}
