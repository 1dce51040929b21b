"""The words of validation reports and of the validate command."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "validation.violation": {"sv": "Fel", "en": "Violation"},
    "validation.warning": {"sv": "Varning", "en": "Warning"},
    "validation.info": {"sv": "Upplysning", "en": "Info"},
    "validation.count.violation": {
        "sv": ("{n} fel", "{n} fel"),
        "en": ("{n} violation", "{n} violations"),
    },
    "validation.count.warning": {
        "sv": ("{n} varning", "{n} varningar"),
        "en": ("{n} warning", "{n} warnings"),
    },
    "validation.count.info": {
        "sv": ("{n} upplysning", "{n} upplysningar"),
        "en": ("{n} info", "{n} infos"),
    },
    "validation.validated": {
        "sv": "Validering av {plans}: {counts}",
        "en": "Validation of {plans}: {counts}",
    },
    "validation.clean": {"sv": "Inga anmärkningar.", "en": "No findings."},
    "validation.more": {"sv": "… och {n} till", "en": "… and {n} more"},
    "validation.other": {
        "sv": "Övriga data (aktörer, begrepp)",
        "en": "Other data (actors, concepts)",
    },
    "validation.target": {"sv": "målvärde för «{indicator}»", "en": "target of “{indicator}”"},
    "validation.default_message": {
        "sv": "Bryter mot {component} i formen {shape}.",
        "en": "Violates {component} of shape {shape}.",
    },
    "validation.no_plan": {
        "sv": "{files}: innehåller ingen plan (ingen andts:NationalStrategy, andts:RegionalPlan eller andts:MunicipalPlan); det finns inget att validera",
        "en": "{files}: holds no plan (no andts:NationalStrategy, andts:RegionalPlan or andts:MunicipalPlan); there is nothing to validate",
    },
    "validation.unknown_plan": {
        "sv": "okänd plan {plan!r}; de validerade planerna är: {plans}",
        "en": "unknown plan {plan!r}; the validated plans are: {plans}",
    },
    "validation.changed_literals": {
        "sv": "{where}: Oxigraph-lagret ändrade {n} literaler när filen lästes in ({examples} …); graferna som innehåller dem valideras som de är skrivna i filen",
        "en": "{where}: the Oxigraph store changed {n} literals on loading ({examples} …); the graphs holding them are validated as written in the file",
    },
    "validation.ill_typed": {
        "sv": "data innehåller literaler som inte är giltiga värden av sin datatyp ({datatypes}); formerna som anger datatypen rapporterar dem",
        "en": "the data hold literals that are no valid value of their datatype ({datatypes}); the shapes that state the datatype report them",
    },
}
