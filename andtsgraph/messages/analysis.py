"""Texts of the analysis commands (gaps, hubs, render): headings and table headers."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "analysis.gap_kind.risk-factor": {
        "sv": "Riskfaktorer som ingen insats påverkar",
        "en": "Risk factors no activity addresses",
    },
    "analysis.gap_kind.protective-factor": {
        "sv": "Skyddsfaktorer som ingen insats stärker",
        "en": "Protective factors no activity strengthens",
    },
    "analysis.gap_kind.national-goal": {
        "sv": "Nationella mål som planen inte kopplas till",
        "en": "National goals the plan is not aligned with",
    },
    "analysis.gap_kind.empty-goal": {"sv": "Mål utan insatser", "en": "Goals without activities"},
    "analysis.gap_kind.empty-area": {
        "sv": "Områden utan insatser",
        "en": "Areas without activities",
    },
    "analysis.gap_kind.no-indicator": {
        "sv": "Insatser utan indikator",
        "en": "Activities without an indicator",
    },
    "analysis.gap_kind.no-responsible": {
        "sv": "Insatser utan ansvarig",
        "en": "Activities without a responsible actor",
    },
    "analysis.gap_kind.matrix-empty": {
        "sv": "Ingen insats har både substans och preventionsnivå",
        "en": "No activity has both a substance and a prevention level",
    },
    "analysis.gap_kind.matrix-cell": {
        "sv": "Substans × preventionsnivå: tomma celler",
        "en": "Substance × prevention level: empty cells",
    },
    "analysis.gap_kind.neighbour-covers": {
        "sv": "Det som en närliggande plan täcker men inte planen",
        "en": "What a neighbouring plan covers that the plan does not",
    },
    "analysis.needs_plan": {
        "sv": "render {kind} behöver --plan ID",
        "en": "render {kind} needs --plan ID",
    },
    "analysis.gap_heading": {"sv": "{plan}  {heading} ({n})", "en": "{plan}  {heading} ({n})"},
    "analysis.no_gaps": {"sv": "inga luckor hittades", "en": "no gaps found"},
    "analysis.network_line": {
        "sv": "{actors}, {edges}, täthet {density:.3f}, {communities}; betweenness {method}",
        "en": "{actors}, {edges}, density {density:.3f}, {communities}; betweenness {method}",
    },
    "analysis.hub_columns": {
        "sv": "aktör|partner|delade|insatser|betweenness|grupp",
        "en": "actor|partners|shared|activities|betweenness|community",
    },
}
