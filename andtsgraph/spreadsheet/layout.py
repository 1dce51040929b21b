"""The plan template's layout: its sheets, their columns, and what each column holds.

The layout is data, not code: the reader, the writer and the README table are all made from
it. Every header is Swedish with an English hint in parentheses ("Ansvarig (responsible)");
either half, or the whole header, is accepted when reading. Each column names the kind of
value it holds (see :mod:`andtsgraph.spreadsheet.values`) and the RDF property it becomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDFS, SKOS

from andtsgraph.namespaces import ANDTS

__all__ = [
    "ACTIVITIES",
    "ACTORS",
    "ACTOR_CLASSES",
    "AREAS",
    "AREA_CLASSES",
    "BIBLIOGRAPHIC_RESOURCE",
    "COMPARATOR",
    "DESCRIPTION",
    "DOCUMENTS",
    "DOCUMENT_CLASSES",
    "GOALS",
    "GOAL_CLASSES",
    "INDICATORS",
    "INSTRUCTIONS_SHEET",
    "INVOLVES",
    "LEAD",
    "LEVELS",
    "LINKS",
    "LINK_PREDICATES",
    "LISTS_SHEET",
    "METHODS",
    "NOTATION",
    "OTHER",
    "PAGE",
    "PARTNER",
    "PERIOD",
    "PLAN",
    "PLAN_CLASSES",
    "PLAN_FIELDS",
    "REFERENCES",
    "RESPONSIBLE",
    "ROW_SHEETS",
    "SECTION",
    "SHEETS",
    "SOURCE",
    "SUBSTANCES",
    "TARGETS",
    "TARGET_COLUMNS",
    "TARGET_GROUPS",
    "UNIT",
    "VALUE",
    "Column",
    "Sheet",
]

BIBLIOGRAPHIC_RESOURCE = DCTERMS.BibliographicResource

#: The actor classes of the ontology, in the order the drop-down lists them.
ACTOR_CLASSES: tuple[URIRef, ...] = (
    ANDTS.ActorGroup,
    ANDTS.Municipality,
    ANDTS.Region,
    ANDTS.Authority,
    ANDTS.Government,
    ANDTS.Committee,
    ANDTS.Administration,
    ANDTS.MunicipalCompany,
    ANDTS.Company,
    ANDTS.Network,
    ANDTS.WorkingGroup,
    ANDTS.CivilSocietyOrganisation,
    ANDTS.University,
)

PLAN_CLASSES = (ANDTS.MunicipalPlan, ANDTS.RegionalPlan, ANDTS.NationalStrategy)
GOAL_CLASSES = (ANDTS.SubGoal, ANDTS.OverarchingGoal)
AREA_CLASSES = (ANDTS.ActionArea, ANDTS.DevelopmentArea)
DOCUMENT_CLASSES = (ANDTS.PolicyDocument, ANDTS.PolicyObjective)

#: The predicates of curated links (docs/modelling.md, "Curated links").
LINK_PREDICATES = (
    ANDTS.addressesFactor,
    ANDTS.alignsWith,
    ANDTS.preventionLevel,
    ANDTS.targetGroup,
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one field of the key/value Plan sheet).

    ``kind`` names the codec of its cells (``text``, ``actor``, ``concept:substance`` …);
    ``multi`` columns hold several values separated by ``;``; ``required`` columns must be
    present in the sheet; ``choices`` names the drop-down list of the column, and ``strict``
    drop-downs refuse values not on the list.
    """

    key: str
    name: str
    hint: str
    help: str
    kind: str = "text"
    predicate: URIRef | None = None
    multi: bool = False
    required: bool = False
    choices: str | None = None
    strict: bool = False
    width: int = 18

    @property
    def header(self) -> str:
        """The header cell: ``"Ansvarig (responsible)"``."""
        return f"{self.name} ({self.hint})"


