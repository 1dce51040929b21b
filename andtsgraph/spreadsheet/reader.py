"""Reading a filled-in template into a plan graph in the model of ``docs/modelling.md``.

The reader goes through the template in three passes: the Plan sheet (the plan's id and
kind), then every row's id (so that rows can point at each other in any order), then every
cell. It never stops at the first problem: each bad cell is recorded with its sheet, row and
column, and one :class:`~andtsgraph.errors.TemplateError` lists them all at the end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDFS, SKOS
from rdflib.term import Node

from andtsgraph.errors import TemplateError, TemplateProblem
from andtsgraph.messages import DEFAULT_LANG, check_lang, language
from andtsgraph.messages import text as message
from andtsgraph.namespaces import ACTOR, ANDTS, BASE, LINKS_GRAPH, VOCAB
from andtsgraph.namespaces import PLAN as PLAN_NS
from andtsgraph.results import Result, ResultList, records_to_dataframe, records_to_json
from andtsgraph.spreadsheet.layout import (
    ACTIVITIES,
    ACTORS,
    AREAS,
    DOCUMENTS,
    GOALS,
    INDICATORS,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    PLAN,
    PLAN_FIELDS,
    ROW_SHEETS,
    SHEETS,
    Column,
    Sheet,
)
from andtsgraph.spreadsheet.names import Registry, normalise, slug
from andtsgraph.spreadsheet.targets import parse_targets
from andtsgraph.spreadsheet.values import (
    CODECS,
    ID_RE,
    PERIOD_WORDS,
    CellError,
    Context,
    looks_like_ref,
    read_flag,
    read_link_object,
    read_term,
    split_cell,
)
from andtsgraph.spreadsheet.workbook import RawTable, read_tables

if TYPE_CHECKING:
    import pandas

    from andtsgraph.knowledge_graph import KnowledgeGraph

__all__ = [
    "LINK",
    "SHARED_ACTOR_CLASSES",
    "ActorMatch",
    "ImportResult",
    "NewActor",
    "NewConcept",
    "ReadTarget",
    "import_plan",
]

LINK = f"{BASE}link/"
_DOTTED = re.compile(r"\d\.\d+\.\d")

#: Short verbs of the curated-link predicates, used in the ids made for links.
_LINK_VERBS = {
    ANDTS.addressesFactor: "addresses",
    ANDTS.alignsWith: "aligns",
    ANDTS.preventionLevel: "level",
    ANDTS.targetGroup: "group",
}
#: Columns handled by their own code rather than the generic "predicate + codec" rule.
_SPECIAL = {"id", "type", "parent", "activity", "comparator", "value", "unit", "period"}
_PERCENT = re.compile(r"\s*(\S.*?)\s*(?:%|procent)\s*", re.IGNORECASE)
_DATE_KINDS = {"date", "date_or_year"}
#: Plan fields that hold one value: a second row for one of them is a mistake.
_SINGLE_FIELDS = {"id", "type", "title", "adopted", "valid_from", "valid_until", "interpret"}
_IGNORED_SHEETS = {normalise(n) for n in (INSTRUCTIONS_SHEET, LISTS_SHEET, "instructions", "lists")}


#: Actor classes whose new actors are shared (``actor/<slug>``, no ``org:unitOf``): bodies that
#: are nobody's unit. Every other new actor is one of the plan's organisation's own.
SHARED_ACTOR_CLASSES = frozenset(
    {
        ANDTS.Municipality,
        ANDTS.Region,
        ANDTS.Authority,
        ANDTS.Government,
        ANDTS.University,
        ANDTS.CivilSocietyOrganisation,
        ANDTS.Company,
    }
)


@dataclass(frozen=True)
class ActorMatch(Result):
    """How the import read one actor name.

    ``how`` is ``"own"`` (an actor of the plan or its organisation), ``"shared"`` (a
    national or regional body), ``"ref"`` (written as an IRI), ``"new"`` (a new actor of
    the plan's organisation) or ``"shared_new"`` (a new shared actor: the organisation
    itself, or a body declared with a shared type). ``others`` names the actors of this
    name that belong to another organisation and were not matched; ``suggestion`` a
    known name the new one is close to.
    """

    name: str
    iri: str
    how: str
    label: str
    owner: str | None
    where: str
    suggestion: str | None = None
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewConcept(Result):
    """A concept the plan brings that the vocabularies do not hold (a method, say)."""

    name: str
    iri: str
    kind: str
    where: str
    suggestion: str | None = None


@dataclass(frozen=True)
class ReadTarget(Result):
    """A target read from an indicator's text or a percentage."""

    where: str
    text: str
    target: str


@dataclass(frozen=True)
class NewActor(Result):
    """An actor the template names that the actor registry does not hold.

    ``declared`` is True for actors described on the Aktörer sheet, False for names that
    matched nothing and became a new group of actors.
    """

    name: str
    iri: str
    type: str
    where: str
    declared: bool


