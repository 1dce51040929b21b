"""Analysis of the knowledge graph: gaps (what no activity covers) and collaboration networks
(who carries the work, who connects the actors). Both read the graph only through catalog
queries, so every number can be reproduced with the same ``.rq`` file. ``suggest`` proposes
the links the gaps rest on for plans nobody has curated (lexical matching; not facts)."""

from andtsgraph.analysis import gaps, network, suggest

__all__ = ["gaps", "network", "suggest"]