@dataclass(frozen=True)
class Sheet:
    """One sheet of the template (one CSV file in a folder).

    ``classes`` are the RDF classes its rows make (the first is the default of a ``Typ``
    column); ``id_prefix`` starts the ids made for rows without one; ``component`` rows are
    plan components (they get ``andts:inPlan`` and a source section).
    """

    key: str
    name: str
    hint: str
    help: str
    columns: tuple[Column, ...]
    classes: tuple[URIRef, ...] = ()
    id_prefix: str = ""
    required: bool = False
    component: bool = False
    aliases: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        """Return the column whose key is ``key``."""
        return next(c for c in self.columns if c.key == key)

    def has(self, key: str) -> bool:
        """Whether the sheet has a column with key ``key``."""
        return any(c.key == key for c in self.columns)


# -- columns shared by several sheets ----------------------------------------------------------
def _id(example: str, what: str) -> Column:
    return Column(
        "id",
        "ID",
        "id",
        f"Radens korta, unika id, till exempel {example}: bokstäver, siffror, punkt och bindestreck. "
        f"Lämna tomt så skapas ett. Andra rader pekar på {what} med detta id (eller med numret).\n"
        f"The row's short unique id; left empty, one is made.",
        "id",
        width=12,
    )


NOTATION = Column(
    "notation",
    "Nummer",
    "number",
    "Numret som planen ger delen, till exempel 1.2 (skos:notation). Lämna tomt om planen inte numrerar.\n"
    "The number the plan gives the part, if any.",
    "string",
    SKOS.notation,
    width=9,
)
DESCRIPTION = Column(
    "description",
    "Beskrivning",
    "description",
    "En inledande text eller förklaring (dcterms:description).\nAn introductory text.",
    "text",
    DCTERMS.description,
    width=30,
)
SECTION = Column(
    "section",
    "Avsnitt",
    "section",
    "Avsnittets nummer eller rubrik i planen (andts:sourceSection). Lämnas det tomt skrivs "
    "bladets namn och radnumret, till exempel Insatser rad 7.\n"
    "The section number or heading in your plan; left empty, the sheet and row are used.",
    "string",
    ANDTS.sourceSection,
    width=16,
)
PAGE = Column(
    "page",
    "Sida",
    "page",
    "Sidnummer i planen (andts:sourcePage), ett heltal.\nPage number in your plan.",
    "integer",
    ANDTS.sourcePage,
    width=7,
)
SOURCE = Column(
    "source",
    "Källa",
    "source",
    "Var uppgiften kommer ifrån (dcterms:source). Lämnas det tomt skrivs bladet och raden, "
    "till exempel Insatser!7.\nWhere the row comes from; left empty, the sheet and row are used.",
    "string",
    DCTERMS.source,
    width=14,
)


def _parent(help_sv: str, kind: str = "parent") -> Column:
    return Column(
        "parent",
        "Ingår i",
        "part of",
        help_sv + "\nThe id or number of the parent; empty means the plan itself.",
        kind,
        ANDTS.partOf,
        width=12,
    )


def _actors(key: str, name: str, hint: str, predicate: URIRef, help_sv: str) -> Column:
    return Column(
        key,
        name,
        hint,
        help_sv + " Flera aktörer skiljs med semikolon (;). Namnen matchas först mot den egna "
        "organisationens aktörer (Utgivare på bladet Plan), sedan mot delade nationella och "
        "regionala aktörer, aldrig mot en annan kommuns; okända namn blir nya aktörer i den "
        "egna organisationen och listas när planen läses in.\n"
        "Several actors separated by ';', matched by name to your organisation's own actors, "
        "then to shared national and regional bodies, never to another municipality's.",
        "actor",
        predicate,
        multi=True,
        choices="actors",
        width=28,
    )


