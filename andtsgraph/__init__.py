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
from andtsgraph.remote import Endpoint, EndpointError, PushedGraph, connect, push
from andtsgraph.results import QueryResult

__version__ = "0.1.0"

__all__ = [
    "AndtsError",
    "CatalogQuery",
    "DataFileError",
    "Endpoint",
    "EndpointError",
    "KnowledgeGraph",
    "OutputExistsError",
    "PlanInfo",
    "PlanNotFoundError",
    "PushedGraph",
    "QueryError",
    "QueryResult",
    "__version__",
    "catalog",
    "connect",
    "load",
    "push",
]