@dataclass
class ImportResult(Result):
    """A plan read from a template.

    Its outputs are those of every result (docs/conventions.md): :meth:`to_record` and
    :meth:`to_json` give the import log for programs (the shape of ``andtsgraph import
    --json``), and :meth:`to_dataframe` its natural table, one row per actor name the
    template uses.

    Attributes
    ----------
    plan_id, plan_iri : str
        The plan's id and IRI.
    graph : rdflib.Graph
        The plan, in the model of the bundled plans (and the new actors it names).
    links : rdflib.Graph
        The curated links of its Kopplingar sheet, kept apart from the plan.
    new_actors : ResultList of NewActor
        Actors that are not in the actor registry.
    warnings : list of str
        Things that were ignored (an unknown column, say).
    notes : list of str
        What the importer read into the plan (targets read from an indicator's text).
    source : Path
        The template file or folder.
    actors : ResultList of ActorMatch
        Every actor name the template uses, once, with what it was matched to or that it is
        new: the import log.
    concepts : ResultList of NewConcept
        Concepts (methods) the plan brings that the vocabularies do not hold.
    targets : ResultList of ReadTarget
        Targets read from an indicator's text or from a percentage.
    owner, owner_label : str or None
        The organisation whose plan it is (the Plan sheet's Utgivare) and its name.
    """

    plan_id: str
    plan_iri: str
    graph: Graph
    links: Graph
    new_actors: ResultList[NewActor] = field(default_factory=ResultList)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: Path = Path()
    actors: ResultList[ActorMatch] = field(default_factory=ResultList)
    concepts: ResultList[NewConcept] = field(default_factory=ResultList)
    targets: ResultList[ReadTarget] = field(default_factory=ResultList)
    owner: str | None = None
    owner_label: str | None = None
    lang: str = DEFAULT_LANG

    @property
    def links_graph(self) -> str:
        """The named graph of the plan's curated links: ``…/graph/links/<plan id>``, beside
        (and apart from) the bundled links graph."""
        return f"{LINKS_GRAPH}/{self.plan_id}"

    def counts(self) -> dict[str, int]:
        """How many goals, areas, activities, indicators and curated links the plan has."""

        def count(*classes: URIRef) -> int:
            return len({s for c in classes for s in self.graph.subjects(RDF.type, c)})

        return {
            "goals": count(ANDTS.OverarchingGoal, ANDTS.SubGoal),
            "areas": count(ANDTS.DevelopmentArea, ANDTS.ActionArea),
            "activities": count(ANDTS.Activity),
            "indicators": count(ANDTS.Indicator),
            "links": len(set(self.links.subjects(RDF.type, ANDTS.CuratedLink))),
        }

    def write(
        self, path: str | Path, *, links_path: str | Path | None = None, force: bool = False
    ) -> list[Path]:
        """Write the plan as RDF; return the files written.

        The format follows the suffix (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``, ``.nq``).
        TriG and N-Quads hold the plan and its curated links in their own named graphs, so
        ``--with`` loads them where they belong; other formats get the links in a second file,
        ``links_path`` or ``<name>-links<suffix>`` beside ``path``.

        Raises
        ------
        OutputExistsError
            If a file to write exists and ``force`` is false (nothing is written then).
        DataFileError
            If the suffix is not an RDF format andtsgraph writes.

        Examples
        --------
        >>> import tempfile
        >>> from pathlib import Path
        >>> from andtsgraph import load
        >>> from andtsgraph.spreadsheet import export_plan
        >>> folder = Path(tempfile.mkdtemp())
        >>> kg = load()
        >>> result = import_plan(kg, export_plan(kg, "kronoberg", folder / "kr.xlsx"))
        >>> [p.name for p in result.write(folder / "kr.ttl")]
        ['kr.ttl', 'kr-links.ttl']
        """
        from rdflib import Dataset

        from andtsgraph.errors import DataFileError
        from andtsgraph.namespaces import PREFIXES, plan_graph
        from andtsgraph.rdf_io import FORMATS_BY_SUFFIX, QUAD_FORMATS

        path = Path(path)
        fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
        if fmt is None or fmt == "n3":
            raise DataFileError(path, message("errors.plan_suffix"))
        outputs: list[tuple[Path, Graph | Dataset]] = []
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            dataset.graph(URIRef(plan_graph(self.plan_id))).__iadd__(self.graph)
            if len(self.links):
                dataset.graph(URIRef(self.links_graph)).__iadd__(self.links)
            outputs.append((path, dataset))
        else:
            outputs.append((path, self.graph))
            if len(self.links):
                links_file = Path(links_path or path.with_name(f"{path.stem}-links{path.suffix}"))
                outputs.append((links_file, self.links))
        from andtsgraph.output import staged

        files = [file for file, _ in outputs]
        inputs = [self.source] if self.source != Path() else []
        with staged(files, inputs=inputs, force=force, lang=self.lang) as temporaries:
            for (_, graph), temporary in zip(outputs, temporaries, strict=True):
                for prefix, ns in PREFIXES.items():
                    graph.bind(prefix, ns, replace=True)
                graph.bind("", f"{self.plan_iri}/", replace=True)
                graph.serialize(temporary, format=fmt, encoding="utf-8")
        return files

    def needs_links_file(self, path: str | Path) -> bool:
        """Whether writing to ``path`` would put the curated links in a second file (the
        format holds no named graphs and the plan has links)."""
        from andtsgraph.rdf_io import FORMATS_BY_SUFFIX, QUAD_FORMATS

        fmt = FORMATS_BY_SUFFIX.get(Path(path).suffix.lower())
        return bool(len(self.links)) and fmt not in QUAD_FORMATS

    def report_lines(self, written: Iterable[Path] = (), lang: str | None = None) -> list[str]:
        """The import log, for people: files written, every actor name and what it was
        matched to or that it is new, concepts created, targets read, warnings."""
        lang = lang or self.lang

        def say(key: str, **fields: object) -> str:
            return message(f"spreadsheet.{key}", lang, **fields)

        def term(key: str, n: int) -> str:
            return message(f"term.{key}", lang, n=n)

        counts = self.counts()
        lines = [
            say("log_title", path=self.source, plan=self.plan_id, owner=self.owner_label or "–")
        ]
        for file in written:
            if file.name.endswith(f"-links{file.suffix}") and counts["links"] and len(lines) > 1:
                lines.append(say("wrote_links", path=file, links=term("link", counts["links"])))
            else:
                lines.append(
                    say(
                        "wrote_plan",
                        path=file,
                        plan=self.plan_id,
                        goals=term("goal", counts["goals"]),
                        areas=term("area", counts["areas"]),
                        activities=term("activity", counts["activities"]),
                        indicators=term("indicator", counts["indicators"]),
                        links=term("link", counts["links"]),
                        triples=term("triple", len(self.graph) + len(self.links)),
                    )
                )
        if self.actors:
            lines.append(say("log_actors", n=len(self.actors)))
            for match in sorted(
                self.actors, key=lambda m: (m.how.endswith("new"), m.name.casefold())
            ):
                short = match.iri.replace(str(ACTOR), "actor:")
                lines.append(
                    say(
                        f"log_actor_{match.how}",
                        name=match.name,
                        label=match.label,
                        owner=match.owner or "",
                        iri=short,
                    )
                )
                if match.others:
                    lines.append(say("log_not_matched", others="; ".join(match.others)))
                if match.suggestion:
                    lines.append(
                        say("log_suggestion", name=match.name, suggestion=match.suggestion)
                    )
        if self.concepts:
            lines.append(say("log_concepts", n=len(self.concepts)))
            for concept in self.concepts:
                lines.append(
                    say(
                        "log_concept",
                        name=concept.name,
                        iri=concept.iri.replace(f"{self.plan_iri}/", ":"),
                        where=concept.where,
                    )
                )
                if concept.suggestion:
                    lines.append(
                        say("log_suggestion", name=concept.name, suggestion=concept.suggestion)
                    )
        if self.targets:
            lines.append(say("log_targets", n=len(self.targets)))
            lines += [say("log_target", where=t.where, target=t.target) for t in self.targets]
        lines += [say("log_item", text=note) for note in self.notes]
        if self.warnings:
            lines.append(say("log_warnings", n=len(self.warnings)))
            lines += [say("log_item", text=warning) for warning in self.warnings]
        return lines

    def to_record(self, written: Iterable[Path] = ()) -> dict[str, Any]:
        """The import log for programs, the same facts as :meth:`report_lines`; ``written``
        are the files :meth:`write` wrote (its ``counts`` are :meth:`counts`).
        """
        return {
            "plan": self.plan_id,
            "plan_iri": self.plan_iri,
            "owner": self.owner,
            "owner_label": self.owner_label,
            "source": str(self.source),
            "written": [str(p) for p in written],
            "counts": self.counts(),
            "actors": self.actors.to_records(),
            "concepts": self.concepts.to_records(),
            "targets": self.targets.to_records(),
            "warnings": list(self.warnings),
        }

    def to_records(self, written: Iterable[Path] = ()) -> list[dict[str, Any]]:
        """The import log as a list of one record."""
        return [self.to_record(written)]

    def to_json(self, written: Iterable[Path] = (), *, indent: int | None = 2) -> str:
        """The import log as JSON text: what ``andtsgraph import --json`` prints."""
        return records_to_json(self.to_record(written), indent)

    def to_dataframe(self) -> pandas.DataFrame:
        """The import log's table: one row per actor name, with what it was matched to
        (``how``, ``iri``, ``label``, ``owner``) or that it is new, and where it is used."""
        columns = [f.name for f in dataclasses.fields(ActorMatch)]
        return records_to_dataframe(self.actors.to_records(), columns)