RESPONSIBLE = _actors(
    "responsible",
    "Ansvarig",
    "responsible",
    ANDTS.responsible,
    "Aktörer som är ansvariga (andts:responsible), som i planens kolumn Ansvarig.",
)
LEAD = _actors(
    "lead",
    "Huvudansvarig",
    "lead",
    ANDTS.lead,
    "Den ansvariga aktör som leder och samordnar (andts:lead), om planen pekar ut en. "
    "Räknas också som ansvarig.",
)
PARTNER = _actors(
    "partner",
    "Samverkansparter",
    "partners",
    ANDTS.partner,
    "Aktörer som samverkar utan att vara ansvariga (andts:partner).",
)
INVOLVES = _actors(
    "involves",
    "Involverade",
    "involved",
    ANDTS.involves,
    "Aktörer som texten nämner som delaktiga utan att ange en roll (andts:involves).",
)


def _concepts(
    key: str, name: str, hint: str, kind: str, predicate: URIRef, list_name: str, what: str
) -> Column:
    return Column(
        key,
        name,
        hint,
        f"{what} Välj ur listan; flera skiljs med semikolon (;).\nPick from the list; several separated by ';'.",
        f"concept:{kind}",
        predicate,
        multi=True,
        choices=list_name,
        width=20,
    )


SUBSTANCES = _concepts(
    "substances",
    "Substanser",
    "substances",
    "substance",
    ANDTS.substance,
    "substances",
    "De ANDTS-områden som texten nämner (andts:substance); ANDTS nämner alla fem.",
)
TARGET_GROUPS = _concepts(
    "target_groups",
    "Målgrupper",
    "target groups",
    "group",
    ANDTS.targetGroup,
    "target_groups",
    "Målgrupper som texten nämner (andts:targetGroup).",
)
LEVELS = _concepts(
    "levels",
    "Preventionsnivå",
    "prevention level",
    "level",
    ANDTS.preventionLevel,
    "levels",
    "Preventionsnivå, om planen anger den (andts:preventionLevel): Universell, Selektiv eller Indikerad.",
)
METHODS = _concepts(
    "methods",
    "Metoder",
    "methods",
    "method",
    ANDTS.usesMethod,
    "methods",
    "Metoder, program och verktyg som texten nämner (andts:usesMethod).",
)
COMPARATOR = Column(
    "comparator",
    "Jämförelse",
    "comparator",
    "Hur målvärdet jämförs: minst, exakt eller högst (andts:comparator). Lämna målkolumnerna "
    "tomma så läses målvärdet ur texten när texten anger ett (minst 30 … per år).\n"
    "at least / exactly / at most; leave the target columns empty to read the target from the text.",
    "comparator",
    ANDTS.comparator,
    choices="comparators",
    strict=True,
    width=11,
)
VALUE = Column(
    "value",
    "Målvärde",
    "target value",
    "Målvärdets tal (andts:targetValue), till exempel 30 eller 2,5.\nThe target number.",
    "number",
    ANDTS.targetValue,
    width=10,
)
UNIT = Column(
    "unit",
    "Enhet",
    "unit",
    "Vad målvärdet räknar (andts:unit), till exempel utbildade ANDTS-coacher.\nWhat the target counts.",
    "text",
    ANDTS.unit,
    width=20,
)
PERIOD = Column(
    "period",
    "Per period",
    "per period",
    "Perioden målvärdet gäller: år, halvår, månad, vecka eller dag, eller en xsd:duration "
    "som P1Y (andts:perPeriod). Tomt om målet inte gäller per period.\n"
    "year, half-year, month, week, day, or an ISO duration.",
    "duration",
    ANDTS.perPeriod,
    choices="periods",
    width=10,
)
TARGET_COLUMNS = (COMPARATOR, VALUE, UNIT, PERIOD)


# -- the sheets --------------------------------------------------------------------------------
def _field(
    key: str,
    name: str,
    hint: str,
    help_sv: str,
    kind: str,
    predicate: URIRef | None = None,
    **kw: Any,
) -> Column:
    return Column(key, name, hint, help_sv, kind, predicate, **kw)


