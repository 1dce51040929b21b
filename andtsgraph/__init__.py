"""andtsgraph: Swedish ANDTS prevention plans as one linked, validated, queryable graph.

A map of the API (conventions: docs/conventions.md; every function takes the knowledge graph
first, every result has ``to_records()``, ``to_dataframe()``, ``to_json()``):

Load
    :func:`load` the bundled plans (and your files) into a :class:`KnowledgeGraph`;
    ``kg.add_file(path)`` adds one more; ``kg.plans`` lists them (:class:`PlanInfo`).
Query
    ``kg.query(name_or_sparql, **params)`` → :class:`QueryResult`; ``kg.ask``,
    ``kg.construct``, ``kg.describe``; :func:`catalog` lists the catalog (``queries/*.rq``).
Validate
    :func:`validate` (``kg``) → :class:`ValidationReport` of :class:`ValidationResult`.
Analyse
    :mod:`andtsgraph.analysis.gaps` (what a plan leaves uncovered, :class:`~andtsgraph.analysis.gaps.Gap`),
    :mod:`andtsgraph.analysis.network` (hubs, brokers, communities); :mod:`andtsgraph.report`
    and :mod:`andtsgraph.render` show them.
Import and export
    :func:`write_template`, :func:`import_plan` (→ :class:`ImportResult`), :func:`export_plan`
    for the spreadsheet template; ``kg.serialize(destination, format=…)`` for RDF.
Connect and push
    :func:`connect` a SPARQL server as a knowledge graph; :func:`push` the graph to one
    (:class:`PushedGraph`; :class:`Endpoint`).
Vocabularies and errors
    :mod:`andtsgraph.enums` (gap kinds, factor kinds, dimensions, severities …);
    :class:`AndtsError` and its subclasses; :class:`AndtsWarning`.

>>> import andtsgraph
>>> kg = andtsgraph.load()
>>> sorted(p.kind for p in kg.plans)[0]
'municipal'
"""

from __future__ import annotations

from andtsgraph.catalog import CatalogQuery, catalog
from andtsgraph.errors import (
    AndtsError,
    AndtsWarning,
    ChoiceError,
    DataFileError,
    OutputExistsError,
    PlanNotFoundError,
    QueryError,
    TemplateError,
    TemplateProblem,
)
from andtsgraph.knowledge_graph import KnowledgeGraph, PlanInfo, load
from andtsgraph.remote import Endpoint, EndpointError, PushedGraph, connect, push
from andtsgraph.results import QueryResult, ResultList
from andtsgraph.spreadsheet import ImportResult, export_plan, import_plan, write_template
from andtsgraph.validation import ValidationReport, ValidationResult, validate

__version__ = "0.1.0"

__all__ = [
    "AndtsError",
    "AndtsWarning",
    "CatalogQuery",
    "ChoiceError",
    "DataFileError",
    "Endpoint",
    "EndpointError",
    "ImportResult",
    "KnowledgeGraph",
    "OutputExistsError",
    "PlanInfo",
    "PlanNotFoundError",
    "PushedGraph",
    "QueryError",
    "QueryResult",
    "ResultList",
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
