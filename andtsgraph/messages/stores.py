"""Texts of the store registry (andtsgraph.backends)."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "stores.unknown": {
        "sv": "store={store!r} är inte ett av: {allowed}{hint}",
        "en": "store={store!r} is not one of: {allowed}{hint}",
    },
    "stores.server": {
        "sv": "; en SPARQL-server nås med andtsgraph.connect(URL)",
        "en": "; for a SPARQL server use andtsgraph.connect(URL)",
    },
}