# The tables below are easier to read one column per line, as written.
# fmt: off
#: The fields of the key/value Plan sheet, in the order the template lists them.
PLAN_FIELDS: tuple[Column, ...] = (
    _field("id", "ID", "plan id", "Planens id, till exempel exempelby-2024-2027: små bokstäver, siffror och bindestreck. Tomt: skapas ur titeln.", "plan_id"),
    _field("type", "Typ", "kind", "Kommunal plan, Regional plan eller Nationell strategi.", "class:plan", choices="plan_kinds", strict=True),
    _field("title", "Titel", "title", "Planens titel som den står på framsidan (dcterms:title).", "text", DCTERMS.title),
    _field("label", "Namn", "label", "Namnet rapporterna visar (rdfs:label). Tomt: samma som titeln.", "text", RDFS.label),
    _field("description", "Beskrivning", "description", "Planens syfte eller sammanfattning (dcterms:description).", "text", DCTERMS.description),
    _field("identifier", "Diarienummer", "identifier", "Dnr eller annan beteckning som den står i planen (dcterms:identifier).", "string", DCTERMS.identifier),
    _field("publisher", "Utgivare", "publisher", "Den aktör vars plan det är (dcterms:publisher), till exempel kommunen.", "actor", DCTERMS.publisher, multi=True, choices="actors"),
    _field("adopted_by", "Antagen av", "adopted by", "Det organ som antog planen (andts:adoptedBy), till exempel Kommunfullmäktige.", "actor", ANDTS.adoptedBy, multi=True, choices="actors"),
    _field("adopted", "Antagen datum", "date adopted", "Dagen planen antogs, ÅÅÅÅ-MM-DD (dcterms:dateAccepted).", "date", DCTERMS.dateAccepted),
    _field("decision", "Beslut", "decision", "Beslutet som det står i planen, till exempel Kommunfullmäktige 2024-03-12 § 45 (andts:decisionReference).", "text", ANDTS.decisionReference),
    _field("owner", "Dokumentansvarig", "document owner", "Den aktör som ansvarar för dokumentet (andts:documentOwner).", "actor", ANDTS.documentOwner, multi=True, choices="actors"),
    _field("valid_from", "Gäller från", "valid from", "Första dag ÅÅÅÅ-MM-DD, eller bara året ÅÅÅÅ (andts:validFrom).", "date_or_year", ANDTS.validFrom),
    _field("valid_until", "Gäller till", "valid until", "Sista dag ÅÅÅÅ-MM-DD, eller bara året ÅÅÅÅ (andts:validUntil).", "date_or_year", ANDTS.validUntil),
    _field("target_date", "Måldatum", "target date", "Dag då indikatorerna ska vara uppfyllda, ÅÅÅÅ-MM-DD (andts:targetDate).", "date", ANDTS.targetDate),
    _field("final_report", "Slutrapport", "final report due", "När slutrapporten ska komma, med planens ord (andts:finalReportDue).", "text", ANDTS.finalReportDue),
    _field("version", "Version", "version", "Versionsnummer som det står i planen (owl:versionInfo).", "string", OWL.versionInfo),
    _field("modified", "Ändrad", "modified", "Dag då planen senast ändrades, ÅÅÅÅ-MM-DD (dcterms:modified).", "date", DCTERMS.modified),
    _field("based_on", "Utgår från", "based on", "Styrdokument planen utgår från (andts:basedOn): id från bladet Styrdokument, eller en inläst plan som plan:national-2022-2025. Flera skiljs med semikolon.", "ref", ANDTS.basedOn, multi=True),
    _field("replaces", "Ersätter", "replaces", "Dokument som planen ersätter (dcterms:replaces): id från bladet Styrdokument.", "ref", DCTERMS.replaces, multi=True),
    _field("contributes_to", "Bidrar till", "contributes to", "Styrdokument eller målbilder som planen bidrar till (andts:contributesTo): id från bladet Styrdokument.", "ref", ANDTS.contributesTo, multi=True),
    _field("conforms_to", "Förenlig med", "conforms to", "Dokument som planen säger sig vara förenlig med (dcterms:conformsTo).", "ref", DCTERMS.conformsTo, multi=True),
    _field("references", "Referenser", "references", "Källor som planen hänvisar till (dcterms:references): id från bladet Referenser.", "ref", DCTERMS.references, multi=True),
    _field("see_also", "Se även", "see also", "Webbadresser med mer om planen (rdfs:seeAlso).", "ref", RDFS.seeAlso, multi=True),
    _field("perspectives", "Perspektiv", "perspectives", "Perspektiv som ska genomsyra arbetet (andts:perspective), ur listan.", "concept:perspective", ANDTS.perspective, multi=True, choices="perspectives"),
    _field("substances", "Substanser", "substances", "ANDTS-områden som planen gäller (andts:substance), ur listan.", "concept:substance", ANDTS.substance, multi=True, choices="substances"),
    _field("target_groups", "Målgrupper", "target groups", "Målgrupper som planen riktar sig till (andts:targetGroup), ur listan.", "concept:group", ANDTS.targetGroup, multi=True, choices="target_groups"),
    _field("involves", "Involverade", "involved", "Aktörer som planen ger en roll i arbetet i stort (andts:involves).", "actor", ANDTS.involves, multi=True, choices="actors"),
    _field("source_document", "Källdokument", "source document", "Dokumentet uppgifterna kommer ifrån (andts:sourceDocument). Tomt: mallens filnamn.", "string", ANDTS.sourceDocument),
    _field("interpret", "Tolka", "interpret", "ja (standard): andtsgraph fyller i det som saknas – radens källa, avsnitt, källdokument, namn, målvärden ur indikatorernas text. nej: bara det som står i cellerna (andtsgraph export skriver nej).", "flag", choices="yes_no", strict=True),
)

