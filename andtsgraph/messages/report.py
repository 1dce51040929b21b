"""Texts of the report (terminal and HTML): headings, table headers, the words of the
network analysis and what they mean.

Table headers are one text with the columns separated by "|".
"""

__all__ = ["MESSAGES"]

MESSAGES = {
    "report.title": {
        "sv": "ANDTS-planer: validering, luckor och samverkan",
        "en": "ANDTS plans: validation, gaps and collaboration",
    },
    "report.plans": {"sv": "Planer", "en": "Plans"},
    "report.plan_columns": {
        "sv": "id|plan|typ|giltighet|innehåll",
        "en": "id|plan|kind|valid|contents",
    },
    "report.kind.national": {"sv": "nationell", "en": "national"},
    "report.kind.regional": {"sv": "regional", "en": "regional"},
    "report.kind.municipal": {"sv": "kommunal", "en": "municipal"},
    "report.counts": {
        "sv": "{goals} mål, {areas} områden, {activities} insatser, {indicators} "
        "indikatorer, {actors} aktörer",
        "en": "{goals} goals, {areas} areas, {activities} activities, {indicators} "
        "indicators, {actors} actors",
    },
    "report.validation": {"sv": "Validering (SHACL)", "en": "Validation (SHACL)"},
    "report.conforms": {
        "sv": "Inga överträdelser av strukturreglerna.",
        "en": "No violations of the structural rules.",
    },
    "report.not_conforms": {
        "sv": "{n} överträdelser av strukturreglerna.",
        "en": "{n} violations of the structural rules.",
    },
    "report.severity.violation": {"sv": "Fel", "en": "Violation"},
    "report.severity.warning": {"sv": "Varning", "en": "Warning"},
    "report.severity.info": {"sv": "Upplysning", "en": "Info"},
    "report.gaps": {"sv": "Luckor", "en": "Gaps"},
    "report.risk": {
        "sv": "Riskfaktorer som ingen insats påverkar",
        "en": "Risk factors no activity addresses",
    },
    "report.protective": {
        "sv": "Skyddsfaktorer som ingen insats stärker",
        "en": "Protective factors no activity strengthens",
    },
    "report.national": {
        "sv": "Nationella mål som planen inte kopplas till",
        "en": "National goals the plan is not aligned with",
    },
    "report.empty": {
        "sv": "Mål och områden utan insatser",
        "en": "Goals and areas without activities",
    },
    "report.no_indicator": {
        "sv": "Insatser utan indikator",
        "en": "Activities without an indicator",
    },
    "report.no_responsible": {
        "sv": "Insatser utan ansvarig",
        "en": "Activities without a responsible actor",
    },
    "report.matrix": {
        "sv": "Substans × preventionsnivå: tomma celler",
        "en": "Substance × prevention level: empty cells",
    },
    "report.matrix_empty": {
        "sv": "Ingen insats har både substans och preventionsnivå; matrisen är tom.",
        "en": "No activity has both a substance and a prevention level; the matrix is empty.",
    },
    "report.neighbour": {
        "sv": "Det som {other} täcker men inte {plan}",
        "en": "What {other} covers that {plan} does not",
    },
    "report.none": {"sv": "inga", "en": "none"},
    "report.network": {"sv": "Samverkansnätverk", "en": "Collaboration network"},
    "report.network_line": {
        "sv": "{actors}, {edges}, täthet {density:.3f}, {communities} (Louvain)",
        "en": "{actors}, {edges}, density {density:.3f}, {communities} (Louvain)",
    },
    "report.ties": {
        "sv": ("{n} samverkansband", "{n} samverkansband"),
        "en": ("{n} tie", "{n} ties"),
    },
    "report.communities": {
        "sv": ("{n} grupp", "{n} grupper"),
        "en": ("{n} community", "{n} communities"),
    },
    "report.method_exact": {"sv": "exakt", "en": "exact"},
    "report.method_sampled": {
        "sv": "uppskattad: {samples} slumpade startpunkter (frö {seed}) av {actors} aktörer",
        "en": "approximate: {samples} sampled sources (seed {seed}) of {actors} actors",
    },
    "report.hubs": {"sv": "Nav (flest samverkanspartner)", "en": "Hubs (most collaborators)"},
    "report.brokers": {"sv": "Mäklare (högst betweenness)", "en": "Brokers (highest betweenness)"},
    "report.bridges": {"sv": "Aktörer som förbinder planer", "en": "Actors that connect plans"},
    "report.via": {"sv": "via", "en": "via"},
    "report.isolated": {
        "sv": "Aktörer utan samverkanspartner",
        "en": "Actors with no collaborator",
    },
    "report.columns": {
        "sv": "aktör|partner|delade|insatser|betweenness|grupp",
        "en": "actor|partners|shared|activities|betweenness|community",
    },
    "report.method": {"sv": "Betweenness: {method}.", "en": "Betweenness: {method}."},
    "report.curated": {
        "sv": "Faktorluckor och nationella mål bygger på de kurerade kopplingarna i data/links.",
        "en": "Factor gaps and national goals rest on the curated links in data/links.",
    },
    "report.hierarchy": {"sv": "Planens struktur", "en": "The plan's structure"},
    "report.generated": {
        "sv": "Skapad {date} med andtsgraph {version}",
        "en": "Made {date} with andtsgraph {version}",
    },
    "report.validation_columns": {
        "sv": "plan|allvarlighet|regel|att åtgärda|varför",
        "en": "plan|severity|rule|to fix|why",
    },
    "report.to_fix": {"sv": "att åtgärda", "en": "to fix"},
    "report.more": {"sv": "… och {n} till", "en": "… and {n} more"},
    "report.show_more": {"sv": "visa {n} till", "en": "show {n} more"},
    "report.compare": {"sv": "Jämförelse med {other}", "en": "Compared with {other}"},
    "report.no_compare": {
        "sv": "Ingen regional plan för planens län finns i grafen; jämför med en "
        "plan du väljer: --compare ID",
        "en": "The graph holds no regional plan of the plan's county; compare with "
        "a plan of your choice: --compare ID",
    },
    "report.glossary": {"sv": "Ord i nätverksanalysen", "en": "Words of the network analysis"},
    "report.glossary.hub": {
        "sv": "nav: en aktör med många samverkanspartner (delar insatser med många andra)",
        "en": "hub: an actor with many collaborators (shares activities with many others)",
    },
    "report.glossary.partners": {
        "sv": "partner: hur många andra aktörer aktören delar minst en insats med",
        "en": "partners: how many other actors the actor shares at least one activity with",
    },
    "report.glossary.shared": {
        "sv": "delade: summan av insatser som aktören delar med var och en av sina partner",
        "en": "shared: the sum of the activities the actor shares with each of its partners",
    },
    "report.glossary.betweenness": {
        "sv": "betweenness (mellanhandsgrad): hur ofta aktören ligger på "
        "den kortaste vägen mellan två andra aktörer, 0–1",
        "en": "betweenness: how often the actor lies on the shortest path "
        "between two other actors, 0–1",
    },
    "report.glossary.broker": {
        "sv": "mäklare: en aktör med hög betweenness, som förbinder aktörer som annars inte möts",
        "en": "broker: an actor with high betweenness, joining actors that "
        "would not otherwise meet",
    },
    "report.glossary.density": {
        "sv": "täthet: andelen av alla möjliga samverkansband som finns, 0–1",
        "en": "density: the share of all possible ties between actors that exist, 0–1",
    },
    "report.glossary.louvain": {
        "sv": "grupp (Louvain): aktörer som samverkar mer med varandra än med "
        "andra, funna med Louvain-metoden",
        "en": "community (Louvain): actors that work together more with each "
        "other than with others, found by the Louvain method",
    },
    "report.glossary.bridge": {
        "sv": "aktör som förbinder planer: en aktör som finns i insatser i mer än en plan",
        "en": "actor that connects plans: an actor named in activities of more than one plan",
    },
    "report.no_bridges": {
        "sv": "Ingen aktör förbinder {plan} med en annan plan.",
        "en": "No actor connects {plan} with another plan.",
    },
}