def import_plan(
    kg: KnowledgeGraph | None, path: str | Path, *, lang: str | None = None
) -> ImportResult:
    """Read a filled-in plan template (``.xlsx``, or a folder of CSV files).

    Parameters
    ----------
    kg : KnowledgeGraph or None
        The graph whose actor registry and vocabularies names are matched against; None for
        the bundled graph.
    path : str or Path
        The workbook, or the folder holding one CSV file per sheet.
    lang : {"sv", "en"}
        The language of the problems and of the import log.

    Returns
    -------
    ImportResult
        The plan graph, its curated links, the actors new to the registry, and warnings.

    Raises
    ------
    TemplateError
        Listing every problem found (sheet, row and column of each); nothing is returned.
    DataFileError
        If the file is missing or is not a workbook.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from andtsgraph import load
    >>> from andtsgraph.spreadsheet import export_plan
    >>> kg = load()
    >>> path = Path(tempfile.mkdtemp()) / "vasteras.xlsx"
    >>> _ = export_plan(kg, "vasteras-2022-2025", path)
    >>> result = import_plan(kg, path)
    >>> result.plan_id, result.counts()["activities"]
    ('vasteras-2022-2025', 14)
    """
    lang = language(lang)
    from andtsgraph.knowledge_graph import load  # imported here: the graph module loads templates

    path = Path(path)

    def registry_for(plan_id: str) -> Registry:
        # The plan's own graph, if it is loaded already, is left out: importing a plan again
        # replaces its own actors rather than meeting them as registry actors.
        registry = Registry.from_kg(kg, exclude_plan=plan_id) if kg is not None else None
        if registry is None or registry.is_empty():
            # A graph loaded without the bundled data (load(bundled=False), as validate()
            # does with the user's files first) has no vocabularies to match names against.
            registry = Registry.from_kg(load(), exclude_plan=plan_id)
        return registry

    return _Reader(path, registry_for, lang=check_lang(lang)).run()


# -- the reader ----------------------------------------------------------------------------------
@dataclass
class _Row:
    number: int
    cells: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "").strip()


@dataclass
class _Table:
    sheet: Sheet
    name: str
    columns: dict[str, Column]
    rows: list[_Row]
    dates: dict[tuple[int, str], dt.date] = field(default_factory=dict)


