"""Texts of the shared-server commands (push)."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "server.pushed_graph": {
        "sv": ("skrev {graph}  {n} tripel ({method})", "skrev {graph}  {n} tripler ({method})"),
        "en": ("wrote {graph}  {n} triple ({method})", "wrote {graph}  {n} triples ({method})"),
    },
    "server.kept_graph": {
        "sv": "fanns redan {graph}  {n} tripler (behölls)",
        "en": "already there {graph}  {n} triples (kept)",
    },
    "server.pushed": {
        "sv": (
            "skrev {n} graf, {triples} tripler ({kept} fanns redan)",
            "skrev {n} grafer, {triples} tripler ({kept} fanns redan)",
        ),
        "en": (
            "pushed {n} graph, {triples} triples ({kept} already there)",
            "pushed {n} graphs, {triples} triples ({kept} already there)",
        ),
    },
    "server.push_stopped": {
        "sv": (
            "andtsgraph: fel: överföringen stannade vid {graph}: {reason}. {n} graf är skriven "
            "hel (se ovan), {left} är inte skrivna.",
            "andtsgraph: fel: överföringen stannade vid {graph}: {reason}. {n} grafer är "
            "skrivna hela (se ovan), {left} är inte skrivna.",
        ),
        "en": (
            "andtsgraph: error: the push stopped at {graph}: {reason}. {n} graph was written "
            "whole (listed above), {left} were not.",
            "andtsgraph: error: the push stopped at {graph}: {reason}. {n} graphs were written "
            "whole (listed above), {left} were not.",
        ),
    },
    "server.push_finish": {
        "sv": "Gör klart: {command} --resume   Ångra: {command} --remove",
        "en": "To finish: {command} --resume   To undo: {command} --remove",
    },
    "server.removed_graph": {"sv": "tog bort {graph}", "en": "removed {graph}"},
    "server.removed": {
        "sv": ("tog bort {n} graf", "tog bort {n} grafer"),
        "en": ("removed {n} graph", "removed {n} graphs"),
    },
}
