"""Reading RDF files into graphs, with errors that name the file and the line."""

from __future__ import annotations

import xml.sax
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from andtsgraph.errors import DataFileError

__all__ = [
    "FORMATS_BY_SUFFIX",
    "QUAD_FORMATS",
    "guess_format",
    "read_rdf",
]

#: File extensions andtsgraph reads, and the rdflib parser for each.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".n3": "n3",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

#: Formats that carry named graphs of their own.
QUAD_FORMATS = {"trig", "nquads"}


def guess_format(path: Path) -> str:
    """Return the rdflib parser name for ``path``, from its extension or else its content.

    Raises
    ------
    DataFileError
        If neither the extension nor the first bytes tell the format.
    """
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt:
        return fmt
    head = path.read_bytes()[:2048].lstrip()
    if head.startswith((b"{", b"[")):
        return "json-ld"
    if head.startswith(b"<?xml") or b"<rdf:RDF" in head:
        return "xml"
    if head.startswith((b"@prefix", b"PREFIX", b"@base", b"prefix")):
        return "turtle"
    if head.startswith((b"<", b"_:")):
        return "nt"
    known = ", ".join(sorted(FORMATS_BY_SUFFIX))
    raise DataFileError(path, f"unknown RDF format (use one of the extensions {known})")


def read_rdf(path: str | Path, fmt: str | None = None) -> Dataset:
    """Parse one RDF file into a new Dataset.

    Triples land in the Dataset's default graph; TriG and N-Quads keep their named graphs.

    Parameters
    ----------
    path : str or Path
        The file to read.
    fmt : str, optional
        An rdflib parser name; guessed from the file when omitted.

    Returns
    -------
    rdflib.Dataset

    Raises
    ------
    DataFileError
        If the file is missing, unreadable or does not parse; the message names the file and,
        where the parser tells it, the line.

    Examples
    --------
    >>> from andtsgraph.resources import data_dir
    >>> ds = read_rdf(data_dir() / "vocab" / "substances.ttl")
    >>> len(ds) > 0
    True
    """
    path = Path(path)
    if not path.exists():
        raise DataFileError(path, "no such file")
    if not path.is_file():
        raise DataFileError(path, "not a file")
    fmt = fmt or guess_format(path)
    ds = Dataset()
    try:
        ds.parse(path, format=fmt, publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        raise DataFileError(path, f"{fmt} syntax error: {exc._why}", line=exc.lines + 1) from None
    except ParserError as exc:
        raise DataFileError(
            path, f"{fmt} syntax error: {exc}", line=_first_bad_line(path, fmt)
        ) from None
    except xml.sax.SAXParseException as exc:
        raise DataFileError(
            path, f"RDF/XML error: {exc.getMessage()}", line=exc.getLineNumber()
        ) from None
    except ValueError as exc:  # JSON decoding, bad literals
        raise DataFileError(
            path, f"{fmt} error: {exc}", line=getattr(exc, "lineno", None)
        ) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # rdflib plugins raise a wide variety of errors for bad input
        raise DataFileError(path, f"{fmt} error: {exc}") from None
    return ds


def _first_bad_line(path: Path, fmt: str) -> int | None:
    """Find the first line that does not parse, for line-based formats whose parser omits it."""
    if fmt not in ("nt", "nquads"):
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            Graph().parse(data=line, format=fmt)
        except Exception:
            return number
    return None
