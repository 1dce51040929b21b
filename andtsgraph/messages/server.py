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
    "server.nothing_removed": {
        "sv": "{reason}; inget togs bort",
        "en": "{reason}; nothing was removed",
    },
    "server.remote_no_remove": {
        "sv": "en ansluten SPARQL-server är skrivskyddad här; ta bort överförda grafer med andtsgraph.remote.remove()",
        "en": "a connected SPARQL server is read-only here; remove pushed graphs with andtsgraph.remote.remove()",
    },
    "server.durations_changed": {
        "sv": (
            "servern håller {n} xsd:duration-värde på annat sätt än det skrevs, i {graphs}: {lost} kom tillbaka som {became} (Virtuoso håller en varaktighet som månader eller sekunder, inte båda); frågor där ser serverns form",
            "servern håller {n} xsd:duration-värden på annat sätt än de skrevs, i {graphs}: {lost} kom tillbaka som {became} (Virtuoso håller en varaktighet som månader eller sekunder, inte båda); frågor där ser serverns form",
        ),
        "en": (
            "the server keeps {n} xsd:duration value otherwise than written, in {graphs}: {lost} came back as {became} (Virtuoso keeps a duration as months or as seconds, not both); queries there see the server's form",
            "the server keeps {n} xsd:duration values otherwise than written, in {graphs}: {lost} came back as {became} (Virtuoso keeps a duration as months or as seconds, not both); queries there see the server's form",
        ),
    },
}
