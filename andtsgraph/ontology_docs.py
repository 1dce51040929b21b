"""Browsable documentation of the ontology: one self-contained HTML page made by pyLODE.

pyLODE shows every label it finds, so a bilingual ontology would read "MålGoal"; the page is
made from a copy that keeps one language (English by default, Swedish with ``lang="sv"``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Graph, Literal

from andtsgraph.errors import AndtsError
from andtsgraph.messages import text as _msg
from andtsgraph.output import check_outputs, staged
from andtsgraph.resources import ontology_dir

__all__ = [
    "make_ontology_docs",
    "single_language",
]


def single_language(graph: Graph, lang: str) -> Graph:
    """Return a copy of ``graph`` without the language-tagged literals of other languages."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language and o.language != lang:
            continue
        copy.add((s, p, o))
    return copy


def make_ontology_docs(destination: str | Path, *, lang: str = "en", force: bool = False) -> Path:
    """Write the ontology's documentation as one HTML page.

    Parameters
    ----------
    destination : str or Path
        The HTML file to write.
    lang : {"en", "sv"}
        The language of labels and definitions.
    force : bool
        Overwrite ``destination`` if it exists.

    Raises
    ------
    AndtsError
        If pyLODE is not installed (``pip install 'andtsgraph[docs]'``);
        :class:`OutputExistsError` if the file exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> page = make_ontology_docs(pathlib.Path(tempfile.mkdtemp()) / "andts.html")
    >>> "Development area" in page.read_text(encoding="utf-8")
    True
    """
    destination = Path(destination)
    check_outputs([destination], force=force)
    try:
        from pylode import OntPub
    except ImportError:
        raise AndtsError(_msg("errors.no_pylode")) from None
    graph = single_language(Graph().parse(ontology_dir() / "andts.ttl", format="turtle"), lang)
    # pyLODE logs every background ontology it loads at INFO level; a user needs none of it.
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    # Turtle text rather than the Graph: the serialiser sorts subjects, so the page lists the
    # classes and properties in a stable order.
    with staged([destination], force=force) as (temporary,):
        OntPub(ontology=graph.serialize(format="turtle")).make_html(destination=str(temporary))
    return destination
