"""andtsgraph: Swedish ANDTS prevention plans as one linked, validated, queryable graph.

>>> import andtsgraph
>>> kg = andtsgraph.load()
>>> sorted(p.kind for p in kg.plans)[0]
'municipal'
"""

from __future__ import annotations

from andtsgraph.catalog import CatalogQuery, catalog
from andtsgraph.errors import (
    AndtsError,
    DataFileError,
    OutputExistsError,
    PlanNotFoundError,
    QueryError,
)
from andtsgraph.knowledge_graph import KnowledgeGraph, PlanInfo, load
from andtsgraph.results import QueryResult

__version__ = "0.1.0"

__all__ = [
    "AndtsError",
    "CatalogQuery",
    "DataFileError",
    "KnowledgeGraph",
    "OutputExistsError",
    "PlanInfo",
    "PlanNotFoundError",
    "QueryError",
    "QueryResult",
    "__version__",
    "catalog",
    "load",
]
