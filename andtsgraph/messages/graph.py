"""Texts of the commands about the graph itself: info, export, synthetic."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "graph.info_head": {
        "sv": "{plans}, {triples} i {graphs} namngivna grafer ({store})",
        "en": "{plans}, {triples} in {graphs} named graphs ({store} store)",
    },
    "graph.kind.national": {"sv": "nationell", "en": "national"},
    "graph.kind.regional": {"sv": "regional", "en": "regional"},
    "graph.kind.municipal": {"sv": "kommunal", "en": "municipal"},
    "graph.issued_by": {"sv": "utgiven av {publisher}", "en": "issued by {publisher}"},
    "graph.wrote_rdf": {
        "sv": "skrev {path} ({format}, {triples})",
        "en": "wrote {path} ({format}, {triples})",
    },
    "graph.wrote_template": {
        "sv": "skrev {path} (planen {plan} som ifylld mall)",
        "en": "wrote {path} (plan {plan} as a filled-in template)",
    },
    "graph.wrote_corpus": {
        "sv": "skrev {files} till {path}: {plans} påhittade planer (märkta syntetiska) med {activities} var; använd dem med --with {path}",
        "en": "wrote {files} to {path}: {plans} invented plans (marked synthetic) of {activities} each; use them with --with {path}",
    },
    "graph.export_note": {
        "sv": "andtsgraph: obs: {format} har inga namngivna grafer; läses filen in igen hamnar varje plans delar i planens graf genom andts:inPlan (trig, nq och jsonld behåller alla grafer)",
        "en": "andtsgraph: note: {format} keeps no named graphs; loading it back places each plan's parts in the plan's graph by andts:inPlan (trig, nq and jsonld keep every graph)",
    },
    "graph.files": {"sv": ("{n} fil", "{n} filer"), "en": ("{n} file", "{n} files")},
}
