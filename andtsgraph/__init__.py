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
    TemplateError,
    TemplateProblem,
)
from andtsgraph.knowledge_graph import KnowledgeGraph, PlanInfo, load
from andtsgraph.remote import Endpoint, EndpointError, PushedGraph, PushError, connect, push
from andtsgraph.results import QueryResult
from andtsgraph.spreadsheet import ImportResult, export_plan, import_plan, write_template
from andtsgraph.validation import ValidationReport, ValidationResult, validate

__version__ = "0.1.0"

__all__ = [
    "AndtsError",
    "CatalogQuery",
    "DataFileError",
    "Endpoint",
    "EndpointError",
    "ImportResult",
    "KnowledgeGraph",
    "OutputExistsError",
    "PlanInfo",
    "PlanNotFoundError",
    "PushError",
    "PushedGraph",
    "QueryError",
    "QueryResult",
    "TemplateError",
    "TemplateProblem",
    "ValidationReport",
    "ValidationResult",
    "__version__",
    "catalog",
    "connect",
    "export_plan",
    "import_plan",
    "load",
    "push",
    "validate",
    "write_template",
]