PLAN = Sheet(
    "plan",
    "Plan",
    "plan",
    "Planens uppgifter, ett fält per rad: skriv värdet i kolumnen Värde. Ett fält kan upprepas på flera rader när det har flera värden.",
    (
        Column("field", "Fält", "field", "Fältets namn. Ändra inte.\nThe field's name.", "string", required=True, width=22),
        Column("value", "Värde", "value", "Fältets värde.\nThe field's value.", "string", required=True, width=60),
        Column("help", "Förklaring", "explanation", "Vad fältet betyder (läses inte in).\nWhat the field means (not read).", "string", width=90),
    ),
    PLAN_CLASSES,
    required=True,
    aliases=("plan",),
)

GOALS = Sheet(
    "goals",
    "Mål",
    "goals",
    "Planens mål: övergripande mål och delmål (målområden, långsiktiga mål).",
    (
        _id("goal-1", "målet"),
        Column("type", "Typ", "kind", "Övergripande mål eller Delmål (standard).\nOverarching goal or sub-goal (default).", "class:goal", choices="goal_kinds", strict=True, width=16),
        NOTATION,
        Column("label", "Text", "text", "Målets text med planens egna ord (rdfs:label). Krävs.\nThe goal's text. Required.", "text", RDFS.label, required=True, width=50),
        DESCRIPTION,
        _parent("Id eller nummer på det mål som målet ingår i. Tomt: planens övergripande mål om den har ett, annars planen själv."),
        SUBSTANCES,
        TARGET_GROUPS,
        SECTION,
        PAGE,
        SOURCE,
    ),
    GOAL_CLASSES,
    "goal",
    component=True,
    aliases=("goals", "mal"),
)

