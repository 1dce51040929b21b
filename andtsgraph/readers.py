"""Readers of files that are not RDF: a registry, so that the knowledge graph loads them
without importing the packages that read them (no import cycle: the spreadsheet package
imports the knowledge graph, and registers its reader of plan templates here).

A reader says which paths it takes and turns one into named graphs, the plan's first.

Examples
--------
>>> import andtsgraph  # registers the spreadsheet template reader
>>> [r.name for r in READERS]
['plan-template']
>>> reader_for("plan.xlsx").name, reader_for("plan.ttl")
('plan-template', None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

if TYPE_CHECKING:
    from andtsgraph.knowledge_graph import KnowledgeGraph

__all__ = ["READERS", "Reader", "reader_for", "register_reader"]


@dataclass(frozen=True)
class Reader:
    """A reader of one kind of file.

    Attributes
    ----------
    name : str
    accepts : callable
        ``accepts(path) -> bool``: whether this reader reads ``path``.
    read : callable
        ``read(kg, path, lang) -> [(graph name, Graph), …]``: the plan's graph first, then any
        others (its curated links); names are matched against what ``kg`` holds, and
        problems are told in ``lang`` ("sv" or "en").
    """

    name: str
    accepts: Callable[[Path], bool]
    read: Callable[[KnowledgeGraph, Path, str], list[tuple[str, Graph]]]


#: The registered readers, tried in order.
READERS: list[Reader] = []


def register_reader(reader: Reader) -> None:
    """Add (or replace, by name) a reader."""
    READERS[:] = [r for r in READERS if r.name != reader.name] + [reader]


def reader_for(path: str | Path) -> Reader | None:
    """The first reader that takes ``path``; None for an RDF file."""
    return next((r for r in READERS if r.accepts(Path(path))), None)
