"""Where the bundled ontology, data and queries are: inside an installed wheel, or in the
repository when running from a checkout (an editable install)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = [
    "data_dir",
    "ontology_dir",
    "queries_dir",
    "resource_root",
]

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    """Return the folder holding ``ontology/``, ``data/`` and ``queries/``.

    A wheel ships them in ``andtsgraph/_resources``; a checkout has them beside the package.
    """
    for root in (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent):
        if (root / "ontology" / "andts.ttl").is_file():
            return root
    raise FileNotFoundError(
        "andtsgraph's bundled ontology is missing: reinstall the package "
        f"(looked in {_PACKAGE_DIR / '_resources'} and {_PACKAGE_DIR.parent})"
    )


def ontology_dir() -> Path:
    """Return the folder of the OWL ontology and SHACL shapes."""
    return resource_root() / "ontology"


def data_dir() -> Path:
    """Return the folder of the bundled plans, vocabularies, actors and links."""
    return resource_root() / "data"


def queries_dir() -> Path:
    """Return the folder of the SPARQL query catalog."""
    return resource_root() / "queries"
