"""Texts of the knowledge graph (andtsgraph.knowledge_graph): loading, queries, parameters."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "kg.cannot_read": {"sv": "kan inte läsas: {reason}", "en": "cannot read: {reason}"},
    "kg.unknown_parser": {
        "sv": "okänd parser {parser!r}: välj auto eller rdflib",
        "en": "unknown parser {parser!r}: choose auto or rdflib",
    },
    "kg.plan_loaded": {
        "sv": "planen {plan!r} är redan inläst från {first}",
        "en": "plan {plan!r} is already loaded from {first}",
    },
    "kg.store_refuses": {
        "sv": "lagret vägrar en term: {reason}",
        "en": "the store refuses a term: {reason}",
    },
    "kg.query_failed": {
        "sv": "frågan {name!r} misslyckades: {reason}",
        "en": "query {name!r} failed: {reason}",
    },
    "kg.resource_form": {
        "sv": "resursen {value!r}: ange en IRI eller ett prefixat namn",
        "en": "resource {value!r}: give an IRI or a prefixed name",
    },
    "kg.wrong_method": {
        "sv": "frågan {name!r} är en {form}-fråga: kör den med {right}(), inte {method}()",
        "en": "query {name!r} is a {form} query: run it with {right}(), not {method}()",
    },
    "kg.takes": {
        "sv": "frågan {name!r} tar: {names}",
        "en": "query {name!r} takes: {names}",
    },
    "kg.variables": {
        "sv": "frågans variabler är {names}",
        "en": "the query's variables are {names}",
    },
    "kg.none": {"sv": "inga", "en": "none"},
    "kg.no_param": {
        "sv": "frågan {name!r} har ingen parameter {param!r}{hint}; {what}",
        "en": "query {name!r} has no parameter {param!r}{hint}; {what}",
    },
    "kg.not_a_choice": {
        "sv": "parametern {param!r}: {value!r} är inte ett av {choices}{hint}",
        "en": "parameter {param!r}: {value!r} is not one of {choices}{hint}",
    },
    "kg.value_type": {
        "sv": "parametern {param!r}: ett värde av typen {kind} kan inte användas",
        "en": "parameter {param!r}: cannot use a value of type {kind}",
    },
    "kg.nowhere": {
        "sv": "parametern {param!r}: {value!r} ({iri}) finns ingenstans i grafen{hint}",
        "en": "parameter {param!r}: {value!r} ({iri}) is nowhere in the graph{hint}",
    },
    "kg.plan_ambiguous": {
        "sv": "plan-id {plan!r} är tvetydigt: det kan vara {ids}",
        "en": "plan id {plan!r} is ambiguous: it could be {ids}",
    },
    "kg.no_plan": {"sv": "ingen plan {plan!r}{hint}", "en": "no plan {plan!r}{hint}"},
    "kg.loaded_plans": {"sv": "; inlästa planer: {ids}", "en": "; loaded plans: {ids}"},
    "kg.serialize_order": {
        "sv": "serialize({destination!r}): första argumentet är målet; ange formatet med "
        "namn: serialize(format={destination!r})",
        "en": "serialize({destination!r}): the first argument is the destination; give the "
        "format by name: serialize(format={destination!r})",
    },
    "kg.unknown_format": {
        "sv": "okänt exportformat {format!r}: välj ett av {choices}",
        "en": "unknown export format {format!r}: choose one of {choices}",
    },
}
