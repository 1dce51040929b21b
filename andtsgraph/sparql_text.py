"""Safe handling of SPARQL text: checking parameter values and binding them with VALUES.

Values are never formatted into a query by hand: each becomes an RDF term whose N-Triples form
rdflib writes (escaping quotes, backslashes and newlines), and the terms go into one VALUES
block at the start of the query's outermost WHERE group. An IRI with characters that IRIs may
not contain is refused rather than escaped, so a value can never close the VALUES block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from andtsgraph.errors import QueryError

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_IRI_AT = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_]+")


def check_term(name: str, term: Identifier) -> Identifier:
    """Return ``term`` if it is safe to bind to the variable ``name``; raise QueryError if not."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"{name!r} is not a valid SPARQL variable name")
    if isinstance(term, URIRef) and (_IRI_FORBIDDEN.search(str(term)) or ":" not in str(term)):
        raise QueryError(f"parameter {name!r}: {str(term)!r} is not a valid IRI")
    if isinstance(term, BNode):
        raise QueryError(f"parameter {name!r}: blank nodes cannot be bound")
    if not isinstance(term, URIRef | Literal):
        raise QueryError(f"parameter {name!r}: cannot bind {type(term).__name__}")
    return term


def _skip_token(text: str, i: int) -> int:
    """Return the index after the IRI, string or comment starting at ``i`` (or ``i`` if none)."""
    ch = text[i]
    if ch == "<":
        m = _IRI_AT.match(text, i)
        return m.end() if m else i
    if ch == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if ch in "\"'":
        quote = ch * 3 if text.startswith(ch * 3, i) else ch
        j = i + len(quote)
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            if text.startswith(quote, j):
                return j + len(quote)
            j += 1
        raise QueryError("the query has an unterminated string")
    return i


def query_form(text: str) -> str:
    """Return the query form (SELECT, ASK, CONSTRUCT or DESCRIBE), skipping comments, IRIs and
    strings (SPARQLWrapper's own guess reads words such as "addresses" in comments as ADD)."""
    i = 0
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        m = _WORD.match(text, i)
        if m:
            if m.group().upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                return m.group().upper()
            i = m.end()
            continue
        i += 1
    raise QueryError("the text is not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")


def outer_where_brace(text: str) -> int:
    """Return the index of the ``{`` that opens the outermost WHERE group of a query.

    IRIs, strings and comments are skipped, so a ``{`` or the word WHERE inside them is not
    mistaken for syntax.
    """
    i, form, seen_where = 0, None, False
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        # A CONSTRUCT's first group is its template: only WHERE opens the pattern there.
        if text[i] == "{" and form is not None and (seen_where or form != "CONSTRUCT"):
            return i
        m = _WORD.match(text, i)
        if m:
            word = m.group().upper()
            if form is None and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = word
            elif word == "WHERE" and form is not None:
                seen_where = True
            i = m.end()
            continue
        i += 1
    raise QueryError("cannot find the query's WHERE clause to bind parameters to")


def bind_with_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """Return ``text`` with ``bindings`` added as a VALUES block opening its WHERE group.

    Examples
    --------
    >>> from rdflib import Literal
    >>> bind_with_values("SELECT ?x WHERE { ?x ?p ?text }", {"text": Literal('"} ; DROP ALL')})
    'SELECT ?x WHERE { VALUES (?text) { ("\\\\"} ; DROP ALL") }\\n ?x ?p ?text }'
    """
    if not bindings:
        return text
    names = list(bindings)
    terms = [check_term(n, bindings[n]).n3() for n in names]
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}\n"
    at = outer_where_brace(text) + 1
    return text[:at] + block + text[at:]


def declared_prefixes(text: str) -> set[str]:
    """Return the prefix names a query declares with PREFIX."""
    return {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", text)} | (
        {""} if re.search(r"(?im)^\s*PREFIX\s+:", text) else set()
    )


def with_prefixes(text: str, prefixes: Mapping[str, str]) -> str:
    """Return ``text`` with PREFIX lines for the ``prefixes`` it uses but does not declare."""
    declared = declared_prefixes(text)
    missing = [
        f"PREFIX {name}: <{iri}>"
        for name, iri in prefixes.items()
        if name not in declared and re.search(rf"(?<![\w?$]){re.escape(name)}:", text)
    ]
    return "\n".join([*missing, text]) if missing else text


def uses_keyword(text: str, keyword: str) -> bool:
    """Whether the query uses ``keyword`` (such as ``SERVICE``) as a keyword: not in a comment,
    string or IRI, nor as part of a variable or prefixed name.

    Examples
    --------
    >>> uses_keyword("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", "SERVICE")
    True
    >>> uses_keyword("SELECT ?service { ?service a <http://x/SERVICE> } # SERVICE", "SERVICE")
    False
    """
    i = 0
    keyword = keyword.upper()
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        m = _WORD.match(text, i)
        if m:
            before = text[i - 1] if i else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if m.group().upper() == keyword and before not in "?$:" and after not in ":-.":
                return True
            i = m.end()
            continue
        i += 1
    return False
