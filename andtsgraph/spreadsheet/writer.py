"""Writing the template: empty, for a coordinator to fill in, or filled with a loaded plan.

A plan is written so that reading the file back gives the same graph: a value goes into its
column only when the column's codec reads it back as the very same term, and every triple no
column holds (a second label in English, an extra type, a blank node that is not a simple
target) is written to the Övrigt sheet in Turtle form. The Plan sheet's Tolka field is
``nej``, so reading adds nothing the plan did not already say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Identifier, Node

from andtsgraph.errors import OutputExistsError
from andtsgraph.messages import language
from andtsgraph.namespaces import ACTOR, ANDTS, LINKS_GRAPH, plan_graph
from andtsgraph.spreadsheet.layout import (
    ACTIVITIES,
    ACTOR_CLASSES,
    ACTORS,
    AREAS,
    DOCUMENTS,
    GOALS,
    INDICATORS,
    LINKS,
    PLAN,
    PLAN_FIELDS,
    REFERENCES,
    ROW_SHEETS,
    SHEETS,
    TARGET_COLUMNS,
    Column,
    Sheet,
)
from andtsgraph.spreadsheet.names import Registry
from andtsgraph.spreadsheet.reader import LINK
from andtsgraph.spreadsheet.values import (
    CODECS,
    ID_RE,
    SEPARATOR,
    CellError,
    Context,
    read_link_object,
    same_term,
    write_link_object,
    write_term,
)
from andtsgraph.spreadsheet.workbook import OutTable, write_csv_folder, write_workbook

if TYPE_CHECKING:
    from andtsgraph.knowledge_graph import KnowledgeGraph

__all__ = [
    "INSTRUCTIONS",
    "LIST_TITLES",
    "Triple",
    "export_plan",
    "plan_links",
    "plan_tables",
    "write_template",
]

Triple = tuple[Node, Node, Node]

#: The headers of the Listor sheet, by list name.
LIST_TITLES: dict[str, str] = {
    "levels": "Preventionsnivåer (prevention levels)",
    "substances": "Substanser (substances)",
    "target_groups": "Målgrupper (target groups)",
    "factors": "Risk- och skyddsfaktorer (factors)",
    "link_targets": "Kopplingsmål (link targets)",
    "methods": "Metoder (methods)",
    "perspectives": "Perspektiv (perspectives)",
    "actors": "Delade aktörer i registret (shared registry actors)",
    "plan_kinds": "Plantyper (plan kinds)",
    "goal_kinds": "Måltyper (goal kinds)",
    "area_kinds": "Områdestyper (area kinds)",
    "document_kinds": "Dokumenttyper (document kinds)",
    "actor_kinds": "Aktörstyper (actor kinds)",
    "comparators": "Jämförelser (comparators)",
    "periods": "Perioder (periods)",
    "link_kinds": "Kopplingstyper (link kinds)",
    "languages": "Språk (languages)",
    "graphs": "Grafer (graphs)",
    "yes_no": "Ja/nej (yes/no)",
}

#: The Instruktioner sheet, one paragraph per row.
INSTRUCTIONS = (
    "Mall för en ANDTS-plan (andtsgraph)",
    "Fyll i planen blad för blad: Plan (planens uppgifter), Mål, Områden, Insatser och Indikatorer. "
    "Bladen Målvärden, Aktörer, Styrdokument, Referenser, Kopplingar och Övrigt är frivilliga.",
    "Håll muspekaren över en kolumnrubrik för att se vad kolumnen betyder. Rubriken har en engelsk "
    "förklaring inom parentes. Kolumner med en lista (pil i cellen) tar värden ur bladet Listor.",
    "Flera värden i en cell – till exempel flera ansvariga aktörer – skiljs med semikolon: "
    "Polisen; Region Kronoberg.",
    "Rader pekar på varandra med id (kolumnen ID) eller nummer (kolumnen Nummer): en insats "
    "Ingår i ett område, en indikator följer upp en Insats.",
    "Aktörer matchas mot andtsgraphs aktörsregister (bladet Listor visar det). Namn som inte "
    "finns där blir nya aktörer; beskriv dem gärna på bladet Aktörer.",
    "Läs in planen: andtsgraph import PLAN.xlsx -o plan.ttl. Granska den: andtsgraph validate "
    "PLAN.xlsx, och se dess luckor bredvid de andra planerna: andtsgraph report --with PLAN.xlsx.",
    "Bladen Instruktioner och Listor läses inte in. Filen kan också sparas som en mapp med en "
    "CSV-fil per blad (Plan.csv, Mål.csv, …).",
)


def write_template(
    kg: KnowledgeGraph | None, path: str | Path, *, force: bool = False, lang: str | None = None
) -> Path:
    """Write an empty plan template with commented headers and drop-down lists.

    Parameters
    ----------
    kg : KnowledgeGraph or None
        The graph whose vocabularies and actor registry fill the drop-downs; None for the
        bundled graph.
    path : str or Path
        An ``.xlsx`` file, or else a folder to fill with one CSV file per sheet.
    force : bool
        Overwrite ``path`` if it exists.
    lang : {"sv", "en"}
        The language of an error.

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    OutputExistsError
        If ``path`` exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = write_template(None, Path(tempfile.mkdtemp()) / "mall.xlsx")
    >>> path.name
    'mall.xlsx'
    """
    lang = language(lang)
    from andtsgraph.knowledge_graph import load

    path = Path(path)
    _refuse_existing(path, force, lang)
    registry = Registry.from_kg(kg if kg is not None else load())
    plan_rows = [_plan_row(f, "ja" if f.key == "interpret" else "") for f in PLAN_FIELDS]
    tables = [OutTable(PLAN, plan_rows), *(OutTable(s) for s in SHEETS if s is not PLAN)]
    _write(path, tables, registry, force)
    return path


def export_plan(
    kg: KnowledgeGraph,
    plan_id: str,
    path: str | Path,
    *,
    force: bool = False,
    lang: str | None = None,
) -> Path:
    """Write a loaded plan (bundled or imported) as a filled-in template.

    Reading the file back with :func:`~andtsgraph.spreadsheet.import_plan` gives a graph
    isomorphic to the plan's named graph, and the plan's curated links.

    Parameters
    ----------
    kg : KnowledgeGraph
        The loaded graph.
    plan_id : str
        The plan's id (or a unique prefix of it).
    path : str or Path
        An ``.xlsx`` file, or else a folder to fill with one CSV file per sheet.
    force : bool
        Overwrite ``path`` if it exists.
    lang : {"sv", "en"}
        The language of an error.

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    PlanNotFoundError
        If no loaded plan has the id.
    OutputExistsError
        If ``path`` exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from andtsgraph import load
    >>> path = export_plan(load(), "kronoberg", Path(tempfile.mkdtemp()) / "kronoberg.xlsx")
    >>> path.exists()
    True
    """
    lang = language(lang)
    path = Path(path)
    _refuse_existing(path, force, lang)
    plan = kg.plan(plan_id)
    graph = kg.graph(plan_graph(plan.id))
    links = plan_links(_all_links(kg), graph)
    registry = Registry.from_kg(kg, exclude_plan=plan.id)
    _write(path, plan_tables(graph, links, registry, plan.id), registry, force)
    return path


def _all_links(kg: KnowledgeGraph) -> Graph:
    """The bundled links graph and the links graphs of imported templates."""
    links = Graph()
    for name in kg.graph_names():
        if name == str(LINKS_GRAPH) or name.startswith(f"{LINKS_GRAPH}/"):
            links += kg.graph(name)
    return links


def plan_links(links: Graph, plan: Graph) -> Graph:
    """The curated links about a plan's parts: the plain triples and their statement nodes."""
    parts = set(plan.subjects())
    out = Graph()
    for statement in set(links.subjects(RDF.subject, None)):
        if links.value(statement, RDF.subject) in parts:
            out += links.triples((statement, None, None))
    for s, p, o in links:
        if s in parts:
            out.add((s, p, o))
    return out


