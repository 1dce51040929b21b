"""One word for one thing: the names of the model's things, singular and plural.

Use these (``text("term.activity", lang, n=n)``) wherever a text names a kind of thing, so that
an *insats* is never an *aktivitet* in one place and an *insats* in another.
"""

__all__ = [
    "MESSAGES",
]

MESSAGES = {
    "term.plan": {"sv": ("{n} plan", "{n} planer"), "en": ("{n} plan", "{n} plans")},
    "term.goal": {"sv": ("{n} mål", "{n} mål"), "en": ("{n} goal", "{n} goals")},
    "term.area": {"sv": ("{n} område", "{n} områden"), "en": ("{n} area", "{n} areas")},
    "term.action_area": {
        "sv": ("{n} insatsområde", "{n} insatsområden"),
        "en": ("{n} action area", "{n} action areas"),
    },
    "term.development_area": {
        "sv": ("{n} utvecklingsområde", "{n} utvecklingsområden"),
        "en": ("{n} development area", "{n} development areas"),
    },
    "term.activity": {
        "sv": ("{n} insats", "{n} insatser"),
        "en": ("{n} activity", "{n} activities"),
    },
    "term.indicator": {
        "sv": ("{n} indikator", "{n} indikatorer"),
        "en": ("{n} indicator", "{n} indicators"),
    },
    "term.actor": {"sv": ("{n} aktör", "{n} aktörer"), "en": ("{n} actor", "{n} actors")},
    "term.problem": {"sv": ("{n} problem", "{n} problem"), "en": ("{n} problem", "{n} problems")},
    "term.link": {
        "sv": ("{n} kurerad koppling", "{n} kurerade kopplingar"),
        "en": ("{n} curated link", "{n} curated links"),
    },
    "term.method": {"sv": ("{n} metod", "{n} metoder"), "en": ("{n} method", "{n} methods")},
    "term.triple": {"sv": ("{n} trippel", "{n} tripplar"), "en": ("{n} triple", "{n} triples")},
}