AREAS = Sheet(
    "areas",
    "Områden",
    "areas",
    "Utvecklingsområden (med preventionsnivå) och insatsområden (områden för samhandling).",
    (
        _id("area-1", "området"),
        Column("type", "Typ", "kind", "Insatsområde (standard) eller Utvecklingsområde.\nAction area (default) or development area.", "class:area", choices="area_kinds", strict=True, width=16),
        NOTATION,
        Column("label", "Namn", "name", "Områdets namn med planens ord (rdfs:label). Krävs.\nThe area's name. Required.", "text", RDFS.label, required=True, width=40),
        Column("alt_label", "Annat namn", "other name", "Ett annat namn som planen använder för området (skos:altLabel).\nAnother name.", "text", SKOS.altLabel, width=20),
        DESCRIPTION,
        _parent("Id eller nummer på det mål eller utvecklingsområde som området ingår i. Tomt: planen själv."),
        LEVELS,
        TARGET_GROUPS,
        INVOLVES,
        METHODS,
        SECTION,
        PAGE,
        SOURCE,
    ),
    AREA_CLASSES,
    "area",
    component=True,
    aliases=("areas", "omraden"),
)

ACTIVITIES = Sheet(
    "activities",
    "Insatser",
    "activities",
    "Insatser, aktiviteter och åtaganden: vad som ska göras och vem som gör det.",
    (
        _id("a-1.1", "insatsen"),
        NOTATION,
        Column("label", "Text", "text", "Insatsens text med planens egna ord (rdfs:label). Krävs.\nThe activity's text. Required.", "text", RDFS.label, required=True, width=60),
        DESCRIPTION,
        _parent("Id eller nummer på insatsområdet (eller målet, om planen saknar områden) som insatsen hör till."),
        RESPONSIBLE,
        LEAD,
        PARTNER,
        INVOLVES,
        SUBSTANCES,
        TARGET_GROUPS,
        LEVELS,
        METHODS,
        Column("references", "Referenser", "references", "Källor som insatsen hänvisar till (dcterms:references): id från bladet Referenser.\nReferences.", "ref", DCTERMS.references, multi=True, width=14),
        SECTION,
        PAGE,
        SOURCE,
    ),
    (ANDTS.Activity,),
    "a",
    required=True,
    component=True,
    aliases=("activities",),
)

INDICATORS = Sheet(
    "indicators",
    "Indikatorer",
    "indicators",
    "Hur insatserna följs upp. Målvärdet kan skrivas i kolumnerna Jämförelse–Per period, eller läsas ur texten (minst 30 … per år).",
    (
        _id("i-1.1-1", "indikatorn"),
        NOTATION,
        Column("label", "Text", "text", "Indikatorns text med planens egna ord (rdfs:label). Krävs.\nThe indicator's text. Required.", "text", RDFS.label, required=True, width=60),
        DESCRIPTION,
        Column("activity", "Insats", "activity", "Id eller nummer på insatsen som indikatorn följer upp (andts:indicatorOf). Krävs.\nThe activity followed up. Required.", "activity", ANDTS.indicatorOf, required=True, width=12),
        RESPONSIBLE,
        LEAD,
        PARTNER,
        INVOLVES,
        SUBSTANCES,
        TARGET_GROUPS,
        METHODS,
        *TARGET_COLUMNS,
        SECTION,
        PAGE,
        SOURCE,
    ),
    (ANDTS.Indicator,),
    "i",
    component=True,
    aliases=("indicators",),
)

TARGETS = Sheet(
    "targets",
    "Målvärden",
    "targets",
    "Fler målvärden för en indikator än det som står på bladet Indikatorer, ett per rad.",
    (
        Column("indicator", "Indikator", "indicator", "Id eller nummer på indikatorn.\nThe indicator's id or number.", "indicator", ANDTS.target, required=True, width=12),
        *(
            Column(c.key, c.name, c.hint, c.help, c.kind, c.predicate, required=c.key in ("comparator", "value"), choices=c.choices, strict=c.strict, width=c.width)
            for c in TARGET_COLUMNS
        ),
    ),
    (ANDTS.Target,),
    aliases=("targets", "malvarden"),
)

