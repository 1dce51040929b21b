"""The knowledge graph: the ontology, vocabularies, actors, curated links and every plan,
each plan in its own named graph, behind one query API."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from andtsgraph.backends import Backend, make_backend
from andtsgraph.catalog import resolve_query
from andtsgraph.errors import (
    AndtsError,
    DataFileError,
    PlanNotFoundError,
    QueryError,
    note,
)
from andtsgraph.messages import text
from andtsgraph.namespaces import (
    ACTORS_GRAPH,
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
from andtsgraph.resources import data_dir, ontology_dir
from andtsgraph.results import QueryResult
from andtsgraph.sparql_text import check_term

#: Serialisation formats of :meth:`KnowledgeGraph.serialize`: name → (rdflib format, keeps graphs).
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "ttl": ("turtle", False),
    "nt": ("nt", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
}

#: Bundled folders and the named graph each is loaded into (plans get one graph per plan).
_FOLDER_GRAPHS = {"vocab": VOCAB_GRAPH, "actors": ACTORS_GRAPH, "links": LINKS_GRAPH}


@dataclass(frozen=True)
class PlanInfo:
    """A loaded plan: its id, IRI, metadata and the number of its parts."""

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

    def as_dict(self) -> dict[str, Any]:
        """Return the plan's summary as plain data, in the shape of ``andtsgraph info --json``."""
        return {
            "id": self.id,
            "iri": self.iri,
            "title": self.title,
            "kind": self.kind,
            "publisher": self.publisher,
            "identifier": self.identifier,
            "adopted": self.adopted,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "goals": self.goals,
            "development_areas": self.development_areas,
            "action_areas": self.action_areas,
            "activities": self.activities,
            "indicators": self.indicators,
            "actors": self.actors,
        }


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

    @property
    def sources(self) -> dict[str, list[Path]]:
        """Named-graph IRI → the files loaded into it, in the order they were loaded."""
        if self._unresolved:
            backend: Any = self.backend
            pending, self._unresolved = self._unresolved, []
            for path, fmt, data in pending:
                for name in backend.graphs_in_file(path, fmt, data):
                    self._sources.setdefault(name, []).append(path)
        return self._sources

    # -- loading -------------------------------------------------------------------------
    def add_file(
        self, path: str | Path, graph: str | None = None, *, parser: str = "auto"
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
        if parser not in ("auto", "rdflib"):
            raise AndtsError(f"unknown parser {parser!r}: choose auto or rdflib")
        path = Path(path)
        # Imported here: the spreadsheet package imports this module.
        from andtsgraph.spreadsheet import is_template

        if is_template(path):
            return self._add_template(path)
        fmt = guess_format(path) if path.is_file() else None
        if parser == "auto" and fmt in getattr(self.backend, "native_formats", ()):
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
            return self._add_split(path, default, plans, graph)
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
            self._plans = None
            note(text("io.replaces_bundled", "en", path=path, plan=plan_id))
            return
        raise DataFileError(path, f"plan {plan_id!r} is already loaded from {first}")

    def _target(self, path: Path, plans: list[str], graph: str | None) -> str:
        """The named graph for a file of triples holding ``plans``; refuse several or a repeat."""
        if plans:
            target = plan_graph(plan_id_of(plans[0]))
            self._make_room(path, target)
            return target
        return graph or str(GRAPH[f"file/{path.stem}"])

    def _add_natively(self, path: Path, fmt: str, graph: str | None) -> str | None:
        """Let the store parse the file itself (no rdflib terms are made on the way)."""
        backend: Any = self.backend
        data = path.read_bytes()
        loaded_plans = [
            n.rsplit("/", 1)[-1] for n in self._sources if n.startswith(str(GRAPH["plan/"]))
        ]
        if fmt in QUAD_FORMATS and any(plan.encode() in data for plan in loaded_plans):
            # It names a graph that is loaded already (a plan loaded twice, or a revised
            # bundled plan): rdflib's path reads which graphs it fills first.
            raise ValueError("names a loaded graph")
        if fmt in QUAD_FORMATS:
            backend.load_file(path, fmt, None, data)
            self._unresolved.append((path, fmt, data))
            self._plans = None
            return None
        # Only a file naming a plan class can hold a plan; only such files are parsed twice
        # (once to find the plan, once into its graph). Unicode escapes could hide the name.
        may_hold_plan = any(cls.rsplit("#", 1)[-1].encode() in data for cls in PLAN_KINDS) or any(
            escape in data for escape in (b"\\u", b"\\U")
        )
        plans = backend.subjects_typed_in_file(path, fmt, PLAN_KINDS, data) if may_hold_plan else []
        if len(plans) > 1:
            return self._add_split(path, read_rdf(path, fmt).default_graph, plans, graph)
        target = self._target(path, plans, graph)
        backend.load_file(path, fmt, target, data)
        self.sources.setdefault(target, []).append(path)
        self._plans = None
        return target

    def _add_template(self, path: Path) -> str:
        """Import a plan template, matching its names against what is loaded so far."""
        from andtsgraph.spreadsheet import import_plan

        result = import_plan(path, self)
        target = plan_graph(result.plan_id)
        self._make_room(path, target)
        self._add(target, result.graph, path)
        if len(result.links):
            self._add(result.links_graph, result.links, path)
        return target

    def _add(self, name: str, triples: Iterable, path: Path) -> None:
        try:
            self.backend.add_triples(name, triples)
        except (ValueError, TypeError) as exc:  # a term the store refuses (an IRI with "{")
            raise DataFileError(path, f"the store refuses a term: {_one_line(exc)}") from None
        self.sources.setdefault(name, []).append(path)
        self._plans = None

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
            :data:`andtsgraph.namespaces.PREFIXES` are predeclared.
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
            text). Strings that look like IRIs become IRIs; a ``plan`` given as a plan id
            becomes that plan's IRI; other values become typed literals.

        Returns
        -------
        QueryResult
            Records (dicts) with Python values; ``.to_dataframe()`` for pandas.

        Raises
        ------
        QueryError
            If the query is unknown, malformed, not a SELECT, or a parameter is not one the
            catalog query declares.

        Examples
        --------
        >>> kg = load()
        >>> rows = kg.query("SELECT ?plan WHERE { ?plan a andts:RegionalPlan }")
        >>> [str(r["plan"]).rsplit("/", 1)[-1] for r in rows]
        ['kronoberg-2022-2026']
        """
        entry = resolve_query(query)
        if entry.params:
            known = {p.name for p in entry.params}
            unknown = sorted(set(params) - known)
            if unknown:
                raise QueryError(
                    f"query {entry.name!r} has no parameter {', '.join(unknown)}; it takes: {', '.join(sorted(known))}"
                )
        bindings = {
            name: self._term(name, value) for name, value in params.items() if value is not None
        }
        try:
            # A remote store has its own deadline (connect(timeout=)).
            limit = {} if timeout is None else {"timeout": timeout}
            rows = self.backend.select(entry.text, bindings, PREFIXES, **limit)
        except AndtsError:
            raise
        except Exception as exc:
            raise QueryError(f"query {entry.name!r} failed: {_one_line(exc)}") from None
        result = (
            QueryResult(rows.columns, rows.rows)
            if rows.to_rdflib is None
            else QueryResult(
                rows.columns, rows.rows, to_rdflib=rows.to_rdflib, to_python=rows.to_python
            )
        )
        return result.with_labels(self.labels_of(result.iris(), lang)) if labels else result

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
        entry = resolve_query(query)
        known = {p.name for p in entry.params}
        if entry.params and set(params) - known:
            self.query(query, **params)  # raises the same error as query() for a parameter
        bindings = {n: self._term(n, v) for n, v in params.items() if v is not None}
        if not hasattr(self.backend, "select_batches"):  # a remote store: one batch
            yield self.query(query, **params)
            return
        try:
            answer = self.backend.select_batches(entry.text, bindings, PREFIXES, timeout=timeout)
        except AndtsError:
            raise
        except Exception as exc:
            raise QueryError(f"query {entry.name!r} failed: {_one_line(exc)}") from None
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
                rank = (
                    order.index(label.language or "")
                    if (label.language or "") in order
                    else len(order)
                )
                if str(iri) not in best or rank < best[str(iri)][0]:
                    best[str(iri)] = (rank, str(label))
        return {iri: label for iri, (_, label) in best.items()}

    def _term(self, name: str, value: Any) -> Identifier:
        """Turn a parameter value into the RDF term bound to ``?name``, refusing unsafe IRIs."""
        if isinstance(value, Identifier):
            return check_term(name, value)
        if isinstance(value, str):
            if name == "plan" and not value.startswith(("http://", "https://", "urn:")):
                return URIRef(self.plan(value).iri)
            if value.startswith(("http://", "https://", "urn:")):
                return check_term(name, URIRef(value))
            prefix, _, local = value.partition(":")
            if local and prefix in PREFIXES and not local.startswith("//"):
                return check_term(name, URIRef(PREFIXES[prefix] + local))
            return Literal(value)
        if isinstance(value, bool | int | float | Decimal | dt.date):
            return Literal(value)
        raise QueryError(f"parameter {name!r}: cannot use a value of type {type(value).__name__}")

    @property
    def plans(self) -> list[PlanInfo]:
        """The loaded plans, national first, then regional, then municipal."""
        if self._plans is None:
            self._plans = [_plan_info(r) for r in self.query("plans")]
        return list(self._plans)

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
                f"plan id {plan_id!r} is ambiguous: it could be {', '.join(p.id for p in matches)}"
            )
        raise PlanNotFoundError(f"no plan {plan_id!r}; loaded plans: {ids}")

    def graph_names(self) -> list[str]:
        """Return the IRIs of the named graphs."""
        return self.backend.graph_names()

    def graph(self, name: str) -> Graph:
        """Return one named graph (e.g. :func:`andtsgraph.namespaces.plan_graph` of a plan id)."""
        return self.backend.graph(name)

    def dataset(self) -> Dataset:
        """Return all quads as an rdflib Dataset."""
        return self.backend.dataset()

    def __len__(self) -> int:
        return len(self.backend)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {len(self)} quads, {len(self.graph_names())} graphs, store={self.backend.name}>"

    # -- writing -----------------------------------------------------------------------------
    def serialize(
        self,
        format: str = "trig",
        destination: str | Path | None = None,
        *,
        force: bool = False,
        graphs: Iterable[str] | None = None,
    ) -> str | None:
        """Serialise the whole graph, or some of its named graphs.

        Parameters
        ----------
        format : {"ttl", "nt", "trig", "nq", "jsonld"}
            ``trig``, ``nq`` and ``jsonld`` keep the named graphs; ``ttl`` and ``nt`` write
            the union of all graphs.
        destination : str or Path, optional
            A file to write; the text is returned when omitted.
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
        >>> text = load().serialize("nt")
        >>> "<https://w3id.org/andtsgraph/plan/national-2022-2025>" in text
        True
        """
        if format not in EXPORT_FORMATS:
            raise QueryError(
                f"unknown export format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}"
            )
        rdflib_format, keeps_graphs = EXPORT_FORMATS[format]
        if destination is not None:
            destination = Path(destination)
            check_outputs([destination], inputs=self.input_files(), force=force)
        names = self.graph_names() if graphs is None else list(graphs)
        if keeps_graphs:
            source: Graph | Dataset = Dataset()
            for name in names:
                source.graph(URIRef(name)).__iadd__(self.graph(name))
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
        raise QueryError(f"query {name!r} failed: {_one_line(exc)}") from None


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


def load(
    paths: Iterable[str | Path] | str | Path | None = None,
    *,
    store: str = "oxigraph",
    bundled: bool = True,
    parser: str = "auto",
    allow_service: bool = False,
) -> KnowledgeGraph:
    """Load the knowledge graph: the ontology, all bundled data and any extra files.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        Extra RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML) to load beside
        the bundled data. A file holding one plan is loaded into that plan's named graph. A
        folder of RDF files (a corpus, such as :func:`andtsgraph.synthetic.write_corpus`
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

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    DataFileError
        If a file is missing or does not parse (the message names the file and line).

    Examples
    --------
    >>> kg = load()
    >>> "national-2022-2025" in [p.id for p in kg.plans]
    True
    """
    kg = KnowledgeGraph(make_backend(store))
    kg.backend.allow_service = allow_service  # type: ignore[attr-defined]
    if bundled:
        for path, graph in bundled_files():
            kg.add_file(path, graph, parser=parser)
    if paths is not None:
        if isinstance(paths, str | Path):
            paths = [paths]
        for path in paths:
            try:
                for file in rdf_files_in(path) or [path]:
                    kg.add_file(file, parser=parser)
            except OSError as exc:  # a folder or file the user may not read, a broken link
                where = exc.filename or path
                raise DataFileError(where, f"cannot read: {exc.strerror or exc}") from None
    return kg


def rdf_files_in(path: str | Path) -> list[Path]:
    """The RDF files of a folder that holds data (no CSV plan template), in name order; an
    empty list for anything else.

    Examples
    --------
    >>> from andtsgraph.resources import data_dir
    >>> [p.name for p in rdf_files_in(data_dir() / "plans")][:2]
    ['kronoberg-2022-2026.ttl', 'national-2022-2025.ttl']
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
