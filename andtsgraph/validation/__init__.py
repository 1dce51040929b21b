"""SHACL validation: any data against any shapes, and plans against the project's shapes.

- :func:`validate_graph` validates a data graph against a shapes graph with a named engine and
  returns SHACL results (:class:`ShaclResult` records and the ``sh:ValidationReport``).
- :func:`validate` validates plans (a knowledge graph, or a user's files in the context of the
  bundled data) against the bundled shapes and returns a readable :class:`ValidationReport`.

The package: :mod:`.shapes` (shapes graphs), :mod:`.engines` (sparql, pyshacl),
:mod:`.records` (the one result record), :mod:`.plans` (what is validated), :mod:`.context`
(where each result belongs: its plans, labels and source section), :mod:`.report` (text, JSON,
DataFrame and the SHACL results graph).
"""

from andtsgraph.validation.engines import ENGINES, UnsupportedShapes
from andtsgraph.validation.graph import ValidationWarning, validate_graph
from andtsgraph.validation.plans import data_graph, validate
from andtsgraph.validation.records import ShaclReport, ShaclResult
from andtsgraph.validation.report import (
    LANGS,
    SEVERITIES,
    ResultGroup,
    ValidationReport,
    ValidationResult,
)
from andtsgraph.validation.shapes import ANDTSH, load_shapes, shapes_files

__all__ = [
    "ANDTSH",
    "ENGINES",
    "LANGS",
    "SEVERITIES",
    "ResultGroup",
    "ShaclReport",
    "ShaclResult",
    "UnsupportedShapes",
    "ValidationReport",
    "ValidationResult",
    "ValidationWarning",
    "data_graph",
    "load_shapes",
    "shapes_files",
    "validate",
    "validate_graph",
]