ACTORS = Sheet(
    "actors",
    "Aktörer",
    "actors",
    "Aktörer som inte finns i aktörsregistret, med typ och tillhörighet. Aktörer som inte står här och inte finns i registret blir Aktörsgrupp.",
    (
        Column("id", "ID", "id", "Aktörens id, till exempel exempelby-kommun. Tomt: skapas ur namnet.\nThe actor's id.", "actor_id", width=16),
        Column("label", "Namn", "name", "Aktörens namn (rdfs:label), som det skrivs i insatserna. Krävs.\nThe actor's name. Required.", "text", RDFS.label, required=True, width=30),
        Column("type", "Typ", "kind", "Aktörstyp ur listan; tomt: Aktörsgrupp.\nActor type; default group of actors.", "class:actor", choices="actor_kinds", strict=True, width=18),
        Column("alt_labels", "Andra namn", "other names", "Andra stavningar av namnet (skos:altLabel); flera skiljs med semikolon.\nOther spellings.", "text", SKOS.altLabel, multi=True, width=24),
        Column("parent", "Ingår i", "part of", "Den organisation aktören är en del av (org:subOrganizationOf), till exempel kommunen.\nThe organisation it belongs to.", "actor", ORG.subOrganizationOf, multi=True, choices="actors", width=24),
        DESCRIPTION,
        Column("mentioned_in", "Nämns i", "mentioned in", "De planer som nämner aktören (dcterms:source). Tomt: den här planen.\nPlans naming the actor; default this plan.", "ref", DCTERMS.source, multi=True, width=20),
    ),
    ACTOR_CLASSES,
    aliases=("actors", "aktorer"),
)

DOCUMENTS = Sheet(
    "documents",
    "Styrdokument",
    "documents",
    "Andra styrdokument som planen utgår från eller bidrar till, och deras målbilder.",
    (
        _id("agenda-2030", "dokumentet"),
        Column("type", "Typ", "kind", "Styrdokument (standard) eller Målbild eller utmaning (en målbild i ett annat dokument).\nPolicy document (default) or policy objective.", "class:document", choices="document_kinds", strict=True, width=18),
        Column("title", "Titel", "title", "Dokumentets titel (dcterms:title).\nThe document's title.", "text", DCTERMS.title, width=30),
        Column("label", "Namn", "name", "Namnet rapporterna visar (rdfs:label). Tomt: titeln.\nThe name shown; default the title.", "text", RDFS.label, width=30),
        Column("identifier", "Beteckning", "identifier", "Dnr, Skr.-nummer eller annan beteckning (dcterms:identifier).\nIdentifier.", "string", DCTERMS.identifier, width=14),
        DESCRIPTION,
        Column("part_of", "Ingår i", "part of", "För en målbild: id på dokumentet den ingår i (dcterms:isPartOf).\nFor an objective: the document it is part of.", "ref", DCTERMS.isPartOf, multi=True, width=14),
        Column("publisher", "Utgivare", "publisher", "Dokumentets utgivare (dcterms:publisher).\nPublisher.", "actor", DCTERMS.publisher, multi=True, choices="actors", width=20),
        SECTION,
        SOURCE,
    ),
    DOCUMENT_CLASSES,
    "doc",
    aliases=("documents", "styrdokument"),
)

