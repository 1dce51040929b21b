"""Texts of the SPARQL query catalog (andtsgraph.catalog)."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "catalog.unreadable": {
        "sv": "{path}: frågefilen kan inte läsas ({reason})",
        "en": "{path}: cannot read query file ({reason})",
    },
    "catalog.bad_file": {"sv": "frågefilen {reason}", "en": "query file {reason}"},
    "catalog.unknown_query": {
        "sv": "okänd fråga {name!r}{hint}",
        "en": "unknown query {name!r}{hint}",
    },
    "catalog.unknown_query_count": {
        "sv": (
            "okänd fråga {name!r}; katalogen har {n} fråga (andtsgraph queries)",
            "okänd fråga {name!r}; katalogen har {n} frågor (andtsgraph queries)",
        ),
        "en": (
            "unknown query {name!r}; the catalog has {n} query (andtsgraph queries)",
            "unknown query {name!r}; the catalog has {n} queries (andtsgraph queries)",
        ),
    },
    "catalog.no_file": {
        "sv": "{path}: frågefilen finns inte",
        "en": "{path}: no such query file",
    },
}
