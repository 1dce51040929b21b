"""Analysis of the knowledge graph: gaps (what no activity covers) and collaboration networks
(who carries the work, who connects the actors). Both read the graph only through catalog
queries, so every number can be reproduced with the same ``.rq`` file."""

from andtsgraph.analysis import gaps, network

__all__ = ["gaps", "network"]
