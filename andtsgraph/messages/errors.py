"""Texts of andtsgraph.errors and of the errors of modules that have no room of their own."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "errors.did_you_mean": {"sv": "; menade du {names}?", "en": "; did you mean {names}?"},
    "errors.or": {"sv": " eller ", "en": " or "},
}
