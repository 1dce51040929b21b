"""Plans as spreadsheets: the template coordinators fill in, and the way back.

``write_template`` writes an empty template; ``import_plan`` reads a filled-in one (an
``.xlsx`` workbook or a folder of CSV files) into a plan graph in the model of the bundled
plans; ``export_plan`` writes any loaded plan as a filled-in template, so that importing it
again gives the same graph. The layout (sheets and columns) is in
:mod:`andtsgraph.spreadsheet.layout`.

>>> from andtsgraph.spreadsheet.layout import SHEETS
>>> [s.name for s in SHEETS][:5]
['Plan', 'Mål', 'Områden', 'Insatser', 'Indikatorer']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from andtsgraph.namespaces import plan_graph
from andtsgraph.readers import Reader, register_reader
from andtsgraph.spreadsheet.reader import ImportResult, NewActor, import_plan
from andtsgraph.spreadsheet.targets import ParsedTarget, parse_targets
from andtsgraph.spreadsheet.writer import export_plan, write_template

if TYPE_CHECKING:
    from rdflib import Graph

    from andtsgraph.knowledge_graph import KnowledgeGraph

#: File suffixes read as spreadsheet templates.
TEMPLATE_SUFFIXES = (".xlsx", ".xlsm")


def is_template(path: str | Path) -> bool:
    """Whether ``path`` is read as a plan template: an ``.xlsx`` workbook or a folder (of CSV
    files, one per sheet).

    Examples
    --------
    >>> is_template("plan.xlsx"), is_template("plan.ttl")
    (True, False)
    """
    path = Path(path)
    return path.suffix.lower() in TEMPLATE_SUFFIXES or path.is_dir()


def _read_template(kg: KnowledgeGraph, path: Path, lang: str) -> list[tuple[str, Graph]]:
    """The template reader of :mod:`andtsgraph.readers`: the plan's graph, then its links."""
    result = import_plan(kg, path, lang=lang)
    graphs = [(plan_graph(result.plan_id), result.graph)]
    if len(result.links):
        graphs.append((result.links_graph, result.links))
    return graphs


register_reader(Reader("plan-template", is_template, _read_template))


__all__ = [
    "ImportResult",
    "NewActor",
    "ParsedTarget",
    "export_plan",
    "import_plan",
    "is_template",
    "parse_targets",
    "write_template",
]