def plan_tables(graph: Graph, links: Graph, registry: Registry, plan_id: str) -> list[OutTable]:
    """The template's sheets, filled with one plan's graph and curated links."""
    return _Exporter(graph, links, registry, plan_id).tables()


# -- writing files -------------------------------------------------------------------------------
def _refuse_existing(path: Path, force: bool, lang: str = "sv") -> None:
    from andtsgraph.messages import text
    from andtsgraph.output import check_outputs

    if path.exists() and not force and (path.is_file() or any(path.iterdir())):
        raise OutputExistsError(text("io.output_exists", lang, path=path), lang=lang)
    is_folder = path.suffix.lower() != ".xlsx"
    check_outputs([path], force=True, folders=[path] if is_folder else [], lang=lang)


def _write(path: Path, tables: list[OutTable], registry: Registry, force: bool) -> None:
    from andtsgraph.output import staged

    # Under a temporary name, moved into place once whole (nothing partial on a failure).
    is_xlsx = path.suffix.lower() == ".xlsx"
    with staged([path], force=True, folders=[] if is_xlsx else [path]) as (temporary,):
        if is_xlsx:
            lists = {name: registry.choices(name) for name in LIST_TITLES}
            write_workbook(temporary, tables, lists, LIST_TITLES, INSTRUCTIONS)
        else:
            write_csv_folder(temporary, tables)