REFERENCES = Sheet(
    "references",
    "Referenser",
    "references",
    "Källor som planen hänvisar till: rapporter, undersökningar, webbsidor.",
    (
        _id("ref-1", "referensen"),
        Column("label", "Namn", "name", "Kort namn på källan (rdfs:label). Krävs.\nShort name. Required.", "text", RDFS.label, required=True, width=30),
        Column("title", "Titel", "title", "Källans titel (dcterms:title).\nTitle.", "text", DCTERMS.title, width=30),
        Column("citation", "Hänvisning", "citation", "Hänvisningen som den står i planen (dcterms:bibliographicCitation).\nThe citation as printed.", "text", DCTERMS.bibliographicCitation, width=50),
        Column("publisher", "Utgivare", "publisher", "Källans utgivare (dcterms:publisher).\nPublisher.", "actor", DCTERMS.publisher, multi=True, choices="actors", width=20),
        SOURCE,
    ),
    (BIBLIOGRAPHIC_RESOURCE,),
    "ref",
    aliases=("references", "referenser"),
)

LINKS = Sheet(
    "links",
    "Kopplingar",
    "links",
    "Frivilligt: egna tolkningar som planen inte själv säger – vilken risk- eller skyddsfaktor en insats påverkar, vilket nationellt mål ett mål stämmer med – med motivering. Hålls isär från planen.",
    (
        Column("id", "ID", "id", "Kopplingens id. Tomt: skapas.\nThe link's id; made when empty.", "link_id", width=14),
        Column("subject", "Från", "from", "Id eller nummer på målet, området eller insatsen.\nThe goal, area or activity.", "link_subject", required=True, width=12),
        Column("predicate", "Koppling", "link", "påverkar faktor, stämmer med mål, preventionsnivå eller målgrupp.\nThe kind of link.", "predicate", required=True, choices="link_kinds", strict=True, width=18),
        Column("object", "Till", "to", "Faktorn, nivån eller målgruppen ur listan, eller ett nationellt mål: Nationellt mål 1.\nThe factor, level, group, or national goal.", "link_object", required=True, choices="link_targets", width=36),
        Column("rationale", "Motivering", "rationale", "Varför kopplingen görs (andts:rationale).\nWhy the link is made.", "text", ANDTS.rationale, width=60),
        Column("lang", "Språk", "language", "Motiveringens språk: sv (standard) eller en.\nThe rationale's language.", "lang", choices="languages", strict=True, width=8),
    ),
    (ANDTS.CuratedLink,),
    aliases=("links", "kopplingar"),
)

OTHER = Sheet(
    "other",
    "Övrigt",
    "other",
    "Uppgifter som inget annat blad rymmer, som RDF-påståenden i Turtle-form: :id för planens egna delar, prefix:namn, <IRI>, \"text\"@sv. Behövs sällan.",
    (
        Column("graph", "Graf", "graph", "plan (standard) eller kopplingar.\nplan (default) or links.", "graph", choices="graphs", strict=True, width=11),
        Column("subject", "Subjekt", "subject", "Subjektet: :id, prefix:namn, <IRI> eller _:namn.\nThe subject.", "term", required=True, width=34),
        Column("predicate", "Predikat", "predicate", "Predikatet: prefix:namn eller <IRI>.\nThe predicate.", "term", required=True, width=26),
        Column("object", "Objekt", "object", "Objektet: :id, prefix:namn, <IRI>, _:namn, \"text\"@sv, \"2022\"^^xsd:gYear, 5.\nThe object.", "term", required=True, width=60),
    ),
    aliases=("other", "ovrigt"),
)

# fmt: on

#: Every sheet the reader knows, in workbook order.
SHEETS: tuple[Sheet, ...] = (
    PLAN,
    GOALS,
    AREAS,
    ACTIVITIES,
    INDICATORS,
    TARGETS,
    ACTORS,
    DOCUMENTS,
    REFERENCES,
    LINKS,
    OTHER,
)

#: Sheets made from the plan's own rows (one RDF node per row), in the order ids are looked up.
ROW_SHEETS: tuple[Sheet, ...] = (GOALS, AREAS, ACTIVITIES, INDICATORS, DOCUMENTS, REFERENCES)

#: Sheets andtsgraph writes for people and never reads.
INSTRUCTIONS_SHEET = "Instruktioner"
LISTS_SHEET = "Listor"
