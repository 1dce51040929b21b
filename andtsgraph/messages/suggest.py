"""Texts of the link suggestions (``andtsgraph links suggest``), of the gap analysis and the
report when they rest on suggestions, and of the import log's list of suggestions."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "suggest.not_facts": {
        "sv": "Förslag, inte kurerade kopplingar: pröva vart och ett innan du för in det i bladet Kopplingar eller i data/links.",
        "en": "Suggestions, not curated links: check each one before you add it to the Kopplingar sheet or to data/links.",
    },
    "suggest.kind.factor": {"sv": "risk- och skyddsfaktorer", "en": "risk and protective factors"},
    "suggest.kind.national-goal": {"sv": "nationella mål", "en": "national goals"},
    "suggest.heading": {
        "sv": ("{plan}: {what}, {n} förslag", "{plan}: {what}, {n} förslag"),
        "en": ("{plan}: {what}, {n} suggestion", "{plan}: {what}, {n} suggestions"),
    },
    "suggest.unmatched": {
        "sv": "{n} av {total} delar av planen fick inget förslag (poäng under {threshold}).",
        "en": "{n} of {total} parts of the plan got no suggestion (score below {threshold}).",
    },
    "suggest.none": {
        "sv": "Inga förslag: ingen del av planen når poängen {threshold} för {what}.",
        "en": "No suggestions: no part of the plan reaches the score {threshold} for {what}.",
    },
    "suggest.no_parts": {
        "sv": "Inga förslag: planen {plan} har inga insatser, mål eller områden med text.",
        "en": "No suggestions: the plan {plan} has no activities, goals or areas with text.",
    },
    "suggest.evidence": {"sv": "belägg", "en": "evidence"},
    # Where a matched word stands: in the plan, and in the factor or national goal.
    "suggest.where.activity": {"sv": "insats", "en": "activity"},
    "suggest.where.indicator": {"sv": "indikator", "en": "indicator"},
    "suggest.where.area": {"sv": "område", "en": "area"},
    "suggest.where.goal": {"sv": "mål", "en": "goal"},
    "suggest.where.activity under it": {"sv": "insats under", "en": "activity under it"},
    "suggest.where.label": {"sv": "namn", "en": "label"},
    "suggest.where.other name": {"sv": "annat namn", "en": "other name"},
    "suggest.where.definition": {"sv": "definition", "en": "definition"},
    "suggest.where.example": {"sv": "exempel", "en": "example"},
    "suggest.where.description": {"sv": "beskrivning", "en": "description"},
    "suggest.wrote": {
        "sv": (
            "skrev {path}: {n} förslag i grafen {graph}",
            "skrev {path}: {n} förslag i grafen {graph}",
        ),
        "en": (
            "wrote {path}: {n} suggestion in graph {graph}",
            "wrote {path}: {n} suggestions in graph {graph}",
        ),
    },
    # Which links the gap analysis and the report rest on.
    "suggest.basis.curated": {
        "sv": "Faktorluckor och nationella mål bygger på de kurerade kopplingarna i data/links.",
        "en": "Factor gaps and national goals rest on the curated links in data/links.",
    },
    "suggest.basis.suggested": {
        "sv": "Faktorluckor och nationella mål bygger på FÖRESLAGNA kopplingar (andtsgraph links suggest, ordlikhet), inte på kurerade: en faktor räknas som täckt om någon insats har ett förslag om den. Förslagen är inte prövade.",
        "en": "Factor gaps and national goals rest on SUGGESTED links (andtsgraph links suggest, word similarity), not curated ones: a factor counts as covered when some activity has a suggestion for it. The suggestions are unchecked.",
    },
    "suggest.basis.both": {
        "sv": "Faktorluckor och nationella mål bygger på de kurerade kopplingarna i data/links och på FÖRESLAGNA kopplingar (andtsgraph links suggest, ordlikhet, inte prövade).",
        "en": "Factor gaps and national goals rest on the curated links in data/links and on SUGGESTED links (andtsgraph links suggest, word similarity, unchecked).",
    },
    # The import log.
    "suggest.import.heading": {
        "sv": "Föreslagna kopplingar att pröva för bladet Kopplingar (bästa {top} per insats, mål eller område; andtsgraph links suggest --plan {plan}):",
        "en": "Suggested links to check for the Kopplingar sheet (best {top} per activity, goal or area; andtsgraph links suggest --plan {plan}):",
    },
    "suggest.import.line": {
        "sv": "  {source} → {target} (poäng {score}; {evidence})",
        "en": "  {source} → {target} (score {score}; {evidence})",
    },
    "suggest.import.none": {
        "sv": "Inga föreslagna kopplingar för planen (ingen del når poängen för ett förslag).",
        "en": "No suggested links for the plan (no part reaches the score of a suggestion).",
    },
}