def _plan_row(field: Column, value: str) -> dict[str, str]:
    return {"field": field.header, "value": value, "help": field.help, "key": field.key}


# -- the exporter ----------------------------------------------------------------------------------
def _natural(text: str) -> list:
    """Sort key that puts a-2 before a-10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


class _Exporter:
    def __init__(self, graph: Graph, links: Graph, registry: Registry, plan_id: str) -> None:
        self.graph = graph
        self.links = links
        self.registry = registry
        self.ctx = Context(registry, plan_id)
        self.plan = self.ctx.plan_iri
        self.covered: set[Triple] = set()
        self.covered_links: set[Triple] = set()
        self.sheet_of: dict[URIRef, Sheet] = {}
        self.class_of: dict[URIRef, URIRef] = {}

    def tables(self) -> list[OutTable]:
        self._claim_actors()
        self._claim_rows()
        out = {sheet.key: OutTable(sheet) for sheet in SHEETS}
        out["plan"] = OutTable(PLAN, self._plan_rows())
        out["actors"].rows = [self._actor_row(a) for a in self._rows_of(ACTORS)]
        for sheet in ROW_SHEETS:
            out[sheet.key].rows = [self._row(sheet, s) for s in self._rows_of(sheet)]
        out["targets"].rows = self.extra_targets
        out["links"].rows = self._link_rows()
        out["other"].rows = self._other_rows()
        return [out[sheet.key] for sheet in SHEETS]

    # -- which subject goes to which sheet -------------------------------------------------------
    def _rows_of(self, sheet: Sheet) -> list[URIRef]:
        subjects = [s for s, owner in self.sheet_of.items() if owner is sheet]
        return sorted(subjects, key=lambda s: _natural(self.ctx.ref_text(s) or str(s)))

    def _claim_actors(self) -> None:
        """Actors the plan's own graph defines become Aktörer rows (and are named locally)."""
        for actor_class in ACTOR_CLASSES:
            for actor in self.graph.subjects(RDF.type, actor_class):
                if not isinstance(actor, URIRef) or actor in self.sheet_of:
                    continue
                label = self._first_fitting(actor, RDFS.label, ACTORS.column("label"))
                if label is None:
                    continue
                self.sheet_of[actor] = ACTORS
                self.class_of[actor] = actor_class
                self.ctx.local_actors.add(actor, str(label), shown=True)
        for actor in self._rows_of(ACTORS):
            for alt in self.graph.objects(actor, ACTORS.column("alt_labels").predicate):
                self.ctx.local_actors.add(actor, str(alt))

    def _claim_rows(self) -> None:
        self.extra_targets: list[dict[str, str]] = []
        for sheet in ROW_SHEETS:
            for row_class in sheet.classes:
                for subject in _in_order(self.graph.subjects(RDF.type, row_class)):
                    if not isinstance(subject, URIRef) or subject in self.sheet_of:
                        continue
                    if self._qualifies(sheet, subject):
                        self.sheet_of[subject] = sheet
                        self.class_of[subject] = row_class
                        self.ctx.defined.add(subject)

    def _qualifies(self, sheet: Sheet, subject: URIRef) -> bool:
        """Whether reading the row back gives the subject's triples and nothing more."""
        if sheet.component:
            if (subject, ANDTS.inPlan, self.plan) not in self.graph:
                return False
            if self._first_fitting(subject, RDFS.label, sheet.column("label")) is None:
                return False
        if sheet in (GOALS, AREAS, ACTIVITIES):
            return self.graph.value(subject, ANDTS.partOf) is not None
        if sheet is INDICATORS:
            return self.graph.value(subject, ANDTS.indicatorOf) is not None
        if sheet is DOCUMENTS:
            return any(
                self._first_fitting(subject, sheet.column(k).predicate, sheet.column(k))
                for k in ("label", "title")
            )
        if sheet is REFERENCES:
            return self._first_fitting(subject, RDFS.label, sheet.column("label")) is not None
        return True

    # -- cells -------------------------------------------------------------------------------------
    def _text(self, column: Column, value: Node) -> str | None:
        """The cell text for ``value`` if the column reads it back unchanged, else None."""
        if column.kind not in CODECS:
            return None
        read, write = CODECS[column.kind]
        text = write(value, self.ctx)
        if not text or text != text.strip() or (column.multi and SEPARATOR in text):
            return None
        try:
            return text if same_term(read(text, self.ctx), value) else None
        except CellError:
            return None

    def _first_fitting(
        self, subject: Node, predicate: URIRef | None, column: Column
    ) -> Node | None:
        for value in _in_order(self.graph.objects(subject, predicate)):
            if self._text(column, value) is not None:
                return value
        return None

    def _cell(
        self,
        subject: URIRef,
        column: Column,
        predicate: URIRef | None = None,
        *,
        accept: Callable[[Node], bool] | None = None,
    ) -> str:
        """Fill one cell from the subject's values of the column's property; mark them done."""
        predicate = predicate or column.predicate
        if predicate is None:
            raise ValueError(f"column {column.key!r} has no property to fill it from")
        texts = []
        for value in _in_order(self.graph.objects(subject, predicate)):
            if accept is not None and not accept(value):
                continue
            text = self._text(column, value)
            if text is None:
                continue
            texts.append(text)
            self.covered.add((subject, predicate, value))
            if not column.multi:
                break
        return f"{SEPARATOR} ".join(texts)

    # -- the Plan sheet ------------------------------------------------------------------------------
    def _plan_rows(self) -> list[dict[str, str]]:
        rows = []
        for field in PLAN_FIELDS:
            values = self._plan_field(field)
            for value in values or [""]:
                rows.append(_plan_row(field, value))
        return rows

    def _plan_field(self, field: Column) -> list[str]:
        if field.key == "id":
            return [self.ctx.plan_id]
        if field.key == "interpret":
            return ["nej"]
        if field.key == "type":
            for plan_class in _in_order(self.graph.objects(self.plan, RDF.type)):
                text = self._text(field, plan_class)
                if text is not None:
                    self.covered.add((self.plan, RDF.type, plan_class))
                    return [text]
            return []
        if field.multi:
            text = self._cell(self.plan, field)
            return [text] if text else []
        # Literal fields may repeat on several rows, one value each.
        predicate = field.predicate
        if predicate is None:
            raise ValueError(f"plan field {field.key!r} has no property to fill it from")
        texts = []
        for value in _in_order(self.graph.objects(self.plan, predicate)):
            text = self._text(field, value)
            if text is not None:
                texts.append(text)
                self.covered.add((self.plan, predicate, value))
        return texts

    # -- rows ------------------------------------------------------------------------------------------
    def _id_text(self, subject: URIRef, base: str) -> str:
        text = str(subject)
        if text.startswith(base) and ID_RE.match(text[len(base) :]):
            return text[len(base) :]
        return self.ctx.ref_text(subject) or f"<{text}>"

    def _actor_row(self, actor: URIRef) -> dict[str, str]:
        row = {"id": self._id_text(actor, str(ACTOR))}
        actor_class = self.class_of[actor]
        row["type"] = self._text(ACTORS.column("type"), actor_class) or ""
        self.covered.add((actor, RDF.type, actor_class))
        for column in ACTORS.columns:
            if column.key not in ("id", "type") and column.predicate is not None:
                row[column.key] = self._cell(actor, column)
        return row

    def _row(self, sheet: Sheet, subject: URIRef) -> dict[str, str]:
        row = {"id": self._id_text(subject, str(self.ctx.ns))}
        row_class = self.class_of[subject]
        self.covered.add((subject, RDF.type, row_class))
        if sheet.has("type"):
            row["type"] = self._text(sheet.column("type"), row_class) or ""
        if sheet.component:
            self.covered.add((subject, ANDTS.inPlan, self.plan))
        for column in sheet.columns:
            if column.key in ("id", "type") or column.predicate is None:
                continue
            if column.key == "parent" and sheet in (GOALS, AREAS, ACTIVITIES):
                row["parent"] = self._parent(subject, sheet)
            elif column.key == "activity":
                row["activity"] = self._parent(subject, sheet)
            elif column in TARGET_COLUMNS:
                continue
            elif column.key == "lead":
                row["lead"] = self._cell(
                    subject,
                    column,
                    accept=lambda v: (subject, ANDTS.responsible, v) in self.graph,
                )
            else:
                row[column.key] = self._cell(subject, column)
        if sheet is INDICATORS:
            row.update(self._targets(subject))
        return row

    def _parent(self, subject: URIRef, sheet: Sheet) -> str:
        """The Ingår i / Insats cell: empty for the plan itself, else the parent row's id."""
        predicate = ANDTS.indicatorOf if sheet is INDICATORS else ANDTS.partOf
        allowed = {
            GOALS: (GOALS,),
            AREAS: (AREAS, GOALS),
            ACTIVITIES: (AREAS, GOALS),
            INDICATORS: (ACTIVITIES,),
        }[sheet]
        for parent in _in_order(self.graph.objects(subject, predicate)):
            text = self._parent_text(parent, allowed)
            if text is not None:
                self.covered.add((subject, predicate, parent))
                return text
        return ""

    def _parent_text(self, parent: Node, allowed: tuple[Sheet, ...]) -> str | None:
        if not isinstance(parent, URIRef):
            return None
        if parent == self.plan:
            return "" if allowed[-1] is not ACTIVITIES else None
        if self.sheet_of.get(parent) in allowed:
            return self.ctx.ref_text(parent)
        if not str(parent).startswith(self.ctx.ns):
            return self.ctx.ref_text(parent)
        return None

    def _targets(self, indicator: URIRef) -> dict[str, str]:
        """The first simple target in the Indikatorer columns, the others on Målvärden."""
        cells: dict[str, str] = {}
        simple = [t for t in self.graph.objects(indicator, ANDTS.target) if self._simple_target(t)]
        for target in sorted(simple, key=lambda t: self._target_key(t)):
            values = self._target_cells(target)
            self.covered.add((indicator, ANDTS.target, target))
            self.covered.update(self.graph.triples((target, None, None)))
            if not cells:
                cells = values
            else:
                self.extra_targets.append({"indicator": self.ctx.ref_text(indicator), **values})
        return cells

    def _target_key(self, target: Node) -> tuple:
        return tuple(sorted(self._target_cells(target).items()))

    def _target_cells(self, target: Node) -> dict[str, str]:
        cells = {}
        for column in TARGET_COLUMNS:
            value = self.graph.value(target, column.predicate)
            if value is not None:
                cells[column.key] = self._text(column, value) or ""
        return cells

    def _simple_target(self, target: Node) -> bool:
        """A blank node with one type, a comparator and a number, and at most a unit and a
        period, each written by its column, and pointed at by this indicator alone."""
        if not isinstance(target, BNode) or len(list(self.graph.subjects(None, target))) != 1:
            return False
        allowed: dict[Node, Column] = {
            c.predicate: c for c in TARGET_COLUMNS if c.predicate is not None
        }
        seen: dict[Node, int] = {}
        for _, predicate, value in self.graph.triples((target, None, None)):
            if predicate == RDF.type:
                if value != ANDTS.Target:
                    return False
            elif predicate not in allowed or self._text(allowed[predicate], value) is None:
                return False
            seen[predicate] = seen.get(predicate, 0) + 1
        return (
            seen.get(RDF.type) == 1
            and seen.get(ANDTS.comparator) == 1
            and seen.get(ANDTS.targetValue) == 1
            and all(n == 1 for n in seen.values())
        )

    # -- curated links -------------------------------------------------------------------------------
    def _link_rows(self) -> list[dict[str, str]]:
        rows = []
        for statement in _in_order(set(self.links.subjects(RDF.type, ANDTS.CuratedLink))):
            row = self._link_row(statement)
            if row is not None:
                rows.append(row)
        return rows

    def _link_row(self, link: Node) -> dict[str, str] | None:
        g = self.links
        values = {
            k: list(g.objects(link, p))
            for k, p in (("s", RDF.subject), ("p", RDF.predicate), ("o", RDF.object))
        }
        if not isinstance(link, URIRef) or any(len(v) != 1 for v in values.values()):
            return None
        s, p, o = values["s"][0], values["p"][0], values["o"][0]
        types = set(g.objects(link, RDF.type))
        if (s, p, o) not in g or not {RDF.Statement, ANDTS.CuratedLink} <= types:
            return None
        subject_text = self._parent_text(s, (GOALS, AREAS, ACTIVITIES, INDICATORS))
        if subject_text is None or subject_text == "":
            subject_text = self.ctx.ref_text(s) if s == self.plan else None
        predicate_text = self._text(LINKS.column("predicate"), p)
        object_text = self._link_object_text(p, o)
        if subject_text is None or predicate_text is None or object_text is None:
            return None
        rationales = [
            r
            for r in g.objects(link, ANDTS.rationale)
            if isinstance(r, Literal) and self._rationale_fits(r)
        ]
        rationale = sorted(rationales)[0] if rationales else None
        id_text = self._id_text(link, LINK)
        covered = [
            (s, p, o),
            (link, RDF.type, RDF.Statement),
            (link, RDF.type, ANDTS.CuratedLink),
            (link, RDF.subject, s),
            (link, RDF.predicate, p),
            (link, RDF.object, o),
        ]
        if rationale is not None:
            covered.append((link, ANDTS.rationale, rationale))
        self.covered_links.update(covered)
        return {
            "id": id_text,
            "subject": subject_text,
            "predicate": predicate_text,
            "object": object_text,
            "rationale": str(rationale) if rationale is not None else "",
            "lang": (rationale.language or "") if rationale is not None else "",
        }

    def _link_object_text(self, predicate: Node, obj: Node) -> str | None:
        text = write_link_object(predicate, obj, self.ctx)
        if not text:
            return None
        try:
            return text if same_term(read_link_object(predicate, text, self.ctx), obj) else None
        except CellError:
            return None

    @staticmethod
    def _rationale_fits(value: Node) -> bool:
        return (
            isinstance(value, Literal)
            and bool(value.language)
            and value.language is not None
            and value.language == value.language.lower()
            and str(value) == str(value).strip()
            and bool(str(value))
        )

    # -- everything else -----------------------------------------------------------------------------
    def _other_rows(self) -> list[dict[str, str]]:
        labels: dict[BNode, str] = {}
        rows = []
        for name, graph, covered in (
            ("plan", self.graph, self.covered),
            ("kopplingar", self.links, self.covered_links),
        ):
            left = sorted(t for t in graph if t not in covered)
            for s, p, o in _bnodes_last(left):
                rows.append(
                    {
                        "graph": name,
                        "subject": write_term(s, self.ctx, labels),
                        "predicate": write_term(p, self.ctx, labels),
                        "object": write_term(o, self.ctx, labels),
                    }
                )
        return rows


def _bnodes_last(triples: Iterable[Triple]) -> list[Triple]:
    """Statements about named things first, then those about blank nodes."""
    return sorted(triples, key=lambda t: (isinstance(t[0], BNode), str(t[0]), str(t[1]), str(t[2])))


def _in_order(nodes: Iterable[Node]) -> list[Identifier]:
    """The terms in rdflib's order (by kind, then text), so that every export of a plan
    writes its rows and cells alike."""
    return sorted(node for node in nodes if isinstance(node, Identifier))
