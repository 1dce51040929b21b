"""Texts of the pictures: the network's legend and tooltips, the coverage matrix's caption."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "render.all_plans": {"sv": "alla planer", "en": "all plans"},
    "render.shown": {
        "sv": " Visas: de {shown} aktörer som har flest band, och banden mellan dem.",
        "en": " Shown: the {shown} best-connected actors and the ties between them.",
    },
    "render.legend": {
        "sv": "Samverkansnätverk, {scope}: {actors}, {edges}.{shown} Storlek: betweenness. "
        "Färg: grupp (Louvain). Bredd: delade insatser. Streckat: bara samverkansparter.",
        "en": "Collaboration network, {scope}: {actors}, {edges}.{shown} Size: betweenness. "
        "Colour: community (Louvain). Width: shared activities. Dashed: partners only.",
    },
    "render.tooltip": {
        "sv": "{label}: {partners}, {activities}, betweenness {betweenness:.3f}",
        "en": "{label}: {partners}, {activities}, betweenness {betweenness:.3f}",
    },
    "render.partners": {
        "sv": ("{n} samverkanspartner", "{n} samverkanspartner"),
        "en": ("{n} collaborator", "{n} collaborators"),
    },
    "render.matrix_caption.substance": {
        "sv": "{plan}: insatser per substans och preventionsnivå (rött: inga)",
        "en": "{plan}: activities per substance and prevention level (red: none)",
    },
    "render.matrix_caption.group": {
        "sv": "{plan}: insatser per målgrupp och preventionsnivå (rött: inga)",
        "en": "{plan}: activities per target group and prevention level (red: none)",
    },
}