class _Reader:
    def __init__(
        self, path: Path, registry_for: Callable[[str], Registry], *, lang: str = DEFAULT_LANG
    ) -> None:
        self.path = path
        self.lang = lang
        self.registry_for = registry_for
        self.registry = Registry()
        self.problems: list[TemplateProblem] = []
        #: Places (sheet, row, column) whose one mistake is reported: nothing more there.
        self.blocked: set[tuple[str, int | None, str | None]] = set()
        self.warnings: list[str] = []
        self.notes: list[str] = []
        self.graph = Graph()
        self.links = Graph()
        self.ctx = Context(self.registry, "plan")
        self.owner: URIRef | None = None
        self.owner_name: str | None = None
        self.actor_log: dict[str, ActorMatch] = {}
        self.concepts_made: list[NewConcept] = []
        self.targets_read: list[ReadTarget] = []
        self.declared_types: dict[URIRef, list[URIRef]] = {}
        self.interpret = True
        self.row_of: dict[URIRef, tuple[str, int]] = {}
        self.class_of: dict[URIRef, URIRef] = {}
        self.subject_of: dict[tuple[str, int], URIRef] = {}
        self.by_notation: dict[str, dict[str, list[URIRef]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.new_actors: list[NewActor] = []
        self.targeted: set[URIRef] = set()

    # -- problems -------------------------------------------------------------------------------
    def problem(
        self, sheet: str, row: int | None, column: Column | str | None, message: str
    ) -> None:
        name = column.name if isinstance(column, Column) else column
        if (sheet, row, name) in self.blocked:
            return  # the cell's one mistake is reported already
        self.problems.append(TemplateProblem(sheet, row, name, message))

    # -- the passes ------------------------------------------------------------------------------
    def run(self) -> ImportResult:
        tables = self._match_sheets(read_tables(self.path))
        plan_table = tables.get("plan")
        fields = self._plan_fields(plan_table) if plan_table else {}
        plan_id = self._plan_id(fields, plan_table)
        self.registry = self.registry_for(plan_id)
        self.owner = self._owner(fields, tables.get("actors"), plan_table)
        self.ctx = Context(self.registry, plan_id, self.owner, self.lang)
        plan = self.ctx.plan_iri
        if "interpret" in fields:
            number, text = fields["interpret"][0]
            try:
                self.interpret = read_flag(text, self.lang)
            except CellError as exc:
                self.problem(PLAN.name, number, "Värde", str(exc))
        if "actors" in tables:
            self._index_actors(tables["actors"])
        for sheet in ROW_SHEETS:
            if sheet.key in tables:
                self._index_rows(tables[sheet.key])
        if plan_table:
            self._read_plan(plan, fields, plan_table)
        if "actors" in tables:
            self._read_actors(tables["actors"])
        if "targets" in tables:
            self._read_targets(tables["targets"])
        for sheet in ROW_SHEETS:
            if sheet.key in tables:
                self._read_rows(tables[sheet.key])
        self._check_part_cycles()
        if "links" in tables:
            self._read_links(tables["links"])
        if "other" in tables:
            self._read_other(tables["other"])
        if self.problems:
            order = {s.name: i for i, s in enumerate(SHEETS)}
            self.problems.sort(key=lambda p: (order.get(p.sheet, len(order)), p.row or 0))
            raise TemplateError(self.path, self.problems)
        return ImportResult(
            plan_id,
            str(plan),
            self.graph,
            self.links,
            ResultList(self.new_actors),
            self.warnings,
            self.notes,
            self.path,
            ResultList(self.actor_log.values()),
            ResultList(self.concepts_made),
            ResultList(self.targets_read),
            str(self.owner) if self.owner is not None else None,
            self.owner_label() if self.owner is not None else None,
            self.lang,
        )

    # -- sheets and columns ---------------------------------------------------------------------
    def _match_sheets(self, raw_tables: list[RawTable]) -> dict[str, _Table]:
        by_name: dict[str, Sheet] = {}
        for known in SHEETS:
            for name in (known.name, known.hint, *known.aliases):
                by_name[normalise(name)] = known
                by_name[normalise(slug(name))] = known
        tables: dict[str, _Table] = {}
        for raw in raw_tables:
            sheet = by_name.get(normalise(raw.name)) or by_name.get(normalise(slug(raw.name)))
            if sheet is None:
                if normalise(raw.name) not in _IGNORED_SHEETS:
                    self.warnings.append(self.say("unknown_sheet", sheet=raw.name))
                continue
            if sheet.key in tables:
                self.problem(raw.name, None, None, self.say("second_sheet", sheet=sheet.name))
                continue
            tables[sheet.key] = self._table(sheet, raw)
        for sheet in SHEETS:
            if sheet.required and sheet.key not in tables:
                self.problem(
                    sheet.name,
                    None,
                    None,
                    self.say("no_sheet", sheet=sheet.name, hint=sheet.hint),
                )
        return tables

    def _table(self, sheet: Sheet, raw: RawTable) -> _Table:
        by_header: dict[str, Column] = {}
        for known in sheet.columns:
            for name in (known.header, known.name, known.hint):
                by_header.setdefault(normalise(name), known)
        index: dict[int, Column] = {}
        for position, header in enumerate(raw.header):
            if not header:
                continue
            column = by_header.get(normalise(header))
            if column is None:
                self.warnings.append(self.say("unknown_column", sheet=raw.name, column=header))
            elif column in index.values():
                self.problem(raw.name, 1, header, self.say("second_column", column=column.name))
            else:
                index[position] = column
        for known in sheet.columns:
            if known.required and known not in index.values():
                self.problem(raw.name, 1, known.name, self.say("no_column", column=known.header))
        rows = []
        for number, cells in raw.rows:
            values = {index[i].key: cells[i] for i in index if i < len(cells) and cells[i].strip()}
            if values:
                rows.append(_Row(number, values))
        for number, position, key, fields in raw.unreadable:
            heading = raw.header[position] if position < len(raw.header) else None
            column = index.get(position)
            self.problem(raw.name, number, column or heading or None, self.say(key, **fields))
        for number, position in raw.covered:
            column = index.get(position)
            self.blocked.add((raw.name, number, column.name if column else None))
        dates = {}
        for (number, position), day in raw.dates.items():
            column = index.get(position)
            if column is None:
                continue
            dates[(number, column.key)] = day
            if sheet is not PLAN and column.kind not in _DATE_KINDS:
                self._excel_date(raw.name, number, column, day)
                self.blocked.add((raw.name, number, column.name))
        return _Table(sheet, raw.name, {c.key: c for c in index.values()}, rows, dates)

    def _excel_date(self, sheet: str, number: int, column: Column | str, day: dt.date) -> None:
        guess = f"{day.day}.{day.month}"
        if day.day <= 12 and day.day != day.month:
            guess += f" {self.say('or')} {day.month}.{day.day}"
        self.problem(
            sheet, number, column, self.say("excel_date", date=day.isoformat(), guess=guess)
        )

    # -- the Plan sheet ----------------------------------------------------------------------------
    def _plan_fields(self, table: _Table) -> dict[str, list[tuple[int, str]]]:
        by_name: dict[str, Column] = {}
        for known in PLAN_FIELDS:
            for name in (known.header, known.name, known.hint):
                by_name.setdefault(normalise(name), known)
        fields: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row in table.rows:
            name, value = row.get("field"), row.get("value")
            if not name:
                if value:
                    self.problem(table.name, row.number, "Fält", self.say("value_without_field"))
                continue
            f = by_name.get(normalise(name))
            if f is not None and f.kind not in _DATE_KINDS and (row.number, "value") in table.dates:
                self._excel_date(
                    table.name, row.number, "Värde", table.dates[(row.number, "value")]
                )
                continue
            if f is None:
                self.warnings.append(
                    self.say("unknown_field", sheet=table.name, row=row.number, field=name)
                )
            elif value:
                if f.key in _SINGLE_FIELDS and fields.get(f.key):
                    self.problem(
                        table.name,
                        row.number,
                        "Fält",
                        self.say("plan_field_twice", field=f.name, row=fields[f.key][0][0]),
                    )
                    continue
                fields[f.key].append((row.number, value))
        return fields

    def _plan_id(self, fields: dict[str, list[tuple[int, str]]], table: _Table | None) -> str:
        if table is None:
            return "plan"
        if "id" in fields:
            number, text = fields["id"][0]
            if ID_RE.match(text) and "." not in text:
                return text
            self.problem(
                table.name,
                number,
                "Värde",
                self.say("bad_plan_id", text=text),
            )
            return slug(text) or "plan"
        if "title" in fields:
            return slug(fields["title"][0][1])
        self.problem(table.name, None, "Värde", self.say("no_plan_id"))
        return "plan"

    def _read_plan(
        self, plan: URIRef, fields: dict[str, list[tuple[int, str]]], table: _Table
    ) -> None:
        if "title" not in fields:
            self.problem(
                table.name, self._field_row(table, "title"), "Värde", self.say("plan_no_title")
            )
        kind = fields.get("type")
        if not kind:
            self.problem(
                table.name,
                None,
                "Värde",
                self.say("no_plan_kind", options=", ".join(self.registry.choices("plan_kinds"))),
            )
        for f in PLAN_FIELDS:
            if f.predicate is None and f.key != "type":
                continue
            for number, text in fields.get(f.key, []):
                where = (table.name, number, "Värde")
                for value in self._values(f, text, where):
                    self.graph.add((plan, f.predicate or RDF.type, value))
                    if f.kind == "ref":
                        self._check_defined(value, text, where)
        if self.interpret:
            if "label" not in fields:
                for title in list(self.graph.objects(plan, DCTERMS.title)):
                    self.graph.add((plan, RDFS.label, title))
            if "source_document" not in fields:
                self.graph.add((plan, ANDTS.sourceDocument, Literal(self.path.name)))
        self._check_period(plan, fields, table)

    def _field_row(self, table: _Table, key: str) -> int | None:
        """The row of the Plan sheet that names the field ``key`` (to point at an empty one)."""
        f = next(f for f in PLAN_FIELDS if f.key == key)
        names = {normalise(n) for n in (f.header, f.name, f.hint)}
        return next((r.number for r in table.rows if normalise(r.get("field")) in names), None)

    def _check_period(
        self, plan: URIRef, fields: Mapping[str, list[tuple[int, str]]], table: _Table
    ) -> None:
        start = self.graph.value(plan, ANDTS.validFrom)
        end = self.graph.value(plan, ANDTS.validUntil)
        if isinstance(start, Literal) and isinstance(end, Literal):
            first = _day(start, first=True)
            last = _day(end, first=False)
            if first and last and last < first:
                number = fields["valid_until"][0][0]
                self.problem(
                    table.name, number, "Värde", self.say("plan_ends_early", end=end, start=start)
                )

    # -- actors --------------------------------------------------------------------------------------
    def say(self, key: str, **fields: object) -> str:
        """A problem or log text in the import's language."""
        return message(f"spreadsheet.{key}", self.lang, **fields)

    def _owner(
        self, fields: dict[str, list[tuple[int, str]]], actors: _Table | None, plan: _Table | None
    ) -> URIRef | None:
        """The organisation whose plan it is: the first Utgivare (publisher) on the Plan sheet.

        Its own bodies are named under its IRI (``actor/<owner>/<slug>``), and names are
        matched to them before the shared bodies. A publisher that is a registry actor is
        that actor (or, for one of an organisation's own bodies, that organisation); one the
        Aktörer sheet declares gets the IRI that row makes; any other is a new shared actor.
        """
        given = fields.get("publisher")
        if not given:
            if plan is not None:
                self.warnings.append(self.say("no_publisher", sheet=plan.name))
            return None
        _, cell = given[0]
        context = Context(self.registry, "plan", lang=self.lang)
        found: list[tuple[URIRef, str]] = []
        for part in split_cell(cell, multi=True):
            try:
                match = context.match_actor(part)
            except CellError:
                match = None
            if match is not None:
                actor = match[0]
                found.append((self.registry.unit_of.get(actor, actor), part))
                continue
            row = next(
                (
                    r
                    for r in (actors.rows if actors else [])
                    if normalise(r.get("label")) == normalise(part)
                ),
                None,
            )
            given_id = row.get("id") if row is not None else ""
            local = given_id if given_id and ID_RE.match(given_id) else slug(part) or "aktor"
            found.append((ACTOR[local], part))
        if not found:
            return None
        owner, self.owner_name = min(found)
        return owner

    @property
    def owner_slug(self) -> str:
        """The path under ``actor/`` of the owner's own bodies: its slug, or the plan id."""
        if self.owner is not None and str(self.owner).startswith(str(ACTOR)):
            return str(self.owner)[len(str(ACTOR)) :]
        return self.ctx.plan_id

    def owner_label(self) -> str:
        """The owner's name as the log shows it."""
        if self.owner is None:
            return self.ctx.plan_id
        return (
            self.ctx.local_actors.shown(self.owner)
            or self.registry.actors.shown(self.owner)
            or self.owner_name
            or str(self.owner)
        )

    def _declared_types(self, table: _Table, row: _Row) -> list[URIRef]:
        if not row.get("type"):
            return [ANDTS.ActorGroup]
        return _iris(
            self._values(
                table.sheet.column("type"),
                row.get("type"),
                (table.name, row.number, table.sheet.column("type").name),
            )
        )

    def _index_actors(self, table: _Table) -> None:
        """Register the Aktörer sheet's names first, so every other sheet can use them."""
        for row in table.rows:
            name = row.get("label")
            label_column = table.sheet.column("label")
            if not name:
                self.problem(table.name, row.number, label_column, self.say("actor_no_name"))
                continue
            if self.ctx.local_actors.find(name):
                self.problem(
                    table.name, row.number, label_column, self.say("actor_twice", name=name)
                )
                continue
            types = self._declared_types(table, row)
            known = self._registry_actor_of_row(table, row)
            if known is not None:
                self._check_registry_row(known, types, table, row)
                continue
            iri = self._actor_iri(row.get("id"), name, types, table, row)
            if iri is None:
                continue
            if iri in self.row_of:
                sheet, number = self.row_of[iri]
                self.problem(
                    table.name,
                    row.number,
                    table.sheet.column("id"),
                    self.say("actor_duplicate_id", sheet=sheet, row=number),
                )
                continue
            self.row_of[iri] = (table.name, row.number)
            self.subject_of[(table.sheet.key, row.number)] = iri
            self.declared_types[iri] = types
            self.ctx.local_actors.add(iri, name, shown=True)
            for alt in split_cell(row.get("alt_labels"), multi=True):
                self.ctx.local_actors.add(iri, alt)

    def _registry_actor_of_row(self, table: _Table, row: _Row) -> URIRef | None:
        """The registry actor an Aktörer row is about: by its ID, or else by its name."""
        given = row.get("id")
        if given:
            if ID_RE.match(given):
                candidates = [ACTOR[given], ACTOR[f"{self.owner_slug}/{given}"]]
            else:
                try:
                    candidates = [self.ctx.resolve_ref(given)]
                except CellError:
                    return None
            return next((c for c in candidates if c in self.registry.actor_types), None)
        try:
            match = self.ctx.match_actor(row.get("label"))
        except CellError:
            return None
        return match[0] if match and match[0] in self.registry.actor_types else None

    def _check_registry_row(
        self, actor: URIRef, types: list[URIRef], table: _Table, row: _Row
    ) -> None:
        """An Aktörer row about a registry actor may not rename it or change its type."""
        name = row.get("label")
        shown = self.registry.actors.shown(actor) or str(actor)
        names = {normalise(n) for n in self.registry.actors.names_of(actor)}
        names |= {normalise(n) for n in self._all_names(actor)}
        wrong_type = row.get("type") and not set(types) <= self.registry.actor_types[actor]
        if normalise(name) not in names:
            self.problem(
                table.name,
                row.number,
                table.sheet.column("label"),
                self.say("actor_rename", id=self.ctx.ref_text(actor), label=shown, name=name),
            )
        elif wrong_type:
            self.problem(
                table.name,
                row.number,
                table.sheet.column("type"),
                self.say(
                    "actor_retype",
                    id=self.ctx.ref_text(actor),
                    label=shown,
                    kind=row.get("type"),
                ),
            )
        else:
            self.warnings.append(
                self.say("actor_row_not_needed", sheet=table.name, row=row.number, label=shown)
            )

    def _all_names(self, actor: URIRef) -> list[str]:
        index = self.registry.actors
        return [n for n in index._exact if actor in index._exact[n]]

    def _actor_iri(
        self, given: str, name: str, types: list[URIRef], table: _Table, row: _Row
    ) -> URIRef | None:
        shared = bool(types) and all(t in SHARED_ACTOR_CLASSES for t in types)
        if given:
            if ID_RE.match(given):
                if shared or ACTOR[given] == self.owner:
                    return ACTOR[given]
                return ACTOR[f"{self.owner_slug}/{given}"]
            try:
                return self.ctx.resolve_ref(given)
            except CellError as exc:
                self.problem(table.name, row.number, table.sheet.column("id"), str(exc))
                return None
        return self._fresh_actor_iri(name, shared=shared)

    def _fresh_actor_iri(self, name: str, *, shared: bool = False) -> URIRef:
        """A new actor's IRI: the plan's organisation itself and shared bodies get
        ``actor/<slug>``, the organisation's own bodies ``actor/<owner>/<slug>``; a number is
        added if another actor has that IRI already."""
        owner_named = self.owner_name is not None and normalise(name) == normalise(self.owner_name)
        if owner_named and self.owner is not None:
            return self.owner
        base = slug(name) or "aktor"
        stem = base if shared else f"{self.owner_slug}/{base}"
        taken = set(self.registry.actor_types) | set(self.row_of)
        candidate, number = stem, 2
        while ACTOR[candidate] in taken or ACTOR[candidate] in self.ctx.local_actors:
            candidate, number = f"{stem}-{number}", number + 1
        return ACTOR[candidate]

    def _read_actors(self, table: _Table) -> None:
        parents: dict[URIRef, list[URIRef]] = {}
        for row in table.rows:
            actor = self.subject_of.get((table.sheet.key, row.number))
            if actor is None:
                continue
            types = self.declared_types.get(actor) or [ANDTS.ActorGroup]
            for actor_type in types:
                self.graph.add((actor, RDF.type, actor_type))
            self._generic(actor, table, row)
            parents[actor] = self._actor_parents(actor, table, row)
            shared = all(t in SHARED_ACTOR_CLASSES for t in types) or actor == self.owner
            if not shared and self.owner is not None:
                self.graph.add((actor, ORG.unitOf, self.owner))
            if self.interpret and not row.get("mentioned_in"):
                self.graph.add((actor, DCTERMS.source, self.ctx.plan_iri))
            kind = self._class_name(types[0] if types else ANDTS.ActorGroup)
            where = self.say("where_row", sheet=table.name, row=row.number)
            self.new_actors.append(NewActor(row.get("label"), str(actor), kind, where, True))
            self._log_actor(row.get("label"), actor, "shared_new" if shared else "new", where)
        self._check_actor_cycles(parents, table)

    def _actor_parents(self, actor: URIRef, table: _Table, row: _Row) -> list[URIRef]:
        """ "Ingår i" on Aktörer: org:subOrganizationOf the actors it names, which must be
        shared bodies or this plan's organisation's own (never another's)."""
        column = table.sheet.column("parent")
        found = []
        for part in split_cell(row.get("parent"), multi=True):
            where = (table.name, row.number, column.name)
            try:
                match = self.ctx.match_actor(part)
            except CellError as exc:
                self.problem(*where, str(exc))
                continue
            if match is None:
                parent = self._actor(part, where)
            else:
                parent = match[0]
                unit = self.registry.unit_of.get(parent)
                if unit is not None and unit != self.owner:
                    self.problem(
                        *where,
                        self.say(
                            "actor_parent_elsewhere",
                            name=part,
                            owner=self.registry.actors.shown(unit) or str(unit),
                        ),
                    )
                    continue
                self._log_actor(part, parent, match[1], self.say_where(where))
            if parent is None:
                continue
            if parent == actor:
                self.problem(*where, self.say("actor_parent_itself", name=part))
                continue
            self.graph.add((actor, ORG.subOrganizationOf, parent))
            found.append(parent)
        return found

    def _check_actor_cycles(self, parents: dict[URIRef, list[URIRef]], table: _Table) -> None:
        """ "Ingår i" may not go round in a circle."""
        edges = [(a, p) for a, ps in parents.items() for p in ps]
        for cycle in _cycles(edges):
            sheet, number = self.row_of[cycle[0]]
            names = [self.ctx.local_actors.shown(a) or str(a) for a in cycle]
            self.problem(
                sheet,
                number,
                table.sheet.column("parent"),
                self.say("cycle", path=" → ".join([*names, names[0]])),
            )

    def say_or_list(self, names: Iterable[str]) -> str:
        return f" {self.say('or')} ".join(names)

    def say_where(self, where: tuple[str, int, str]) -> str:
        sheet, number, column = where
        return self.say("where_cell", sheet=sheet, row=number, column=column)

    def _actor(self, text: str, where: tuple[str, int, str]) -> URIRef | None:
        """The actor a cell names; a name that matches nothing becomes a new group of actors
        of the plan's organisation."""
        try:
            found = self.ctx.match_actor(text)
        except CellError as exc:
            self.problem(*where, str(exc))
            return None
        if found is not None:
            self._log_actor(text, found[0], found[1], self.say_where(where))
            return found[0]
        is_owner = self.owner_name is not None and normalise(text) == normalise(self.owner_name)
        iri = self._fresh_actor_iri(text)
        self.ctx.local_actors.add(iri, text, shown=True)
        self.graph.add((iri, RDF.type, ANDTS.ActorGroup))
        self.graph.add((iri, RDFS.label, Literal(text, lang="sv")))
        if not is_owner and self.owner is not None:
            self.graph.add((iri, ORG.unitOf, self.owner))
        if self.interpret:
            self.graph.add((iri, DCTERMS.source, self.ctx.plan_iri))
        kind = self._class_name(ANDTS.ActorGroup)
        place = self.say_where(where)
        self.new_actors.append(NewActor(text, str(iri), kind, place, False))
        self._log_actor(text, iri, "shared_new" if is_owner else "new", place)
        return iri

    def _class_name(self, iri: URIRef) -> str:
        return self.registry.classes["actor"].shown(iri) or str(iri).rsplit("#", 1)[-1]

    def _log_actor(self, name: str, iri: URIRef, how: str, where: str) -> None:
        """Remember how a name was matched, once per name (the first place it is used)."""
        if name in self.actor_log:
            return
        if how == "own" and iri in self.ctx.local_actors:
            # One of this plan's own new actors, named before (or after) its Aktörer row.
            types = self.declared_types.get(iri, [ANDTS.ActorGroup])
            shared = iri == self.owner or all(t in SHARED_ACTOR_CLASSES for t in types)
            how = "shared_new" if shared else "new"
        label = self.ctx.local_actors.shown(iri) or self.registry.actors.shown(iri) or str(iri)
        unit = self.registry.unit_of.get(iri)
        owner = None
        if how == "new":
            owner = self.owner_label()
        elif unit is not None:
            owner = self.registry.actors.shown(unit) or str(unit)
        others = tuple(
            f"{self.registry.actors.shown(a) or a} ({self.registry.actors.shown(self.registry.unit_of[a]) or self.registry.unit_of[a]})"
            for a in self.ctx.others_actors(name)
        )
        suggestion = self.ctx.suggest_actor(name) if how in ("new", "shared_new") else None
        self.actor_log[name] = ActorMatch(
            name, str(iri), how, label, owner, where, suggestion, others
        )

    # -- rows: goals, areas, activities, indicators, documents, references -------------------------
    def _index_rows(self, table: _Table) -> None:
        sheet = table.sheet
        for row in table.rows:
            subject = self._row_iri(table, row)
            if subject is None:
                continue
            if subject in self.row_of:
                other_sheet, other_row = self.row_of[subject]
                made = "" if row.get("id") else self.say("id_made")
                self.problem(
                    table.name,
                    row.number,
                    "ID",
                    self.say(
                        "duplicate_id",
                        id=self.ctx.ref_text(subject),
                        made=made,
                        sheet=other_sheet,
                        row=other_row,
                    ),
                )
                continue
            self.row_of[subject] = (table.name, row.number)
            self.subject_of[(sheet.key, row.number)] = subject
            self.ctx.defined.add(subject)
            self.class_of[subject] = self._row_class(table, row)
            if row.get("notation"):
                self.by_notation[sheet.key][row.get("notation")].append(subject)

    def _row_iri(self, table: _Table, row: _Row) -> URIRef | None:
        given = row.get("id")
        if given:
            if ID_RE.match(given):
                if _DOTTED.search(given):
                    self.warnings.append(
                        self.say(
                            "dotted_id",
                            sheet=table.name,
                            row=row.number,
                            id=given,
                            better=given.replace(".", "-"),
                        )
                    )
                return self.ctx.ns[given]
            try:
                return self.ctx.resolve_ref(given)
            except CellError as exc:
                self.problem(table.name, row.number, "ID", str(exc))
                return None
        sheet = table.sheet
        notation = row.get("notation")
        if notation:
            # Hyphens between section numbers: a-1-2-1, never a-1.2.1 (docs/modelling.md).
            return self.ctx.ns[f"{sheet.id_prefix}-{slug(notation)}"]
        if sheet is DOCUMENTS and (row.get("title") or row.get("label")):
            return self.ctx.ns[slug(row.get("title") or row.get("label"))]
        return self.ctx.ns[f"{sheet.id_prefix}-r{row.number}"]

    def _row_class(self, table: _Table, row: _Row) -> URIRef:
        sheet = table.sheet
        text = row.get("type")
        if text and sheet.has("type"):
            found = _iris(self._values(sheet.column("type"), text, (table.name, row.number, "Typ")))
            if found:
                return found[0]
        return sheet.classes[0]

    def _read_rows(self, table: _Table) -> None:
        sheet = table.sheet
        for row in table.rows:
            subject = self.subject_of.get((sheet.key, row.number))
            if subject is None:
                continue
            self.graph.add((subject, RDF.type, self.class_of[subject]))
            if sheet.component:
                self.graph.add((subject, ANDTS.inPlan, self.ctx.plan_iri))
            self._generic(subject, table, row)
            self._required_text(subject, table, row)
            if sheet in (GOALS, AREAS, ACTIVITIES):
                self._parent(subject, table, row)
            if sheet is INDICATORS:
                self._indicator(subject, table, row)
            if sheet in (ACTIVITIES, INDICATORS):
                # A lead is always also responsible (docs/modelling.md, "Activities").
                for lead in list(self.graph.objects(subject, ANDTS.lead)):
                    self.graph.add((subject, ANDTS.responsible, lead))
            if self.interpret:
                self._provenance(subject, table, row)

    def _generic(self, subject: URIRef, table: _Table, row: _Row) -> None:
        """Every column that is one property with a plain codec."""
        for key, column in table.columns.items():
            if key in _SPECIAL or column.predicate is None or not row.get(key):
                continue
            where = (table.name, row.number, column.name)
            for value in self._values(column, row.get(key), where):
                self.graph.add((subject, column.predicate, value))
                if column.kind == "ref" and table.sheet is not ACTORS:
                    self._check_defined(value, row.get(key), where)

    def _values(self, column: Column, text: str, where: tuple[str, int, str]) -> list[Node]:
        values: list[Node] = []
        for part in split_cell(text, column.multi):
            if column.kind == "actor":
                actor = self._actor(part, where)
                if actor is not None:
                    values.append(actor)
                continue
            if column.kind == "concept:method" and self._is_new_concept("method", part):
                values.append(self._new_method(part, where))
                continue
            try:
                value = CODECS[column.kind][0](part, self.ctx)
            except CellError as exc:
                self.problem(*where, str(exc))
                continue
            if column.key == "page" and isinstance(value, Literal) and int(value) < 1:
                self.problem(*where, self.say("page_below_one", page=part))
                continue
            values.append(value)
        return values

    def _is_new_concept(self, kind: str, text: str) -> bool:
        return not looks_like_ref(text) and not self.registry.concepts[kind].find(text)

    def _new_method(self, name: str, where: tuple[str, int, str]) -> URIRef:
        """A method the vocabulary does not hold becomes a method concept of the plan."""
        iri = self.ctx.ns[f"method-{slug(name) or 'metod'}"]
        index = self.registry.concepts["method"]
        suggestion = _closest(name, index.names())
        index.add(iri, name, shown=True)
        self.graph.add((iri, RDF.type, ANDTS.Method))
        self.graph.add((iri, RDF.type, SKOS.Concept))
        self.graph.add((iri, SKOS.prefLabel, Literal(name, lang="sv")))
        self.graph.add((iri, SKOS.inScheme, VOCAB.method))
        self.graph.add((iri, DCTERMS.source, self.ctx.plan_iri))
        self.concepts_made.append(
            NewConcept(name, str(iri), "method", self.say_where(where), suggestion)
        )
        return iri

    def _check_defined(self, value: Node, text: str, where: tuple[str, int, str]) -> None:
        """A bare id must name a row of this template."""
        if str(value).startswith(self.ctx.ns) and value not in self.ctx.defined:
            shown = self.ctx.ref_text(value)
            self.problem(*where, self.say("unknown_id", id=shown))

    def _required_text(self, subject: URIRef, table: _Table, row: _Row) -> None:
        sheet = table.sheet
        if sheet is DOCUMENTS:
            if not row.get("label") and not row.get("title"):
                self.problem(
                    table.name,
                    row.number,
                    sheet.column("label"),
                    self.say("document_unnamed"),
                )
            elif self.interpret and not row.get("label"):
                self.graph.add((subject, RDFS.label, Literal(row.get("title"), lang="sv")))
            return
        if sheet.has("label") and not row.get("label"):
            what = {
                ACTIVITIES: "activity",
                INDICATORS: "indicator",
                GOALS: "goal",
                AREAS: "area",
            }.get(sheet, "row")
            self.problem(
                table.name,
                row.number,
                sheet.column("label"),
                self.say(f"no_text.{what}"),
            )

    def _parent(self, subject: URIRef, table: _Table, row: _Row) -> None:
        sheet = table.sheet
        column = sheet.column("parent")
        allowed = {GOALS: (GOALS,), AREAS: (AREAS, GOALS), ACTIVITIES: (AREAS, GOALS)}[sheet]
        text = row.get("parent")
        if text:
            parent = self._row_ref(text, allowed, table, row, column)
        else:
            parent = self._default_parent(subject)
        if parent is not None:
            self.graph.add((subject, ANDTS.partOf, parent))

    def _default_parent(self, subject: URIRef) -> URIRef:
        """The plan itself; under Tolka, a sub-goal's is the plan's one overarching goal."""
        if self.interpret and self.class_of[subject] == ANDTS.SubGoal:
            overarching = [s for s, c in self.class_of.items() if c == ANDTS.OverarchingGoal]
            if len(overarching) == 1:
                return overarching[0]
        return self.ctx.plan_iri

    def _row_ref(
        self, text: str, sheets: Iterable[Sheet], table: _Table, row: _Row, column: Column
    ) -> URIRef | None:
        """A reference to another row: its id, or else its number (Nummer)."""
        sheets = tuple(sheets)
        try:
            iri = self.ctx.resolve_ref(text)
        except CellError as exc:
            self.problem(table.name, row.number, column, str(exc))
            return None
        if iri == self.ctx.plan_iri:
            return iri
        if not str(iri).startswith(self.ctx.ns):
            other = self._plan_of(iri)
            if other is not None and column.key in ("parent", "activity", "indicator"):
                self.problem(
                    table.name,
                    row.number,
                    column,
                    self.say("parent_elsewhere", ref=text, plan=other),
                )
                return None
            return iri
        classes = {c for s in sheets for c in s.classes}
        if iri in self.class_of:
            if self.class_of[iri] in classes:
                return iri
            self.problem(
                table.name,
                row.number,
                column,
                self.say(
                    "not_a_row_of", text=text, sheets=self.say_or_list(s.name for s in sheets)
                ),
            )
            return None
        found = [i for s in sheets for i in self.by_notation[s.key].get(text, [])]
        if len(found) == 1:
            return found[0]
        what = self.say_or_list(s.name for s in sheets)
        if found:
            self.problem(
                table.name,
                row.number,
                column,
                self.say("number_twice", text=text, sheets=what),
            )
        else:
            self.problem(
                table.name,
                row.number,
                column,
                self.say("unknown_ref", column=column.name, text=text, sheets=what),
            )
        return None

    def _plan_of(self, iri: URIRef) -> str | None:
        """The id of the other plan ``iri`` is (or is a part of), if it is one."""
        text = str(iri)
        if text.startswith(str(PLAN_NS)):
            return text[len(str(PLAN_NS)) :].split("/", 1)[0]
        return None

    def _check_part_cycles(self) -> None:
        """Ingår i (andts:partOf) between this template's rows may not go round in a circle."""
        edges = [
            (child, parent)
            for child, parent in self.graph.subject_objects(ANDTS.partOf)
            if isinstance(child, URIRef) and child in self.row_of
            if isinstance(parent, URIRef) and parent in self.row_of
        ]
        for cycle in _cycles(edges):
            sheet, number = self.row_of[cycle[0]]
            names = [self.ctx.ref_text(node) or str(node) for node in cycle]
            self.problem(
                sheet, number, "Ingår i", self.say("cycle", path=" → ".join([*names, names[0]]))
            )

    def _provenance(self, subject: URIRef, table: _Table, row: _Row) -> None:
        """Under Tolka: the sheet and row as source, and as section when none is given."""
        self.graph.add((subject, DCTERMS.source, Literal(f"{table.name}!{row.number}")))
        if table.sheet.component and not row.get("section"):
            self.graph.add(
                (subject, ANDTS.sourceSection, Literal(f"{table.name} rad {row.number}"))
            )

    # -- indicators and targets ------------------------------------------------------------------------
    def _indicator(self, subject: URIRef, table: _Table, row: _Row) -> None:
        column = table.sheet.column("activity")
        text = row.get("activity")
        if not text:
            if "activity" in table.columns:
                self.problem(
                    table.name,
                    row.number,
                    column,
                    self.say("indicator_no_activity"),
                )
        else:
            activity = self._row_ref(text, (ACTIVITIES,), table, row, column)
            if activity is not None:
                self.graph.add((subject, ANDTS.indicatorOf, activity))
        if any(row.get(k) for k in ("comparator", "value", "unit", "period")):
            self._target(subject, table, row)
        elif self.interpret and subject not in self.targeted and row.get("label"):
            self._targets_from_text(subject, table, row)

    def _target(
        self, indicator: URIRef, table: _Table, row: _Row, *, provenance: bool = False
    ) -> None:
        sheet = table.sheet
        values: dict[str, Node] = {}
        percent = _PERCENT.fullmatch(row.get("value"))
        if percent:
            # "15 %", "15 procent": the number, with the unit percent.
            row.cells["value"] = percent.group(1)
            unit = row.get("unit")
            if normalise(unit) not in ("%", "procent", "procent"):
                row.cells["unit"] = f"procent {unit}".strip()
            where = self.say(
                "where_cell", sheet=table.name, row=row.number, column=sheet.column("value").name
            )
            comparator = row.get("comparator")
            self.targets_read.append(
                ReadTarget(
                    where,
                    percent.group(0),
                    " ".join(w for w in (comparator, percent.group(1), row.get("unit")) if w),
                )
            )
        for key in ("comparator", "value", "unit", "period"):
            column = sheet.column(key)
            text = row.get(key)
            if text:
                found = self._values(column, text, (table.name, row.number, column.name))
                if found:
                    values[key] = found[0]
            elif key == "comparator":
                self.problem(
                    table.name,
                    row.number,
                    column,
                    self.say(
                        "target_no_comparator",
                        options=", ".join(self.registry.choices("comparators")),
                    ),
                )
            elif key == "value":
                self.problem(table.name, row.number, column, self.say("target_no_value"))
        if len(values) < len([k for k in ("comparator", "value", "unit", "period") if row.get(k)]):
            return
        target = BNode()
        self.graph.add((indicator, ANDTS.target, target))
        self.graph.add((target, RDF.type, ANDTS.Target))
        for key, predicate in (
            ("comparator", ANDTS.comparator),
            ("value", ANDTS.targetValue),
            ("unit", ANDTS.unit),
            ("period", ANDTS.perPeriod),
        ):
            if key in values:
                self.graph.add((target, predicate, values[key]))
        if provenance and self.interpret:
            self.graph.add((target, DCTERMS.source, Literal(f"{table.name}!{row.number}")))

    def _targets_from_text(self, indicator: URIRef, table: _Table, row: _Row) -> None:
        for parsed in parse_targets(row.get("label")):
            target = BNode()
            self.graph.add((indicator, ANDTS.target, target))
            self.graph.add((target, RDF.type, ANDTS.Target))
            self.graph.add((target, ANDTS.comparator, ANDTS[parsed.comparator]))
            datatype = XSD.integer if isinstance(parsed.value, int) else XSD.decimal
            self.graph.add(
                (target, ANDTS.targetValue, Literal(str(parsed.value), datatype=datatype))
            )
            if parsed.unit:
                self.graph.add((target, ANDTS.unit, Literal(parsed.unit, lang="sv")))
            if parsed.period:
                self.graph.add(
                    (target, ANDTS.perPeriod, Literal(parsed.period, datatype=XSD.duration))
                )
            words = [
                self.registry.comparators.shown(ANDTS[parsed.comparator]),
                str(parsed.value),
                parsed.unit,
                f"per {PERIOD_WORDS.get(parsed.period, parsed.period)}" if parsed.period else None,
            ]
            self.targets_read.append(
                ReadTarget(
                    self.say("where_row", sheet=table.name, row=row.number),
                    row.get("label"),
                    " ".join(w for w in words if w),
                )
            )

    def _read_targets(self, table: _Table) -> None:
        column = table.sheet.column("indicator")
        for row in table.rows:
            text = row.get("indicator")
            if not text:
                self.problem(
                    table.name,
                    row.number,
                    column,
                    self.say("target_no_indicator"),
                )
                continue
            indicator = self._row_ref(text, (INDICATORS,), table, row, column)
            if indicator is not None:
                self.targeted.add(indicator)
                self._target(indicator, table, row, provenance=True)

    # -- curated links and other statements --------------------------------------------------------------
    def _read_links(self, table: _Table) -> None:
        sheet = table.sheet
        seen: dict[URIRef, int] = {}
        for row in table.rows:
            parts = [self._link_part(key, table, row) for key in ("subject", "predicate")]
            subject, predicate = parts
            obj = self._link_object(predicate, table, row) if predicate is not None else None
            language_ok, rationale = self._rationale(table, row)
            if subject is None or predicate is None or obj is None or not language_ok:
                continue
            link = self._link_iri(subject, predicate, obj, table, row)
            if link is None:
                continue
            if link in seen:
                self.problem(
                    table.name,
                    row.number,
                    sheet.column("id"),
                    self.say("duplicate_link", row=seen[link]),
                )
                continue
            seen[link] = row.number
            self.links.add((subject, predicate, obj))
            self.links.add((link, RDF.type, RDF.Statement))
            self.links.add((link, RDF.type, ANDTS.CuratedLink))
            self.links.add((link, RDF.subject, subject))
            self.links.add((link, RDF.predicate, predicate))
            self.links.add((link, RDF.object, obj))
            if rationale is not None:
                self.links.add((link, ANDTS.rationale, rationale))
            if self.interpret:
                self.links.add((link, DCTERMS.source, Literal(f"{table.name}!{row.number}")))

    def _link_part(self, key: str, table: _Table, row: _Row) -> URIRef | None:
        column = table.sheet.column(key)
        text = row.get(key)
        if not text:
            self.problem(
                table.name, row.number, column, self.say("link_missing", column=column.name)
            )
            return None
        if key == "subject":
            return self._row_ref(text, (GOALS, AREAS, ACTIVITIES, INDICATORS), table, row, column)
        found = _iris(self._values(column, text, (table.name, row.number, column.name)))
        return found[0] if found else None

    def _link_object(self, predicate: URIRef, table: _Table, row: _Row) -> Node | None:
        column = table.sheet.column("object")
        text = row.get("object")
        if not text:
            self.problem(table.name, row.number, column, self.say("link_missing", column="Till"))
            return None
        try:
            value = read_link_object(predicate, text, self.ctx)
        except CellError as exc:
            self.problem(table.name, row.number, column, str(exc))
            return None
        self._check_defined(value, text, (table.name, row.number, column.name))
        return value

    def _rationale(self, table: _Table, row: _Row) -> tuple[bool, Literal | None]:
        """(whether the language is good, the rationale with its language if there is one)."""
        text = row.get("rationale")
        lang = row.get("lang") or "sv"
        try:
            CODECS["lang"][0](lang, self.ctx)
        except CellError as exc:
            self.problem(table.name, row.number, table.sheet.column("lang"), str(exc))
            return False, None
        return True, (Literal(text, lang=lang.lower()) if text else None)

    def _link_iri(
        self, subject: URIRef, predicate: URIRef, obj: Node, table: _Table, row: _Row
    ) -> URIRef | None:
        given = row.get("id")
        if given:
            if ID_RE.match(given):
                return URIRef(LINK + given)
            try:
                return self.ctx.resolve_ref(given)
            except CellError as exc:
                self.problem(table.name, row.number, table.sheet.column("id"), str(exc))
                return None
        verb = _LINK_VERBS.get(predicate, str(predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        parts = [self.ctx.plan_id, _local(subject, self.ctx), verb, _local(obj, self.ctx)]
        return URIRef(LINK + "-".join(p for p in parts if p))

    def _read_other(self, table: _Table) -> None:
        sheet = table.sheet
        for row in table.rows:
            graph_name = normalise(row.get("graph") or "plan")
            if graph_name not in ("plan", "kopplingar", "links"):
                self.problem(
                    table.name,
                    row.number,
                    sheet.column("graph"),
                    self.say("bad_graph", text=row.get("graph")),
                )
                continue
            terms = []
            for key in ("subject", "predicate", "object"):
                text = row.get(key)
                if not text:
                    self.problem(
                        table.name,
                        row.number,
                        sheet.column(key),
                        self.say("statement_missing", column=sheet.column(key).name),
                    )
                    continue
                try:
                    terms.append(read_term(text, self.ctx, position=key))
                except CellError as exc:
                    self.problem(table.name, row.number, sheet.column(key), str(exc))
            if len(terms) == 3:
                target = self.graph if graph_name == "plan" else self.links
                subject, predicate, obj = terms
                target.add((subject, predicate, obj))


def _closest(name: str, names: list[str]) -> str | None:
    """A name in ``names`` that ``name`` is probably a misspelling of."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(
        name, names, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=85
    )
    return best[0] if best and normalise(best[0]) != normalise(name) else None


def _iris(values: list[Node]) -> list[URIRef]:
    """The IRIs among a cell's values (a class or property column's codec yields only
    IRIs; its unreadable parts are reported where they are read)."""
    return [value for value in values if isinstance(value, URIRef)]


def _cycles(edges: list[tuple[URIRef, URIRef]]) -> list[list[URIRef]]:
    """Each cycle of child → parent edges once, starting at its smallest node."""
    import networkx as nx

    graph = nx.DiGraph(edges)
    found = []
    for cycle in nx.simple_cycles(graph):
        start = cycle.index(min(cycle))
        found.append(cycle[start:] + cycle[:start])
    return sorted(found)


def _local(node: Node, ctx: Context) -> str:
    text = ctx.ref_text(node) or str(node)
    return slug(text.replace(":", "-").replace(".", "-"), limit=80) or "x"


def _day(value: Literal, *, first: bool) -> dt.date | None:
    """The first (or last) day a date or year stands for."""
    text = str(value)
    try:
        if value.datatype == XSD.gYear:
            return dt.date(int(text), 1, 1) if first else dt.date(int(text), 12, 31)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
