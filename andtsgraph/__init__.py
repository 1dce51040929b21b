"""andtsgraph: Swedish ANDTS prevention plans as one linked, validated, queryable graph.

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
    DataFileError,
    OutputExistsError,
    PlanNotFoundError,
    QueryError,
    TemplateError,
    TemplateProblem,
)
from andtsgraph.knowledge_graph import KnowledgeGraph, PlanInfo, load
from andtsgraph.remote import Endpoint, EndpointError, PushedGraph, connect, push
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
