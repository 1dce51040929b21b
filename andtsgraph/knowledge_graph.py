"""The knowledge graph: the ontology, vocabularies, actors, curated links and every plan,
each plan in its own named graph, behind one query API."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from andtsgraph.backends import Backend, check_store, make_backend
from andtsgraph.backends.base import Batched, NativeFileLoading, Updatable
from andtsgraph.catalog import CatalogQuery, resolve_query
from andtsgraph.errors import (
    AndtsError,
    AndtsWarning,
    DataFileError,
    PlanNotFoundError,
    QueryError,
    did_you_mean,
    note,
)
from andtsgraph.messages import language, text, using_language
from andtsgraph.messages import text as message
from andtsgraph.namespaces import (
    ACTORS_GRAPH,
    ANDTS,
    CLOSURE_GRAPH,
    GRAPH,
    LINKS_GRAPH,
    ONTOLOGY_GRAPH,
    PLAN_KINDS,
    PREFIXES,
    VOCAB_GRAPH,
    plan_graph,
    plan_id_of,
)
from andtsgraph.output import check_outputs, write_bytes
from andtsgraph.rdf_io import (
    FORMATS_BY_SUFFIX,
    QUAD_FORMATS,
    guess_format,
    read_rdf,
    split_by_plan,
)
from andtsgraph.readers import Reader, reader_for
from andtsgraph.resources import data_dir, ontology_dir
from andtsgraph.results import QueryResult, Result, ResultList
from andtsgraph.results import to_python as rdflib_to_python
from andtsgraph.sparql_text import (
    check_term,
    dataset_clauses,
    prefixed_names,
    query_form,
    resolve_prefixed,
)

__all__ = [
    "EXPORT_FORMATS",
    "ID_PARAMS",
    "SUBCLASS_QUERY",
    "KnowledgeGraph",
    "PlanInfo",
    "bundled_files",
    "closure_update",
    "load",
    "rdf_files_in",
    "superclasses",
]

#: Serialisation formats of :meth:`KnowledgeGraph.serialize`: name → (rdflib format, keeps graphs).
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "ttl": ("turtle", False),
    "nt": ("nt", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
}

#: Parameters whose bare value is a local name in a namespace of
#: :data:`~andtsgraph.namespaces.PREFIXES`: the parameter's own name, or the one given here.
ID_PARAMS: dict[str, str] = {
    "actor": "actor",
    "member": "actor",
    "group": "group",
    "factor": "factor",
    "substance": "substance",
    "level": "level",
    "method": "method",
    "domain": "domain",
}

#: Bundled folders and the named graph each is loaded into (plans get one graph per plan).
_FOLDER_GRAPHS = {"vocab": VOCAB_GRAPH, "actors": ACTORS_GRAPH, "links": LINKS_GRAPH}


@dataclass(frozen=True)
class PlanInfo(Result):
    """A loaded plan: its id, IRI, metadata and the number of its parts (one record of
    ``andtsgraph info --json``)."""

    id: str
    iri: str
    title: str
    kind: str
    publisher: str | None
    identifier: str | None
    adopted: str | None
    valid_from: str | None
    valid_until: str | None
    goals: int
    development_areas: int
    action_areas: int
    activities: int
    indicators: int
    actors: int


class KnowledgeGraph:
    """All loaded graphs behind one query API. Make one with :func:`load`.

    Attributes
    ----------
    backend : Backend
        The store holding the quads.
    sources : dict
        Named-graph IRI → the files loaded into it.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._sources: dict[str, list[Path]] = {}
        # TriG and N-Quads files loaded by the store's own parser, with their content: which
        # graphs they filled is worked out only when someone asks (see sources), so that loading
        # stays one pass (parsing them twice would cost a national corpus a second). The
        # content is kept, so the answer holds even if a file changes or goes after loading.
        self._unresolved: list[tuple[Path, str, bytes]] = []
        self._plans: list[PlanInfo] | None = None
        # The class closure is brought up to date before the next query after a load; the
        # ontology's terms are read once, for the typo check.
        self._closure_stale = True
        self._terms: set[str] | None = None

    @property
    def sources(self) -> dict[str, list[Path]]:
        """Named-graph IRI → the files loaded into it, in the order they were loaded."""
        if self._unresolved:
            backend = self.backend
            assert isinstance(backend, NativeFileLoading)  # only such a store leaves files here
            pending, self._unresolved = self._unresolved, []
            for path, fmt, data in pending:
                for name in backend.graphs_in_file(path, fmt, data):
                    self._sources.setdefault(name, []).append(path)
        return self._sources

    # -- loading -------------------------------------------------------------------------
    def add_file(
        self,
        path: str | Path,
        graph: str | None = None,
        *,
        parser: str = "auto",
        lang: str | None = None,
    ) -> str | None:
        """Parse ``path`` and add it to the graph; return the named graph it went to.

        A file holding one plan goes to that plan's own named graph; TriG and N-Quads keep
        their named graphs (None is returned); other files go to ``graph`` or, if omitted, to a
        graph named after the file. A plan template (``.xlsx``, or a folder of CSV files) is
        imported on the fly: its plan goes to the plan's graph, its curated links to a links
        graph of its own (``…/graph/links/<plan id>``).

        Parameters
        ----------
        path : str or Path
            The file.
        graph : str, optional
            The named graph for a file of triples that holds no plan.
        parser : {"auto", "rdflib"}
            "auto" lets a store with a parser of its own (Oxigraph) read Turtle, N-Triples,
            TriG and N-Quads itself, several times faster; "rdflib" always parses with rdflib.
            Both give the same quads; a file Oxigraph refuses is read by rdflib, whose error
            names the line.
        lang : {"sv", "en"}, optional
            The language of its errors and notes, a plan template's problems included (by
            default :func:`andtsgraph.messages.language`: Swedish unless set otherwise).

        Raises
        ------
        DataFileError
            If the file is missing or bad, holds several plans, or holds a plan that is
            already loaded.
        TemplateError
            If a plan template has problems (each one is listed).

        Examples
        --------
        >>> from andtsgraph.resources import data_dir
        >>> kg = load(bundled=False)
        >>> kg.add_file(data_dir() / "plans" / "vaxjo-2022-2027.ttl")
        'https://w3id.org/andtsgraph/graph/plan/vaxjo-2022-2027'
        """
        with using_language(lang):
            return self._add_file(Path(path), graph, parser, language(lang))

    def _add_file(self, path: Path, graph: str | None, parser: str, lang: str) -> str | None:
        if parser not in ("auto", "rdflib"):
            raise AndtsError(text("kg.unknown_parser", parser=parser))
        path = Path(path)
        reader = reader_for(path)
        if reader is not None:
            return self._add_read(path, reader, lang)
        fmt = guess_format(path) if path.is_file() else None
        native = self.backend.native_formats if isinstance(self.backend, NativeFileLoading) else ()
        if parser == "auto" and fmt is not None and fmt in native:
            try:
                return self._add_natively(path, fmt, graph)
            except (SyntaxError, ValueError, OSError):
                pass  # rdflib reads it below: its error names the line, and it is less strict
        ds = read_rdf(path, fmt)
        named = [
            ctx for ctx in ds.graphs() if len(ctx) and ctx.identifier != ds.default_graph.identifier
        ]
        if fmt in QUAD_FORMATS or (fmt == "json-ld" and named):
            # JSON-LD keeps named graphs as TriG does (andtsgraph's own export writes them).
            for ctx in ds.graphs():
                if len(ctx):
                    self._make_room(path, str(ctx.identifier))
            for ctx in ds.graphs():
                if len(ctx):
                    self._add(str(ctx.identifier), ctx, path)
            return None
        default = ds.default_graph
        plans = sorted(
            {str(s) for s, o in default.subject_objects(RDF.type) if str(o) in PLAN_KINDS}
        )
        if len(plans) > 1:
            self._add_split(path, default, plans, graph)
            return None
        target = self._target(path, plans, graph)
        self._add(target, default, path)
        return target

    def _add_split(self, path: Path, default: Graph, plans: list[str], graph: str | None) -> None:
        """A file of triples holding several plans (a whole-graph Turtle export): each plan's
        triples go to its own graph (placed by ``andts:inPlan``), the rest to ``graph``."""
        parts, rest = split_by_plan(default, plans)
        for plan in plans:
            self._make_room(path, plan_graph(plan_id_of(plan)))
        for plan in plans:
            self._add(plan_graph(plan_id_of(plan)), parts[plan], path)
        if len(rest):
            self._add(graph or str(GRAPH[f"file/{path.stem}"]), rest, path)
        return None

    def _make_room(self, path: Path, target: str) -> None:
        """Make room for a plan's graph: a revised version of a bundled plan replaces it (with
        a note); any other plan loaded twice is refused."""
        if not (target.startswith(str(GRAPH["plan/"])) and target in self.sources):
            return
        first = self.sources[target][0]
        plan_id = target.rsplit("/", 1)[-1]
        bundled = data_dir() / "plans"
        if all(p.parent == bundled for p in self.sources[target]) and path.parent != bundled:
            self.backend.remove_graph(target)
            del self._sources[target]
            self._changed()
            note(text("io.replaces_bundled", path=path, plan=plan_id))
            return
        raise DataFileError(path, text("kg.plan_loaded", plan=plan_id, first=first))

    def _target(self, path: Path, plans: list[str], graph: str | None) -> str:
        """The named graph for a file of triples holding ``plans``; refuse several or a repeat."""
        if plans:
            target = plan_graph(plan_id_of(plans[0]))
            self._make_room(path, target)
            return target
        return graph or str(GRAPH[f"file/{path.stem}"])

    def _add_natively(self, path: Path, fmt: str, graph: str | None) -> str | None:
        """Let the store parse the file itself (no rdflib terms are made on the way)."""
        backend = self.backend
        assert isinstance(backend, NativeFileLoading)  # add_file checked native_formats
        data = path.read_bytes()
        loaded_plans = [
            n.rsplit("/", 1)[-1] for n in self._sources if n.startswith(str(GRAPH["plan/"]))
        ]
        if fmt in QUAD_FORMATS and _may_name_a_graph(data, loaded_plans):
            # It names a graph that is loaded already (a plan loaded twice, or a revised
            # bundled plan): rdflib's path reads which graphs it fills first.
            raise ValueError("names a loaded graph")
        if fmt in QUAD_FORMATS:
            backend.load_file(path, fmt, None, data)
            self._unresolved.append((path, fmt, data))
            self._changed()
            return None
        # Only a file naming a plan class can hold a plan; only such files are parsed twice
        # (once to find the plan, once into its graph). Unicode escapes could hide the name.
        may_hold_plan = any(cls.rsplit("#", 1)[-1].encode() in data for cls in PLAN_KINDS) or any(
            escape in data for escape in (b"\\u", b"\\U")
        )
        plans = backend.subjects_typed_in_file(path, fmt, PLAN_KINDS, data) if may_hold_plan else []
        if len(plans) > 1:
            self._add_split(path, read_rdf(path, fmt).default_graph, plans, graph)
            return None
        target = self._target(path, plans, graph)
        backend.load_file(path, fmt, target, data)
        self.sources.setdefault(target, []).append(path)
        self._changed()
        return target

    def _add_read(self, path: Path, reader: Reader, lang: str) -> str:
        """Read a file with a registered reader (a plan template), matching its names against
        what is loaded so far."""
        graphs = reader.read(self, path, lang)
        target = graphs[0][0]
        self._make_room(path, target)
        for name, graph in graphs:
            self._add(name, graph, path)
        return target

    def _add(self, name: str, triples: Iterable, path: Path) -> None:
        try:
            self.backend.add_triples(name, triples)
        except (ValueError, TypeError) as exc:  # a term the store refuses (an IRI with "{")
            raise DataFileError(path, text("kg.store_refuses", reason=_one_line(exc))) from None
        self.sources.setdefault(name, []).append(path)
        self._changed()

    def _changed(self) -> None:
        self._plans = None
        self._terms = None
        self._closure_stale = True

    # -- asking ----------------------------------------------------------------------------
    def query(
        self,
        query: str | Path,
        /,
        *,
        labels: bool = False,
        lang: str = "sv",
        timeout: float | None = None,
        **params: Any,
    ) -> QueryResult:
        """Run a SELECT query: a catalog name, a path to a ``.rq`` file, or SPARQL text.

        Parameters
        ----------
        query : str or Path
            ``"plans"`` (a catalog query), ``"my.rq"``, or ``"SELECT …"``. The prefixes of
            :data:`andtsgraph.namespaces.PREFIXES` are predeclared. The class hierarchy is
            answered: ``?p a andts:Plan`` finds every plan (see :data:`CLOSURE_GRAPH`).
        labels : bool
            Show resources by their label (``rdfs:label`` or ``skos:prefLabel``) instead of
            their IRI, where they have one.
        lang : str
            The preferred language of those labels ("sv" or "en"); the other is the fallback.
        timeout : float, optional
            Seconds the query may take; :class:`~andtsgraph.errors.QueryTimeoutError` after.
            Ctrl-C stops a running query at once either way.
        **params
            Values bound to the query's variables before it runs (never pasted into the
            text), resolved by one rule (see :meth:`term`): a full IRI or a prefixed name
            (``plan:vaxjo-2022-2027``) is that IRI; a bare id is a plan id for ``plan`` and a
            local name for a parameter named like a prefix (``actor=polisen``,
            ``factor=…``, ``substance=alkohol``); other values become typed literals.

        Returns
        -------
        QueryResult
            Records (dicts) with Python values; ``.to_dataframe()`` for pandas.

        Raises
        ------
        QueryError
            If the query is unknown, malformed, not a SELECT, an update, or a parameter is
            not one the query takes, or names nothing in the graph.

        Warns
        -----
        AndtsWarning
            If the query names an ``andts:`` term the ontology does not define, or reads a
            graph (``FROM``) that is not loaded.

        Examples
        --------
        >>> kg = load()
        >>> rows = kg.query("SELECT ?plan WHERE { ?plan a andts:RegionalPlan }")
        >>> [str(r["plan"]).rsplit("/", 1)[-1] for r in rows]
        ['kronoberg-2022-2026']
        >>> len(kg.query("SELECT ?p WHERE { ?p a andts:Plan }")) == len(kg.plans)
        True
        """
        entry, bindings = self._prepare(query, params, "SELECT", "query")
        try:
            # A remote store has its own deadline (connect(timeout=)).
            limit = {} if timeout is None else {"timeout": timeout}
            rows = self.backend.select(entry.text, bindings, PREFIXES, **limit)
        except AndtsError:
            raise
        except Exception as exc:
            raise QueryError(
                text("kg.query_failed", name=entry.name, reason=_one_line(exc))
            ) from None
        result = (
            QueryResult(rows.columns, rows.rows)
            if rows.to_rdflib is None
            else QueryResult(
                rows.columns,
                rows.rows,
                to_rdflib=rows.to_rdflib,
                to_python=rows.to_python or rdflib_to_python,
            )
        )
        return result.with_labels(self.labels_of(result.iris(), lang)) if labels else result

    def ask(self, query: str | Path, /, *, timeout: float | None = None, **params: Any) -> bool:
        """Run an ASK query (a catalog name, a ``.rq`` file, or SPARQL text).

        Parameters are bound as in :meth:`query`; ``timeout`` (seconds) as for :meth:`query`.

        Examples
        --------
        >>> load().ask("ASK { ?p a andts:Plan ; dcterms:publisher actor:vaxjo-kommun }")
        True
        """
        entry, bindings = self._prepare(query, params, "ASK", "ask")
        limit = {} if timeout is None else {"timeout": timeout}
        return self._run(entry, lambda: self.backend.ask(entry.text, bindings, PREFIXES, **limit))

    def construct(
        self, query: str | Path, /, *, timeout: float | None = None, **params: Any
    ) -> Graph:
        """Run a CONSTRUCT (or DESCRIBE) query and return the triples as an rdflib Graph.

        Parameters are bound as in :meth:`query`; ``timeout`` (seconds) as for :meth:`query`.

        Examples
        --------
        >>> g = load().construct(
        ...     "CONSTRUCT { ?p a andts:Plan } WHERE { ?p a andts:Plan }", p="plan:vaxjo-2022-2027"
        ... )
        >>> len(g)
        1
        """
        entry, bindings = self._prepare(query, params, ("CONSTRUCT", "DESCRIBE"), "construct")
        limit = {} if timeout is None else {"timeout": timeout}
        graph = self._run(
            entry, lambda: self.backend.construct(entry.text, bindings, PREFIXES, **limit)
        )
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, replace=True)
        return graph

    def describe(self, resource: str | Path, /, **params: Any) -> Graph:
        """Describe a resource (its IRI, prefixed name, or a ``DESCRIBE`` query): the triples
        about it, and about the blank nodes they lead to, as an rdflib Graph.

        Examples
        --------
        >>> kg = load()
        >>> from rdflib import URIRef
        >>> URIRef("https://w3id.org/andtsgraph/actor/polisen") in kg.describe("actor:polisen").subjects()
        True
        """
        text = str(resource)
        if isinstance(resource, str) and not _is_query_text(text):
            iri = self.term("resource", text)
            if not isinstance(iri, URIRef):
                raise QueryError(message("kg.resource_form", value=text))
            return self.construct(f"DESCRIBE {iri.n3()}")
        return self.construct(resource, **params)

    def _run(self, entry: CatalogQuery, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except AndtsError:
            raise
        except Exception as exc:
            raise QueryError(
                text("kg.query_failed", name=entry.name, reason=_one_line(exc))
            ) from None

    def _prepare(
        self,
        query: str | Path,
        params: Mapping[str, Any],
        forms: str | tuple[str, ...],
        method: str,
    ) -> tuple[CatalogQuery, dict[str, Identifier]]:
        """Resolve a query, check its form and parameters, bring the closure up to date."""
        entry = resolve_query(query)
        form = query_form(entry.text)
        forms = (forms,) if isinstance(forms, str) else forms
        if form not in forms:
            right = {"SELECT": "query", "ASK": "ask"}.get(form, "construct")
            raise QueryError(
                text("kg.wrong_method", name=entry.name, form=form, right=right, method=method)
            )
        self._check_params(entry, params)
        self._ensure_closure()
        self._check_vocabulary(entry)
        bindings = {name: self.term(name, v, entry) for name, v in params.items() if v is not None}
        return entry, bindings

    def _check_params(self, entry: CatalogQuery, params: Mapping[str, Any]) -> None:
        """Refuse a parameter the query does not take (with the nearest name it does take)."""
        if entry.params:
            known = [p.name for p in entry.params]
            what = text("kg.takes", name=entry.name, names=", ".join(sorted(known)))
        else:
            known = sorted(set(re.findall(r"[?$]([A-Za-z_]\w*)", entry.text)))
            what = text("kg.variables", names=", ".join(known) or text("kg.none"))
        for name in params:
            if name not in known:
                hint = did_you_mean(name, known)
                raise QueryError(
                    text("kg.no_param", name=entry.name, param=name, hint=hint, what=what)
                )
        for param in entry.params:
            value = params.get(param.name)
            if param.choices and value is not None and str(value) not in param.choices:
                raise QueryError(
                    text(
                        "kg.not_a_choice",
                        param=param.name,
                        value=str(value),
                        choices=", ".join(param.choices),
                        hint=did_you_mean(str(value), param.choices),
                    )
                )

    def _check_vocabulary(self, entry: CatalogQuery) -> None:
        """Warn about ``andts:`` terms the ontology does not define (a typo answers nothing)."""
        if self._terms is None:
            rows = self.backend.select(
                "SELECT DISTINCT ?s WHERE { ?s a ?type FILTER(STRSTARTS(STR(?s), STR(andts:))) }",
                {},
                PREFIXES,
            )
            convert = rows.to_python or str
            self._terms = {str(convert(r[0])).removeprefix(str(ANDTS)) for r in rows.rows}
        if not self._terms:
            return  # no ontology loaded: nothing to compare with
        for name in sorted(prefixed_names(entry.text, str(ANDTS), PREFIXES) - self._terms):
            warnings.warn(
                f"andts:{name} is not a term of the ontology, so it matches nothing"
                f"{did_you_mean(name, self._terms, prefix='andts:')}",
                AndtsWarning,
                stacklevel=4,
            )
        for clause, graph in dataset_clauses(entry.text):
            iri = graph[1:-1] if graph.startswith("<") else _expand(graph)
            if iri is not None and iri not in self.graph_names():
                warnings.warn(
                    f"{clause} {graph}: no such graph is loaded, so it adds nothing",
                    AndtsWarning,
                    stacklevel=4,
                )

    def _ensure_closure(self) -> None:
        """Bring the class closure up to date with what is loaded (see :data:`CLOSURE_GRAPH`).

        Only IRIs get types here: a blank node belongs to its own graph (a server given the
        graphs one by one would make two nodes of it). A store that runs updates natively
        (Oxigraph) derives it in one update; otherwise the
        missing types are found with two SELECTs and added (a NOT EXISTS per row costs rdflib
        seconds). A read-only store (a server) keeps the closure that was pushed to it.
        """
        if not self._closure_stale or not self.backend.writable:
            return
        self._closure_stale = False
        supers = self._superclasses()
        if not supers:
            return
        if isinstance(self.backend, Updatable):
            self.backend.update(closure_update(supers))
        else:
            classes = sorted(set(supers).union(*supers.values()))
            typed = self.backend.select(
                f"SELECT ?x ?t WHERE {{ VALUES ?t {{ {' '.join(f'<{c}>' for c in classes)} }} ?x a ?t FILTER(isIRI(?x)) }}",
                {},
                PREFIXES,
            )
            convert = typed.to_rdflib or (lambda t: t)
            has = {(convert(x), str(convert(t))) for x, t in typed.rows}
            missing: set[tuple[Any, Any, Any]] = {
                (x, RDF.type, URIRef(above))
                for x, cls in has
                for above in supers.get(cls, ())
                if (x, above) not in has
            }
            self.backend.add_triples(str(CLOSURE_GRAPH), sorted(missing))
        self._plans = None

    def _superclasses(self) -> dict[str, set[str]]:
        """Each class → all its named superclasses (rdfs:subClassOf, transitively)."""
        rows = self.backend.select(SUBCLASS_QUERY, {}, PREFIXES)
        convert = rows.to_python or str
        return superclasses((str(convert(c)), str(convert(s))) for c, s in rows.rows)

    def query_batches(
        self, query: str | Path, /, *, timeout: float | None = None, **params: Any
    ) -> Iterator[QueryResult]:
        """Run a SELECT query as :meth:`query` does, giving its rows as they come, a batch
        (a :class:`QueryResult`) at a time: memory stays bounded however large the answer.

        Parameters
        ----------
        query : str or Path
            As for :meth:`query`.
        timeout : float, optional
            Seconds for the whole query; :class:`~andtsgraph.errors.QueryTimeoutError` after.
        **params
            As for :meth:`query`.

        Examples
        --------
        >>> kg = load()
        >>> batches = kg.query_batches("SELECT ?s WHERE { ?s a andts:Activity }", timeout=30)
        >>> sum(len(batch) for batch in batches) > 50
        True
        """
        if not isinstance(self.backend, Batched):  # a server answers in one piece
            yield self.query(query, **params)  # under the server's own deadline
            return
        backend = self.backend
        entry, bindings = self._prepare(query, params, "SELECT", "query")
        answer = self._run(
            entry,
            lambda: backend.select_batches(entry.text, bindings, PREFIXES, timeout=timeout),
        )
        yield from _batches(entry.name, answer)

    def labels_of(self, iris: Iterable[str], lang: str = "sv") -> dict[str, str]:
        """Return the best label of each IRI that has one: ``lang`` first, then Swedish,
        English, and untagged labels."""
        iris = sorted(set(iris))
        if not iris:
            return {}
        order = [lang, "sv", "en", ""]
        best: dict[str, tuple[int, str]] = {}
        for start in range(0, len(iris), 500):
            chunk = " ".join(check_term("iri", URIRef(i)).n3() for i in iris[start : start + 500])
            rows = self.backend.select(
                f"SELECT ?iri ?label WHERE {{ VALUES ?iri {{ {chunk} }} ?iri rdfs:label|skos:prefLabel ?label }}",
                {},
                PREFIXES,
            )
            native = rows.to_rdflib
            for iri, label in (
                rows.rows if native is None else [tuple(map(native, row)) for row in rows.rows]
            ):
                if not isinstance(label, Literal):
                    continue
                rank = (
                    order.index(label.language or "")
                    if (label.language or "") in order
                    else len(order)
                )
                if str(iri) not in best or rank < best[str(iri)][0]:
                    best[str(iri)] = (rank, str(label))
        return {iri: label for iri, (_, label) in best.items()}

    def term(self, name: str, value: Any, entry: CatalogQuery | None = None) -> Identifier:
        """Turn a parameter value into the RDF term bound to ``?name``: one rule for every kind.

        A full IRI (``https://…``, ``urn:…``) or a prefixed name (``actor:polisen``) is that
        IRI; for ``plan`` a plan id (or a unique prefix of one) is that plan's IRI; for a
        parameter named like a prefix (``actor``, ``member``, ``factor``, ``substance``,
        ``level``, ``group``, ``method``) a bare id is a local name in that namespace; other
        values become typed literals. An IRI must occur in the graph.

        Raises
        ------
        QueryError
            If the value is not a safe term, or an IRI that occurs nowhere in the graph (the
            message names the nearest ones that do).
        PlanNotFoundError
            If ``plan`` names no loaded plan.

        Examples
        --------
        >>> kg = load()
        >>> kg.term("actor", "polisen")
        rdflib.term.URIRef('https://w3id.org/andtsgraph/actor/polisen')
        >>> kg.term("plan", "plan:vaxjo-2022-2027") == kg.term("plan", "vaxjo")
        True
        """
        if isinstance(value, bool | int | float | Decimal | dt.date):
            return Literal(value)
        if isinstance(value, Literal):
            return check_term(name, value)
        if not isinstance(value, str):
            raise QueryError(text("kg.value_type", param=name, kind=type(value).__name__))
        iri = _expand(value)
        if name == "plan":
            return URIRef(self.plan(iri or value).iri)
        base = PREFIXES.get(ID_PARAMS.get(name, name)) if name in ID_PARAMS else None
        if iri is None and base is not None and re.fullmatch(r"[\w.-]+(/[\w.-]+)*", value):
            iri = base + value
        if iri is None:
            return Literal(value)
        term = check_term(name, URIRef(iri))
        if not self.backend.ask("ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }", {"x": term}, PREFIXES):
            hint = self._nearest(iri, value, bare=base is not None and iri.startswith(base))
            raise QueryError(text("kg.nowhere", param=name, value=value, iri=iri, hint=hint))
        return term

    def _nearest(self, iri: str, value: str, *, bare: bool) -> str:
        """ "; did you mean …?" with the IRIs in the same namespace nearest to ``iri``."""
        namespace = re.sub(r"[^/#:]*$", "", iri)
        rows = self.backend.select(
            "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?ns)) }",
            {"ns": Literal(namespace)},
            PREFIXES,
        )
        convert = rows.to_python or str
        known = {str(convert(r[0])) for r in rows.rows}
        if bare:
            base = iri[: len(iri) - len(value)]
            return did_you_mean(value, [k.removeprefix(base) for k in known if k.startswith(base)])
        return did_you_mean(iri, known)

    @property
    def plans(self) -> ResultList[PlanInfo]:
        """The loaded plans, national first, then regional, then municipal."""
        if self._plans is None:
            self._plans = [_plan_info(r) for r in self.query("plans")]
        return ResultList(self._plans)

    def plan(self, plan_id: str) -> PlanInfo:
        """Return the plan whose id (or IRI, or a unique prefix of the id) is ``plan_id``.

        Raises
        ------
        PlanNotFoundError
            If no loaded plan, or more than one, matches.
        """
        plans = self.plans
        for p in plans:
            if plan_id in (p.id, p.iri):
                return p
        matches = [p for p in plans if p.id.startswith(plan_id)]
        if len(matches) == 1:
            return matches[0]
        ids = ", ".join(p.id for p in plans)
        if matches:
            raise PlanNotFoundError(
                text("kg.plan_ambiguous", plan=plan_id, ids=", ".join(p.id for p in matches))
            )
        hint = did_you_mean(plan_id, [p.id for p in plans])
        hint = hint or text("kg.loaded_plans", ids=ids)
        raise PlanNotFoundError(text("kg.no_plan", plan=plan_id, hint=hint))

    def graph_names(self) -> list[str]:
        """Return the IRIs of the named graphs (the class closure's included)."""
        self._ensure_closure()
        return self.backend.graph_names()

    def graph(self, name: str) -> Graph:
        """Return a copy of one named graph (e.g. :func:`andtsgraph.namespaces.plan_graph` of
        a plan id) as an rdflib Graph, empty if no such graph is loaded; changing it does not
        change the knowledge graph (the same on every store)."""
        self._ensure_closure()
        return self.backend.graph(name)

    def dataset(self) -> Dataset:
        """Return all quads as an rdflib Dataset."""
        return self.backend.dataset()

    def __len__(self) -> int:
        self._ensure_closure()
        return len(self.backend)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {len(self)} quads, {len(self.graph_names())} graphs, store={self.backend.name}>"

    # -- writing -----------------------------------------------------------------------------
    def serialize(
        self,
        destination: str | Path | None = None,
        *,
        format: str = "trig",
        force: bool = False,
        graphs: Iterable[str] | None = None,
    ) -> str | None:
        """Serialise the whole graph, or some of its named graphs (rdflib's order: the
        destination first, the format by name).

        Parameters
        ----------
        destination : str or Path, optional
            A file to write; the text is returned when omitted.
        format : {"ttl", "nt", "trig", "nq", "jsonld"}
            ``trig``, ``nq`` and ``jsonld`` keep the named graphs; ``ttl`` and ``nt`` write
            the union of all graphs but the class closure (derived again when loaded).
        force : bool
            Overwrite ``destination`` if it exists.
        graphs : iterable of str, optional
            Only these named graphs (e.g. one plan's :func:`~andtsgraph.namespaces.plan_graph`).

        Raises
        ------
        AndtsError
            For an unknown format; :class:`OutputExistsError` if ``destination`` exists and
            ``force`` is false.

        Examples
        --------
        >>> text = load().serialize(format="nt")
        >>> "<https://w3id.org/andtsgraph/plan/national-2022-2025>" in text
        True
        """
        if isinstance(destination, str) and destination in EXPORT_FORMATS:
            # The order of rdflib (and of this method); the old order would write a file "nt".
            raise QueryError(text("kg.serialize_order", destination=destination))
        if format not in EXPORT_FORMATS:
            raise QueryError(
                text("kg.unknown_format", format=format, choices=", ".join(EXPORT_FORMATS))
            )
        rdflib_format, keeps_graphs = EXPORT_FORMATS[format]
        if destination is not None:
            destination = Path(destination)
            check_outputs([destination], inputs=self.input_files(), force=force)
        names = self.graph_names() if graphs is None else list(graphs)
        if graphs is None and not keeps_graphs:
            # The class closure is derived from the rest at every load; in a single-graph file
            # it could not be told apart from what the plans say.
            names = [n for n in names if n != str(CLOSURE_GRAPH)]
        source: Graph | Dataset
        if keeps_graphs:
            source = dataset = Dataset()
            for name in names:
                dataset.graph(URIRef(name)).__iadd__(self.graph(name))
        else:
            source = Graph()
            for name in names:
                source += self.graph(name)
        for prefix, ns in PREFIXES.items():
            source.bind(prefix, ns, replace=True)
        buffer = io.BytesIO()
        source.serialize(buffer, format=rdflib_format, encoding="utf-8")
        if destination is None:
            return buffer.getvalue().decode("utf-8")
        write_bytes(destination, buffer.getvalue(), inputs=self.input_files(), force=force)
        return None

    def input_files(self) -> list[Path]:
        """The files loaded into the graph (an output may never be one of them)."""
        return sorted({path for paths in self.sources.values() for path in paths})


def _batches(name: str, answer: Any) -> Iterator[QueryResult]:
    yielded = False
    # At least one batch, empty for an empty answer: it carries the columns.
    try:
        for rows in itertools.chain(answer.batches, [[]]):
            if yielded and not rows:
                continue
            yielded = True
            if answer.to_rdflib is None:
                yield QueryResult(answer.columns, rows)
            else:
                yield QueryResult(
                    answer.columns, rows, to_rdflib=answer.to_rdflib, to_python=answer.to_python
                )
    except AndtsError:
        raise
    except Exception as exc:
        raise QueryError(text("kg.query_failed", name=name, reason=_one_line(exc))) from None


def _plan_info(row: Mapping[str, Any]) -> PlanInfo:
    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return PlanInfo(
        id=plan_id_of(row["plan"]),
        iri=str(row["plan"]),
        title=text(row["title"]) or plan_id_of(row["plan"]),
        kind=row["kind"],
        publisher=text(row["publisher"]),
        identifier=text(row["identifier"]),
        adopted=text(row["adopted"]),
        valid_from=text(row["validFrom"]),
        valid_until=text(row["validUntil"]),
        goals=int(row["goals"] or 0),
        development_areas=int(row["developmentAreas"] or 0),
        action_areas=int(row["actionAreas"] or 0),
        activities=int(row["activities"] or 0),
        indicators=int(row["indicators"] or 0),
        actors=int(row["actors"] or 0),
    )


#: The subclass pairs the class closure is derived from (named classes only).
SUBCLASS_QUERY = (
    "SELECT DISTINCT ?c ?s WHERE { ?c rdfs:subClassOf ?s FILTER(isIRI(?c) && isIRI(?s)) }"
)


def superclasses(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each class → all its superclasses, from (class, direct superclass) pairs.

    Examples
    --------
    >>> superclasses([("a", "b"), ("b", "c"), ("c", "a")])["a"] == {"b", "c"}
    True
    """
    direct: dict[str, set[str]] = {}
    for c, sup in pairs:
        direct.setdefault(c, set()).add(sup)
    closed: dict[str, set[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            cls = todo.pop()
            if cls not in seen and cls != start:
                seen.add(cls)
                todo.extend(direct.get(cls, ()))
        closed[start] = seen
    return closed


def closure_update(supers: Mapping[str, Iterable[str]]) -> str:
    """The SPARQL update that adds the class closure (:data:`CLOSURE_GRAPH`): each IRI's
    types by :func:`superclasses`, those it does not have yet."""
    pairs = " ".join(f"(<{c}> <{s}>)" for c, above in sorted(supers.items()) for s in sorted(above))
    return (
        f"INSERT {{ GRAPH <{CLOSURE_GRAPH}> {{ ?x a ?super }} }} WHERE {{\n"
        f"  VALUES (?class ?super) {{ {pairs} }}\n"
        "  GRAPH ?g { ?x a ?class FILTER(isIRI(?x)) }\n"
        "  FILTER NOT EXISTS { GRAPH ?h { ?x a ?super } }\n}"
    )


def _expand(value: str) -> str | None:
    """The IRI a full IRI or prefixed name stands for; None for anything else."""
    if value.startswith(("http://", "https://", "urn:")):
        return value
    return resolve_prefixed(value, PREFIXES)


def _is_query_text(text: str) -> bool:
    return bool(re.search(r"(?i)\b(DESCRIBE|CONSTRUCT|SELECT|ASK)\b", text)) or text.endswith(".rq")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def bundled_files() -> list[tuple[Path, str | None]]:
    """Return the bundled files with the named graph each goes to (None: the plan's own)."""
    files: list[tuple[Path, str | None]] = [(ontology_dir() / "andts.ttl", str(ONTOLOGY_GRAPH))]
    root = data_dir()
    for folder, graph in _FOLDER_GRAPHS.items():
        files += [(p, str(graph)) for p in sorted((root / folder).glob("*.ttl"))]
    files += [(p, None) for p in sorted((root / "plans").glob("*.ttl"))]
    return files


def _may_name_a_graph(data: bytes, plan_ids: list[str]) -> bool:
    """Whether a quad file may name the graph of one of ``plan_ids``.

    A plan's own IRI in the file is no sign (every municipal plan names the national one); its
    graph's IRI is. Where a prefix or base for the graph namespace, or a Unicode escape, could
    hide that IRI, the answer is yes, and the careful path reads the file.
    """
    graphs = str(GRAPH["plan/"]).encode()
    if b"\\u" in data or b"\\U" in data:
        return True
    if graphs + b">" in data or str(GRAPH).encode() + b">" in data:
        return True
    return any(b"/graph/plan/" + plan.encode() in data for plan in plan_ids)


def load(
    paths: Iterable[str | Path] | str | Path | None = None,
    *,
    store: str = "oxigraph",
    bundled: bool = True,
    parser: str = "auto",
    allow_service: bool = False,
    lang: str | None = None,
) -> KnowledgeGraph:
    """Load the knowledge graph: the ontology, all bundled data and any extra files.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        Extra RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML) to load beside
        the bundled data. A file holding one plan is loaded into that plan's named graph. A
        folder of RDF files (a corpus, such as :func:`andtsgraph.testing.synthetic.write_corpus`
        writes) stands for its RDF files, in name order; a folder of CSV files is a plan
        template.
    store : {"oxigraph", "memory"}
        The embedded store: pyoxigraph (default; compiled, fast) or rdflib's pure-Python
        memory store (slower; handy when debugging rdflib itself).
    bundled : bool
        Load the bundled ontology and data (default). With False only ``paths`` are loaded.
    parser : {"auto", "rdflib"}
        "auto" (default) lets the Oxigraph store parse Turtle, N-Triples, TriG and N-Quads
        itself, several times faster than rdflib; "rdflib" parses everything with rdflib. The
        quads are the same either way (see :meth:`KnowledgeGraph.add_file`).
    allow_service : bool
        Let queries call other servers with ``SERVICE``; off by default, so that local work
        never touches the network.
    lang : {"sv", "en"}, optional
        The language of every error and note while loading, a plan template's problems
        included (by default :func:`andtsgraph.messages.language`: Swedish unless
        :func:`~andtsgraph.messages.set_language` or ``ANDTSGRAPH_LANG`` says otherwise).

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    DataFileError
        If a file is missing or does not parse (the message names the file and line).
    ChoiceError
        If ``store`` is not an embedded store (a server is reached with ``connect``).

    Examples
    --------
    >>> kg = load()
    >>> "national-2022-2025" in [p.id for p in kg.plans]
    True
    """
    with using_language(lang) as lang:
        check_store(store)
        kg = KnowledgeGraph(make_backend(store, allow_service=allow_service))
        if bundled:
            for path, graph in bundled_files():
                kg.add_file(path, graph, parser=parser, lang=lang)
        if paths is not None:
            for extra in [paths] if isinstance(paths, str | Path) else paths:
                try:
                    for file in rdf_files_in(extra) or [Path(extra)]:
                        kg.add_file(file, parser=parser, lang=lang)
                except OSError as exc:  # a folder or file the user may not read, a broken link
                    where = exc.filename or extra
                    reason = text("kg.cannot_read", reason=exc.strerror or exc)
                    raise DataFileError(where, reason) from None
    return kg


def rdf_files_in(path: str | Path) -> list[Path]:
    """The RDF files of a folder that holds data (no CSV plan template), in name order; an
    empty list for anything else.

    Examples
    --------
    >>> from andtsgraph.resources import data_dir
    >>> [p.name for p in rdf_files_in(data_dir() / "plans")][:2]
    ['kronoberg-2022-2026.ttl', 'national-2016-2020.ttl']
    >>> rdf_files_in(data_dir() / "plans" / "vaxjo-2022-2027.ttl")
    []
    """
    path = Path(path)
    if not path.is_dir() or any(path.glob("*.csv")):
        return []
    # Hidden files are left out: a half-written temporary file, an editor's backup.
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix.lower() in FORMATS_BY_SUFFIX and not p.name.startswith(".")
    )
