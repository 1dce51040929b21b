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
    :mod:`andtsgraph.analysis.network` (hubs, brokers, communities),
    :mod:`andtsgraph.analysis.suggest` (suggested links to factors and national goals, for
    plans nobody has curated); :mod:`andtsgraph.report` and :mod:`andtsgraph.render` show them.
Import and export
    :func:`write_template`, :func:`import_plan` (→ :class:`ImportResult`), :func:`export_plan`
    for the spreadsheet template; ``kg.serialize(destination, format=…)`` for RDF.
Connect and push
    :func:`connect` a SPARQL server as a knowledge graph; :func:`push` the graph to one
    (:class:`PushedGraph`; :class:`Endpoint`).
Vocabularies and errors
    :mod:`andtsgraph.enums` (gap kinds, factor kinds, dimensions, severities …);
    :class:`AndtsError` and its subclasses; :class:`AndtsWarning`.
Language
    Every message is Swedish unless asked otherwise: ``lang="en"`` on a call,
    :func:`andtsgraph.messages.set_language` for the process, or ``ANDTSGRAPH_LANG=en``.

>>> import andtsgraph
>>> kg = andtsgraph.load()
>>> sorted(p.kind for p in kg.plans)[0]
'municipal'
"""

from __future__ import annotations

import os as _os
import sys as _sys

if _sys.argv and (_sys.argv[0] == "-m" or _os.path.basename(_sys.argv[0]) == "andtsgraph"):
    # Started as the command: Ctrl-C while the libraries are still being imported ends the
    # run quietly (exit 130) instead of with a traceback. andtsgraph.cli.main restores
    # Python's own handler once the imports are done; a library user's handler is never
    # touched.
    import signal as _signal

    def _interrupted_at_start(signum: int, frame: object) -> None:
        _os.write(2, b"andtsgraph: interrupted\n")
        _os._exit(130)

    _signal.signal(_signal.SIGINT, _interrupted_at_start)

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
from andtsgraph.remote import Endpoint, EndpointError, PushedGraph, PushError, connect, push
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
    "PushError",
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
