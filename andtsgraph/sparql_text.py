"""Safe handling of SPARQL text: checking parameter values and binding them with VALUES.

Values are never formatted into a query by hand: each becomes an RDF term whose N-Triples form
rdflib writes (escaping quotes, backslashes and newlines), and the terms go into one VALUES
block at the start of the query's outermost WHERE group. An IRI with characters that IRIs may
not contain is refused rather than escaped, so a value can never close the VALUES block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from andtsgraph.errors import QueryError
from andtsgraph.messages import text as _msg

__all__ = [
    "QUERY_FORMS",
    "UPDATE_WORDS",
    "bind_with_values",
    "check_term",
    "dataset_clauses",
    "declared_prefixes",
    "outer_where_brace",
    "prefixed_names",
    "query_form",
    "resolve_prefixed",
    "syntax_error",
    "with_prefixes",
]

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_IRI_AT = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_]+")


def check_term(name: str, term: Identifier) -> Identifier:
    """Return ``term`` if it is safe to bind to the variable ``name``; raise QueryError if not."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(_msg("errors.bad_variable", name=name))
    if isinstance(term, URIRef) and (_IRI_FORBIDDEN.search(str(term)) or ":" not in str(term)):
        raise QueryError(_msg("errors.bad_iri", name=name, value=str(term)))
    if isinstance(term, BNode):
        raise QueryError(_msg("errors.blank_node", name=name))
    if not isinstance(term, URIRef | Literal):
        raise QueryError(_msg("errors.cannot_bind", name=name, kind=type(term).__name__))
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
        raise QueryError(_msg("errors.unterminated"))
    return i


#: The forms of a SPARQL query, and the first words of a SPARQL update (refused: queries are
#: read-only).
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
)


def _words(text: str) -> Iterator[tuple[int, str]]:
    """Yield (index, word) of the words of ``text`` outside IRIs, strings and comments; a
    prefixed name's prefix (``add:`` in ``PREFIX add: <…>``) is not a word."""
    i = 0
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        m = _WORD.match(text, i)
        if m:
            if not text.startswith(":", m.end()) and (i == 0 or text[i - 1] not in "?$:"):
                yield i, m.group()
            i = m.end()
            continue
        i += 1


def query_form(text: str) -> str:
    r"""Return the query form (SELECT, ASK, CONSTRUCT or DESCRIBE), skipping comments, IRIs and
    strings (SPARQLWrapper's own guess reads words such as "addresses" in comments as ADD).

    Raises
    ------
    QueryError
        For a SPARQL update ("queries are read-only") or text that is no query.

    Examples
    --------
    >>> query_form("PREFIX add: <http://e/> # insert nothing\nASK { ?s add:p ?o }")
    'ASK'
    >>> query_form("INSERT DATA { <http://e/a> <http://e/b> 1 }")
    Traceback (most recent call last):
    ...
    andtsgraph.errors.QueryError: frågor är skrivskyddade: INSERT är en SPARQL-uppdatering; ändra datafilerna och läs in dem igen
    """
    for _, word in _words(text):
        upper = word.upper()
        if upper in ("PREFIX", "BASE"):
            continue
        if upper in QUERY_FORMS:
            return upper
        if upper in UPDATE_WORDS:
            raise QueryError(_msg("errors.read_only", word=upper))
        break
    raise QueryError(_msg("errors.not_sparql"))


def dataset_clauses(text: str) -> list[tuple[str, str]]:
    """Return the query's FROM and FROM NAMED clauses as ("FROM" or "FROM NAMED", IRI text).

    Examples
    --------
    >>> dataset_clauses("SELECT * FROM <http://e/g> FROM NAMED plan:x WHERE { ?s ?p ?o }")
    [('FROM', '<http://e/g>'), ('FROM NAMED', 'plan:x')]
    """
    brace = outer_where_brace(text) if "{" in text else len(text)
    found = []
    for i, word in _words(text[:brace]):
        if word.upper() != "FROM":
            continue
        m = re.compile(r"\s+(NAMED\s+)?(<[^>]*>|[A-Za-z][\w.-]*:[\w.-]*)", re.IGNORECASE).match(
            text, i + 4
        )
        if m:
            found.append(("FROM NAMED" if m.group(1) else "FROM", m.group(2)))
    return found


def prefixed_names(text: str, namespace: str, prefixes: Mapping[str, str]) -> set[str]:
    """Return the local names of ``namespace`` that ``text`` uses, written as ``<IRI>`` or as a
    prefixed name (with the query's own PREFIX lines, then ``prefixes``).

    Examples
    --------
    >>> sorted(prefixed_names("SELECT * { ?p a a:Plann ; a:x '<a:y>' }", "http://e#", {"a": "http://e#"}))
    ['Plann', 'x']
    """
    declared = dict(prefixes)
    declared.update(
        (m.group(1) or "", m.group(2))
        for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", text)
    )
    names = {p for p, iri in declared.items() if iri == namespace}
    stripped = _strip_literals(text)
    found = {
        m.group(1) for m in re.finditer(rf"<{re.escape(namespace)}([A-Za-z_][\w-]*)>", stripped)
    }
    for prefix in names:
        pattern = rf"(?<![\w?$:]){re.escape(prefix)}:([A-Za-z_][\w-]*)"
        found |= {m.group(1) for m in re.finditer(pattern, _strip_iris(stripped))}
    return found


def _strip_literals(text: str) -> str:
    """``text`` with its strings and comments blanked (IRIs kept)."""
    out, i = [], 0
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            out.append(text[i:j] if text[i] == "<" else " " * (j - i))
            i = j
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _strip_iris(text: str) -> str:
    return _IRI_AT.sub(lambda m: " " * len(m.group()), text)


def syntax_error(text: str, line: int, column: int, expected: str = "") -> str:
    r"""A parse error in the reader's terms: where (line, column, the text there) and, if the
    parser says so, what it expected (its internal token classes left out).

    Examples
    --------
    >>> syntax_error("SELECT ?x WHERE {\n ?x ?y }", 2, 5, "one of LATERAL, SERVICE, [_]")
    "syntax error at line 2, column 5, at '?y }': expected one of LATERAL, SERVICE"
    """
    lines = text.splitlines() or [""]
    here = lines[line - 1][column - 1 :].strip() if 0 < line <= len(lines) else ""
    near = f"at {here[:20]!r}" if here else "at the end of the query"
    expected = ", ".join(
        e
        for e in (x.strip() for x in re.split(r",|\bor\b", expected.removeprefix("one of ")))
        if re.fullmatch(r"[A-Za-z][\w ]*|'[^']+'|\S", e) and e not in ("_",)
    )
    if expected and "," in expected:
        expected = "one of " + expected
    return f"syntax error at line {line}, column {column}, {near}" + (
        f": expected {expected}" if expected else ""
    )


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
    raise QueryError(_msg("errors.no_where"))


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


def resolve_prefixed(value: str, prefixes: Mapping[str, str]) -> str | None:
    """The IRI the prefixed name ``value`` stands for, or None if it is none.

    Examples
    --------
    >>> resolve_prefixed("actor:polisen", {"actor": "https://w3id.org/andtsgraph/actor/"})
    'https://w3id.org/andtsgraph/actor/polisen'
    >>> resolve_prefixed("polisen", {"actor": "https://w3id.org/andtsgraph/actor/"}) is None
    True
    """
    prefix, sep, local = value.partition(":")
    if sep and prefix in prefixes and not local.startswith("//"):
        return prefixes[prefix] + local
    return None


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
