"""A synthetic national corpus: N invented ANDTS plans in the project's real model.

Sweden has 290 municipalities and 21 regions; :func:`synthetic_corpus` invents that many plans
(or fewer) so that loading, validation, every catalog query, the gap analysis and the network
analysis can be measured and tested at national scale. The plans are *invented*: every name
says "Syntet…", every IRI starts with ``…/plan/synthetic-`` or ``…/actor/synthetic-``, and every
node carries ``dcterms:source "synthetic"``. They follow ``docs/modelling.md`` exactly:

- a plan (municipal or regional) with title, label, issuer, adopting body, adoption date,
  validity, ``andts:basedOn`` the national strategy (and, for a municipality, its region's plan
  when the corpus holds it) and perspectives;
- an overarching goal and six sub-goals, each aligned with the national goal of the same number
  by a curated link with its rationale (now and then one is left out, so there are gaps);
- two or three action areas per sub-goal (rarely none), ``activities_per_plan`` activities
  spread over them, each with responsible actors (sometimes a lead, always also asserted as
  responsible), partners from the municipality's own committees, its region and the shared
  national actors of ``data/actors/shared.ttl``, substances, target groups, prevention levels,
  methods and a source section;
- indicators (most activities have one or two), about four in ten with a machine-readable
  target; curated links from activities to the real risk and protective factors of
  ``data/vocab/factors.ttl``, each with its rationale.

Each plan is one TriG document holding three named graphs: the plan's own graph
(``…/graph/plan/<id>``), its local actors in the actor registry graph (``…/graph/actors``) and
its curated links in the links graph (``…/graph/links``). The regions, county administrative
boards, regional networks and municipalities the plans name are in one more document,
``synthetic-actors.trig``. The output is deterministic: the same arguments give the same text.

Examples
--------
>>> corpus = synthetic_corpus(3, seed=1, activities_per_plan=5)
>>> corpus.plan_ids
('synthetic-region-01-2023-2027', 'synthetic-kommun-001-2022-2025', 'synthetic-kommun-002-2024-2027')
>>> list(corpus.documents)[0]
'synthetic-actors.trig'
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from andtsgraph.errors import OutputExistsError
from andtsgraph.messages import text as _msg
from andtsgraph.namespaces import ACTORS_GRAPH, BASE, LINKS_GRAPH, PLAN, plan_graph

__all__ = [
    "MUNICIPALITIES",
    "NATIONAL_PLAN",
    "REGIONS",
    "SyntheticCorpus",
    "municipality_region",
    "plan_mix",
    "synthetic_corpus",
    "write_corpus",
]

#: Sweden's municipalities and regions: the default national corpus.
MUNICIPALITIES = 290
REGIONS = 21
NATIONAL_PLAN = str(PLAN) + "national-2022-2025"

_PREFIXES = f"""\
@prefix andts:   <{BASE}ontology#> .
@prefix plan:    <{PLAN}> .
@prefix nat:     <{NATIONAL_PLAN}/> .
@prefix actor:   <{BASE}actor/> .
@prefix link:    <{BASE}link/> .
@prefix substance: <{BASE}vocab/substance/> .
@prefix level:   <{BASE}vocab/prevention-level/> .
@prefix factor:  <{BASE}vocab/factor/> .
@prefix group:   <{BASE}vocab/target-group/> .
@prefix method:  <{BASE}vocab/method/> .
@prefix perspective: <{BASE}vocab/perspective/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

_SOURCE = 'dcterms:source "synthetic"'

# ---- vocabularies of the bundled data (data/vocab/, data/actors/shared.ttl) -----------------
_SUBSTANCES = ("alkohol", "narkotika", "dopning", "tobak", "spel")
_LEVELS = ("universell", "selektiv", "indikerad")
_GROUPS = (
    "barn-och-unga",
    "foraldrar",
    "elever",
    "vuxna",
    "aldre",
    "hela-befolkningen",
    "personal-som-moter-barn-och-unga",
    "personer-med-riskbruk-eller-beroende",
    "foreningar",
)
_METHODS = (
    "foraldraskapsstod",
    "ansvarsfull-alkoholservering",
    "situationell-prevention",
    "andts-coach",
    "kronobarnsmodellen",
)
_PERSPECTIVES = ("kon", "alder", "socioekonomisk-tillhorighet", "jamstalldhet", "jamlikhet")
_NATIONAL_ACTORS = ("polisen", "folkhalsomyndigheten", "skatteverket", "ideburen-sektor")

#: The six long-term national goals and, for each, the themes of the action areas under it:
#: (area name, activities, factors an activity there may address).
_THEMES: dict[int, list[tuple[str, list[str], list[str]]]] = {
    1: [
        (
            "Tillsyn och tillstånd",
            [
                "Genomföra samordnad tillsyn av serveringsställen och butiker som säljer folköl",
                "Genomföra kontrollköp av tobak och nikotinprodukter",
                "Följa upp tillståndshavare som brutit mot alkohollagen",
            ],
            ["tillganglighet", "langning"],
        ),
        (
            "Ansvarsfull servering",
            [
                "Erbjuda utbildning i ansvarsfull alkoholservering till krögare och personal",
                "Arbeta för att restaurangerna följer riktlinjerna för ansvarsfull servering",
            ],
            ["tillganglighet", "tillatande-attityder"],
        ),
        (
            "Spel om pengar",
            [
                "Informera om riskerna med spel om pengar i skolor och föreningar",
                "Kartlägga tillgången till spel om pengar i kommunen",
            ],
            ["tillganglighet", "tillatande-attityder"],
        ),
    ],
    2: [
        (
            "Stöd till föräldrar",
            [
                "Erbjuda föräldraskapsstöd till föräldrar med barn i tonåren",
                "Genomföra föräldramöten om alkohol och narkotika i årskurs 7",
                "Sprida kunskap till föräldrar om langning",
            ],
            ["foraldraformaga", "goda-relationer-vuxna-barn", "langning"],
        ),
        (
            "Trygga miljöer för barn och unga",
            [
                "Genomföra vuxenvandringar i centrum under helger",
                "Samverka kring trygga offentliga miljöer kring skolor och fritidsgårdar",
            ],
            ["halsoframmande-fysisk-miljo", "oppen-narkotikaforsaljning"],
        ),
        (
            "Barn i familjer med missbruk",
            [
                "Erbjuda stödgrupper för barn som växer upp i familjer med missbruk",
                "Utbilda personal i att uppmärksamma barn som far illa",
            ],
            ["otrygga-uppvaxtvillkor", "foralder-beroende-eller-spelproblem"],
        ),
    ],
    3: [
        (
            "Skolans förebyggande arbete",
            [
                "Genomföra ANDTS-undervisning enligt en gemensam plan i grundskolan",
                "Arbeta med elevhälsans främjande insatser för att stärka skolnärvaron",
                "Genomföra drogvaneundersökning bland elever i årskurs 9 och gymnasiet",
            ],
            ["skyddande-skolmiljo", "samre-skolprestationer", "social-kompetens"],
        ),
        (
            "Fritid och föreningsliv",
            [
                "Erbjuda drogfria fritidsaktiviteter under lov och helger",
                "Stödja föreningar att ta fram ANDTS-policyer",
            ],
            ["delaktighet", "tillatande-attityder"],
        ),
    ],
    4: [
        (
            "Tidig upptäckt",
            [
                "Utbilda personal i primärvården i att fråga om alkoholvanor",
                "Erbjuda rådgivande samtal om alkohol och spel",
            ],
            ["eget-bruk", "individuella-forutsattningar"],
        ),
        (
            "Arbetsplatser",
            [
                "Ta fram en ANDTS-policy för kommunens arbetsplatser",
                "Utbilda chefer i att agera vid misstanke om missbruk",
            ],
            ["eget-bruk", "tillatande-attityder"],
        ),
    ],
    5: [
        (
            "Samordnad vård och stöd",
            [
                "Utveckla samverkan mellan socialtjänst och beroendevård",
                "Erbjuda samordnad individuell plan till personer med samsjuklighet",
            ],
            ["egna-resurser", "eget-bruk"],
        ),
        (
            "Stöd till anhöriga",
            [
                "Erbjuda anhörigstöd till närstående till personer med beroende",
                "Informera om var anhöriga kan få stöd",
            ],
            ["foralder-beroende-eller-spelproblem", "goda-relationer-vuxna-barn"],
        ),
    ],
    6: [
        (
            "Skador och dödsfall",
            [
                "Arbeta för att minska rattfylleri genom samverkan med polisen",
                "Genomföra insatser mot överdoser i samverkan med beroendevården",
                "Förebygga alkoholrelaterat våld i krogmiljö",
            ],
            ["eget-bruk", "vald-i-hemmet"],
        ),
        (
            "Äldres hälsa",
            [
                "Utbilda personal inom äldreomsorgen om äldre och alkohol",
                "Informera äldre om läkemedel och alkohol",
            ],
            ["eget-bruk", "egna-resurser"],
        ),
    ],
}

_NATIONAL_GOAL_NAMES = {
    1: "Tillgången till alkohol, narkotika, dopningsmedel, tobak och spel om pengar ska minska",
    2: "Barn och unga ska skyddas mot skadliga effekter av ANDTS",
    3: "Färre barn och unga ska börja använda narkotika, dopningsmedel och tobak eller debutera tidigt med alkohol och spel",
    4: "Färre personer ska utveckla skadligt bruk eller beroende",
    5: "Personer med skadligt bruk eller beroende ska ha tillgång till vård och stöd av god kvalitet",
    6: "Färre personer ska skadas eller dö av sitt eget eller andras bruk",
}

#: A municipality's committees: (slug, label). Some sit in the local ANDTS network, some not.
_COMMITTEES = (
    ("kommunstyrelsen", "Kommunstyrelsen"),
    ("socialnamnden", "Socialnämnden"),
    ("barn-och-utbildningsnamnden", "Barn- och utbildningsnämnden"),
    ("kultur-och-fritidsnamnden", "Kultur- och fritidsnämnden"),
    ("miljo-och-halsoskyddsnamnden", "Miljö- och hälsoskyddsnämnden"),
    ("tekniska-namnden", "Tekniska nämnden"),
    ("aldrenamnden", "Äldrenämnden"),
    ("gymnasienamnden", "Gymnasienämnden"),
)

_INDICATOR_TEXTS = (
    "Antal genomförda insatser",
    "Andel deltagare som är nöjda med insatsen",
    "Uppföljning av insatsen i årsrapporten",
    "Antal deltagare",
)

#: (comparator, words, unit): machine-readable targets and the text that states them.
_TARGETS = (
    ("atLeast", "Minst {n} {unit} per år", "genomförda tillfällen"),
    ("atLeast", "Minst {n} {unit} per år", "utbildade medarbetare"),
    ("exactly", "{n} {unit} per år", "uppföljningsmöten"),
    ("atMost", "Högst {n} {unit} per år", "sålda partier till minderåriga vid kontrollköp"),
)


@dataclass(frozen=True)
class _Body:
    """An actor of the synthetic registry."""

    iri: str  # prefixed name, e.g. actor:synthetic-kommun-001
    cls: str  # e.g. andts:Committee
    label: str
    extra: tuple[str, ...] = ()  # further predicate-object pairs, Turtle

    def turtle(self) -> str:
        lines = [f'{self.iri} a {self.cls} ; rdfs:label "{self.label}"@sv']
        lines += list(self.extra)
        lines.append(_SOURCE)
        return " ;\n    ".join(lines) + " .\n"


@dataclass(frozen=True)
class _PlanSpec:
    """Who issues a synthetic plan, and what it may build on."""

    index: int  # 1-based number of the municipality or region
    kind: str  # "municipal" or "regional"
    region: int
    years: tuple[int, int]

    @property
    def slug(self) -> str:
        return (
            f"synthetic-kommun-{self.index:03d}"
            if self.kind == "municipal"
            else f"synthetic-region-{self.index:02d}"
        )

    @property
    def plan_id(self) -> str:
        return f"{self.slug}-{self.years[0]}-{self.years[1]}"

    @property
    def name(self) -> str:
        return (
            f"Syntetkommun {self.index:03d}"
            if self.kind == "municipal"
            else f"Syntetregion {self.index:02d}"
        )


@dataclass(frozen=True)
class SyntheticCorpus:
    """A generated corpus: TriG documents by file name, and the ids of its plans.

    Attributes
    ----------
    n_plans, seed, activities_per_plan : int
        The arguments it was made with.
    plan_ids : tuple of str
        The plans' ids, regional plans first.
    documents : dict
        File name → TriG text: ``synthetic-actors.trig`` (regions, county administrative
        boards, regional networks, municipalities), then one document per plan.
    """

    n_plans: int
    seed: int
    activities_per_plan: int
    plan_ids: tuple[str, ...]
    documents: dict[str, str] = field(repr=False)

    def write(self, directory: str | Path, *, force: bool = False) -> list[Path]:
        """Write every document into ``directory`` (created if missing); return the paths.

        With ``force``, files of the same names are overwritten, and the folder's other
        ``synthetic-*.trig`` files (of an earlier, larger corpus) are removed, so that loading
        the folder gives this corpus alone. Other files are never touched.

        Raises
        ------
        OutputExistsError
            If one of the files, or another corpus's, exists already and ``force`` is false,
            or ``directory`` is a file (nothing is written then).

        Examples
        --------
        >>> import tempfile
        >>> paths = synthetic_corpus(2, activities_per_plan=3).write(tempfile.mkdtemp())
        >>> [p.name for p in paths][0]
        'synthetic-actors.trig'
        """
        directory = Path(directory)
        if directory.exists() and not directory.is_dir():
            raise OutputExistsError(_msg("errors.file_not_folder", path=directory), forced=False)
        existing = sorted(
            {directory / name for name in self.documents if (directory / name).exists()}
            | set(directory.glob("synthetic-*.trig"))
        )
        if existing and not force:
            raise OutputExistsError(
                _msg(
                    "errors.corpus_exists",
                    path=existing[0],
                    more=len(existing) - 1,
                    n=len(existing),
                )
            )
        from andtsgraph.output import staged

        # Written whole or not at all: every file goes to a temporary folder first.
        with staged([directory], force=force, folders=[directory]) as (temporary,):
            for name, text in self.documents.items():
                (temporary / name).write_text(text, encoding="utf-8")
        for stale in sorted(directory.glob("synthetic-*.trig")):
            if stale.name not in self.documents:
                stale.unlink()
        return [directory / name for name in self.documents]

    def dataset(self) -> Dataset:
        """Parse every document into one rdflib Dataset (slow for large corpora).

        Examples
        --------
        >>> ds = synthetic_corpus(1, activities_per_plan=2).dataset()
        >>> len(ds) > 0
        True
        """
        ds = Dataset()
        for text in self.documents.values():
            ds.parse(data=text, format="trig")
        return ds


def plan_mix(n_plans: int) -> tuple[int, int]:
    """Return how many of ``n_plans`` are regional and how many municipal.

    The national proportion, 21 regions to 290 municipalities, with at least one region once
    there are two plans (so that municipal plans have a regional plan to build on).

    Examples
    --------
    >>> plan_mix(311), plan_mix(100), plan_mix(10), plan_mix(1)
    ((21, 290), (7, 93), (1, 9), (0, 1))
    """
    if n_plans < 0:
        raise ValueError("n_plans must not be negative")
    regions = min(REGIONS, round(n_plans * REGIONS / (REGIONS + MUNICIPALITIES)))
    if n_plans >= 2:
        regions = max(1, regions)
    return regions, n_plans - regions


def synthetic_corpus(n_plans: int, seed: int = 0, activities_per_plan: int = 50) -> SyntheticCorpus:
    """Generate ``n_plans`` synthetic plans (regional and municipal) in the project's model.

    Parameters
    ----------
    n_plans : int
        How many plans; 311 gives Sweden's 21 regions and 290 municipalities.
    seed : int
        The random seed; the same arguments always give the same documents.
    activities_per_plan : int
        Activities in each plan (exactly this many).

    Returns
    -------
    SyntheticCorpus

    Examples
    --------
    >>> corpus = synthetic_corpus(311)
    >>> len(corpus.plan_ids), sum(i.startswith("synthetic-region") for i in corpus.plan_ids)
    (311, 21)
    """
    if activities_per_plan < 1:
        raise ValueError("activities_per_plan must be at least 1")
    n_regions, n_municipalities = plan_mix(n_plans)
    specs = _plan_specs(n_regions, n_municipalities, seed)
    regional_plans = {s.region: s.plan_id for s in specs if s.kind == "regional"}
    regions = sorted({s.region for s in specs})
    documents = {"synthetic-actors.trig": _shared_actors(regions)}
    for spec in specs:
        rng = random.Random(f"andtsgraph-synthetic:{seed}:{spec.plan_id}")
        builder = _PlanBuilder(spec, rng, activities_per_plan, regional_plans.get(spec.region))
        documents[f"{spec.plan_id}.trig"] = builder.trig()
    return SyntheticCorpus(
        n_plans=n_plans,
        seed=seed,
        activities_per_plan=activities_per_plan,
        plan_ids=tuple(s.plan_id for s in specs),
        documents=documents,
    )


def write_corpus(
    directory: str | Path,
    n_plans: int,
    seed: int = 0,
    activities_per_plan: int = 50,
    *,
    force: bool = False,
) -> list[Path]:
    """Generate a corpus with :func:`synthetic_corpus` and write it into ``directory``.

    Returns the written files, ready for ``andtsgraph.load(paths)``.

    Examples
    --------
    >>> import tempfile, andtsgraph
    >>> paths = write_corpus(tempfile.mkdtemp(), 2, activities_per_plan=4)
    >>> kg = andtsgraph.load(paths)
    >>> sorted(p.activities for p in kg.plans if p.id.startswith("synthetic"))
    [4, 4]
    """
    return synthetic_corpus(n_plans, seed, activities_per_plan).write(directory, force=force)


def municipality_region(index: int) -> int:
    """Return the region (1–21) of synthetic municipality ``index`` (1–290): round robin.

    Examples
    --------
    >>> municipality_region(1), municipality_region(21), municipality_region(22)
    (1, 21, 1)
    """
    return (index - 1) % REGIONS + 1


def _plan_specs(n_regions: int, n_municipalities: int, seed: int) -> list[_PlanSpec]:
    years = random.Random(f"andtsgraph-synthetic-years:{seed}")
    specs = []
    for r in range(1, n_regions + 1):
        start = years.choice((2022, 2023, 2024))
        specs.append(_PlanSpec(r, "regional", r, (start, start + years.choice((3, 4)))))
    for m in range(1, n_municipalities + 1):
        start = years.choice((2022, 2023, 2024, 2025))
        specs.append(
            _PlanSpec(m, "municipal", municipality_region(m), (start, start + years.choice((3, 4))))
        )
    return specs


def _own(owner: str, slug: str) -> str:
    """An organisation's own body, named under the organisation (docs/modelling.md, "Actors");
    written as a full IRI, since a Turtle prefixed name cannot hold the "/"."""
    return f"<{BASE}actor/{owner}/{slug}>"


def _region_bodies(region: int) -> list[_Body]:
    """The region, its county administrative board, network, working group and municipalities."""
    r = f"{region:02d}"
    municipalities = [m for m in range(1, MUNICIPALITIES + 1) if municipality_region(m) == region]
    members = [f"actor:synthetic-kommun-{m:03d}" for m in municipalities]
    bodies = [
        _Body(f"actor:synthetic-region-{r}", "andts:Region", f"Syntetregion {r}"),
        _Body(f"actor:synthetic-lansstyrelsen-{r}", "andts:Authority", f"Syntetlänsstyrelsen {r}"),
        _Body(
            f"actor:synthetic-region-{r}-kommunerna",
            "andts:ActorGroup",
            f"Kommunerna i Syntetregion {r}",
            (f"org:hasMember {' , '.join(members)}",),
        ),
        _Body(
            f"actor:synthetic-region-{r}-andts-natverk",
            "andts:Network",
            f"Regionalt ANDTS-nätverk, Syntetregion {r}",
            (
                "org:hasMember "
                + " , ".join(
                    [
                        f"actor:synthetic-region-{r}",
                        f"actor:synthetic-lansstyrelsen-{r}",
                        "actor:polisen",
                        *members,
                    ]
                ),
                f"andts:coordinatedBy actor:synthetic-lansstyrelsen-{r}",
            ),
        ),
        _Body(
            f"actor:synthetic-region-{r}-beredningsgrupp",
            "andts:WorkingGroup",
            f"Beredningsgruppen, Syntetregion {r}",
            (f"org:subOrganizationOf actor:synthetic-region-{r}-andts-natverk",),
        ),
    ]
    bodies += [
        _Body(f"actor:synthetic-kommun-{m:03d}", "andts:Municipality", f"Syntetkommun {m:03d}")
        for m in municipalities
    ]
    return bodies


def _shared_actors(regions: Iterable[int]) -> str:
    body = "".join(b.turtle() for r in regions for b in _region_bodies(r))
    return (
        "# Synthetic actors shared by the synthetic plans (invented; andtsgraph.testing.synthetic).\n"
        + _PREFIXES
        + f"\n<{ACTORS_GRAPH}> {{\n{body}}}\n"
    )


def _text(value: str) -> str:
    """A Turtle string literal (the generator's texts hold no quotes or backslashes)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _PlanBuilder:
    """Writes one synthetic plan as TriG: its graph, its local actors and its curated links."""

    def __init__(
        self, spec: _PlanSpec, rng: random.Random, activities: int, regional_plan: str | None
    ) -> None:
        self.spec = spec
        self.rng = rng
        self.n_activities = activities
        self.regional_plan = regional_plan if spec.kind == "municipal" else None
        self.plan = f"plan:{spec.plan_id}"
        self.prefix = f"@prefix p:       <{PLAN}{spec.plan_id}/> .\n"  # parts: p:a-1-2-3
        self.plan_lines: list[str] = []
        self.link_lines: list[str] = []
        self.local = self._local_actors()

    # -- actors ----------------------------------------------------------------------------
    def _local_actors(self) -> list[_Body]:
        spec = self.spec
        if spec.kind == "regional":
            return []  # a region's bodies are shared (synthetic-actors.trig)
        town = f"actor:{spec.slug}"
        unit = f"org:unitOf {town}"
        committees = [
            _Body(
                _own(spec.slug, slug),
                "andts:Committee",
                f"{label}, {spec.name}",
                (f"org:subOrganizationOf {town}", unit),
            )
            for slug, label in _COMMITTEES
        ]
        # Some committees sit in the local network, the others are reported (Info) as
        # responsible actors outside any collaboration: as in the real plans.
        members = [c.iri for c in committees if self.rng.random() < 0.6]
        network = _Body(
            _own(spec.slug, "andts-natverk"),
            "andts:Network",
            f"Lokalt ANDTS-nätverk, {spec.name}",
            ((f"org:hasMember {' , '.join([town, *members])}",) if members else ()) + (unit,),
        )
        working_group = _Body(
            _own(spec.slug, "styrgrupp"),
            "andts:WorkingGroup",
            f"Styrgruppen för ANDTS, {spec.name}",
            (f"org:subOrganizationOf {network.iri}", unit),
        )
        council = _Body(
            _own(spec.slug, "kommunfullmaktige"),
            "andts:Committee",
            f"Kommunfullmäktige, {spec.name}",
            (f"org:subOrganizationOf {town}", unit),
        )
        return [*committees, network, working_group, council]

    def _carriers(self) -> list[str]:
        """Actors that can be responsible for an activity."""
        if self.spec.kind == "municipal":
            # The committees and the steering group; not the network, not the council.
            return [b.iri for b in self.local[: len(_COMMITTEES)]] + [self.local[-2].iri]
        r = f"{self.spec.region:02d}"
        return [
            f"actor:synthetic-region-{r}",
            f"actor:synthetic-lansstyrelsen-{r}",
            f"actor:synthetic-region-{r}-beredningsgrupp",
            f"actor:synthetic-region-{r}-andts-natverk",
        ]

    def _partners(self) -> list[str]:
        """Actors that can be partners: local, regional and national."""
        r = f"{self.spec.region:02d}"
        regional = [
            f"actor:synthetic-region-{r}",
            f"actor:synthetic-lansstyrelsen-{r}",
            f"actor:synthetic-region-{r}-andts-natverk",
        ]
        national = [f"actor:{a}" for a in _NATIONAL_ACTORS]
        if self.spec.kind == "municipal":
            return [*self._carriers(), *regional, *national]
        towns = [
            f"actor:synthetic-kommun-{m:03d}"
            for m in range(1, MUNICIPALITIES + 1)
            if municipality_region(m) == self.spec.region
        ]
        return [f"actor:synthetic-region-{r}-kommunerna", *towns[:6], *national]

    # -- the document ------------------------------------------------------------------------
    def trig(self) -> str:
        self._plan_node()
        self._goals_and_activities()
        actors = "".join(b.turtle() for b in self.local)
        return (
            f"# Synthetic plan {self.spec.plan_id} (invented; andtsgraph.testing.synthetic).\n"
            + _PREFIXES
            + self.prefix
            + f"\n<{plan_graph(self.spec.plan_id)}> {{\n"
            + "".join(self.plan_lines)
            + "}\n"
            + (f"\n<{ACTORS_GRAPH}> {{\n{actors}}}\n" if actors else "")
            + f"\n<{LINKS_GRAPH}> {{\n"
            + "".join(self.link_lines)
            + "}\n"
        )

    def _plan_node(self) -> None:
        spec, rng = self.spec, self.rng
        start, end = spec.years
        kind = "andts:MunicipalPlan" if spec.kind == "municipal" else "andts:RegionalPlan"
        title = (
            f"ANDTS-plan för {spec.name} {start}–{end}"
            if spec.kind == "municipal"
            else f"Regional handlingsplan ANDTS, {spec.name} {start}–{end}"
        )
        publisher = f"actor:{spec.slug}"
        adopted_by = (
            _own(spec.slug, "kommunfullmaktige")
            if spec.kind == "municipal"
            else f"actor:synthetic-region-{spec.region:02d}"
        )
        # Validity: a full date or, as Kronoberg prints it, only the years.
        if rng.random() < 0.7:
            valid = f'andts:validFrom "{start}-01-01"^^xsd:date ; andts:validUntil "{end}-12-31"^^xsd:date'
        else:
            valid = f'andts:validFrom "{start}"^^xsd:gYear ; andts:validUntil "{end}"^^xsd:gYear'
        based_on = [NATIONAL_PLAN] + (
            [str(PLAN) + self.regional_plan] if self.regional_plan else []
        )
        perspectives = rng.sample(_PERSPECTIVES, rng.randint(1, 3))
        self.plan_lines.append(
            f"{self.plan} a {kind} ;\n"
            f"    dcterms:title {_text(title)}@sv ;\n"
            f"    rdfs:label {_text(title)}@sv ;\n"
            f'    dcterms:identifier "SYN-{start - 1}/{spec.index:03d}" ;\n'
            f"    dcterms:publisher {publisher} ;\n"
            f"    andts:adoptedBy {adopted_by} ;\n"
            f'    dcterms:dateAccepted "{start - 1}-{rng.randint(9, 12):02d}-{rng.randint(10, 28)}"^^xsd:date ;\n'
            f"    {valid} ;\n"
            f"    andts:basedOn {' , '.join(f'<{p}>' for p in based_on)} ;\n"
            f"    andts:perspective {' , '.join('perspective:' + p for p in perspectives)} ;\n"
            f'    andts:sourceDocument "synthetic" ;\n'
            f"    {_SOURCE} .\n"
        )

    def _component(
        self,
        local: str,
        cls: str,
        label: str,
        parent: str,
        section: str,
        more: Sequence[str] = (),
    ) -> str:
        iri = f"p:{local}"
        lines = [
            f"{iri} a {cls}",
            f"rdfs:label {_text(label)}@sv",
            f"andts:inPlan {self.plan}",
            f"andts:partOf {parent}",
            f"andts:sourceSection {_text(section)}",
            *more,
            _SOURCE,
        ]
        self.plan_lines.append(" ;\n    ".join(lines) + " .\n")
        return iri

    def _align(self, part: str, local: str, goal: int, why: str) -> None:
        nat = f"nat:goal-{goal}"
        link = f"link:{self.spec.plan_id}-{local}-alignswith-nat-goal-{goal}"
        self.link_lines.append(
            f"{part} andts:alignsWith {nat} .\n"
            f"{link} a rdf:Statement , andts:CuratedLink ;\n"
            f"    rdf:subject {part} ; rdf:predicate andts:alignsWith ; rdf:object {nat} ;\n"
            f"    andts:rationale {_text(why)}@en ;\n    {_SOURCE} .\n"
        )

    def _addresses(self, activity: str, local: str, factor: str) -> None:
        link = f"link:{self.spec.plan_id}-{local}-addresses-{factor}"
        self.link_lines.append(
            f"{activity} andts:addressesFactor factor:{factor} .\n"
            f"{link} a rdf:Statement , andts:CuratedLink ;\n"
            f"    rdf:subject {activity} ; rdf:predicate andts:addressesFactor ; rdf:object factor:{factor} ;\n"
            f'    andts:rationale "Synthetic: the activity works on this factor by construction."@en ;\n'
            f"    {_SOURCE} .\n"
        )

    def _goals_and_activities(self) -> None:
        rng = self.rng
        top = self._component(
            "goal-0",
            "andts:OverarchingGoal",
            f"Minskade skador av alkohol, narkotika, dopning, tobak och spel i {self.spec.name}",
            self.plan,
            "1",
        )
        self._align(top, "goal-0", 0, "Synthetic: the overarching goal restates the national one.")
        areas: list[tuple[str, str, list[str], list[str]]] = []  # (iri, section, texts, factors)
        for g in range(1, 7):
            goal = self._component(
                f"goal-{g}", "andts:SubGoal", _NATIONAL_GOAL_NAMES[g], top, f"1.{g}"
            )
            # Most goals are aligned with their national goal; some are not (a gap to find).
            if rng.random() < 0.9:
                self._align(goal, f"goal-{g}", g, f"Synthetic: goal {g} follows national goal {g}.")
            themes = _THEMES[g]
            # Now and then a goal has no action area: a goal nothing carries out.
            count = 0 if rng.random() < 0.03 else rng.randint(2, 3)
            for k in range(1, count + 1):
                name, texts, factors = themes[(k - 1) % len(themes)]
                section = f"1.{g}.{k}"
                area = self._component(
                    f"area-{g}-{k}", "andts:ActionArea", name, goal, section, [_notation(section)]
                )
                areas.append((area, section, texts, factors))
        if not areas:  # every goal came out empty: keep the plan usable
            areas.append(
                (
                    self._component(
                        "area-1-1",
                        "andts:ActionArea",
                        "Övrigt",
                        top,
                        "1.1.1",
                        ['skos:notation "1.1.1"'],
                    ),
                    "1.1.1",
                    _THEMES[1][0][1],
                    _THEMES[1][0][2],
                )
            )
        # Spread the activities over the areas; a few areas (not the first) get none.
        slots = [a for i, a in enumerate(areas) if i == 0 or rng.random() > 0.04]
        per_area: dict[int, int] = {}
        for n in range(self.n_activities):
            per_area[n % len(slots)] = per_area.get(n % len(slots), 0) + 1
        for i, (area, section, texts, factors) in enumerate(slots):
            for j in range(1, per_area.get(i, 0) + 1):
                self._activity(area, f"{section}.{j}", texts, factors)

    def _activity(self, area: str, section: str, texts: list[str], factors: list[str]) -> None:
        rng = self.rng
        local = "a-" + section.replace(".", "-")
        more = [_notation(section)]
        if rng.random() < 0.1:
            more.append(f"andts:sourcePage {rng.randint(2, 40)}")
        carriers, partners = self._carriers(), self._partners()
        responsible: list[str] = []
        if rng.random() > 0.02:  # a few activities name nobody: a gap to find
            responsible = rng.sample(carriers, rng.choice((1, 1, 2)))
            if rng.random() < 0.3:
                more.append(f"andts:lead {responsible[0]}")
            more.append(f"andts:responsible {' , '.join(responsible)}")
        chosen = [
            p for p in rng.sample(partners, rng.choice((0, 1, 1, 2, 3))) if p not in responsible
        ]
        if chosen:
            more.append(f"andts:partner {' , '.join(chosen)}")
        if rng.random() < 0.75:
            substances = (
                _SUBSTANCES if rng.random() < 0.1 else rng.sample(_SUBSTANCES, rng.randint(1, 2))
            )
            more.append(f"andts:substance {' , '.join('substance:' + s for s in substances)}")
        if rng.random() < 0.7:
            groups = rng.sample(_GROUPS, rng.choice((1, 1, 2)))
            more.append(f"andts:targetGroup {' , '.join('group:' + g for g in groups)}")
        if rng.random() < 0.6:
            more.append(f"andts:preventionLevel level:{rng.choice(_LEVELS)}")
        if rng.random() < 0.15:
            more.append(f"andts:usesMethod method:{rng.choice(_METHODS)}")
        label = f"{rng.choice(texts)} ({self.spec.name}, {section})."
        activity = self._component(local, "andts:Activity", label, area, section, more)
        for factor in sorted(rng.sample(factors, rng.choice((0, 0, 0, 1, 1, 1, 2)))):
            self._addresses(activity, local, factor)
        if rng.random() < 0.03:
            goal = int(section.split(".")[1])
            self._align(activity, local, goal, "Synthetic: the activity serves this national goal.")
        count = rng.choice((0, 1, 1, 1, 1, 2)) if rng.random() > 0.1 else 0
        for k in range(1, count + 1):
            self._indicator(activity, f"i-{section.replace('.', '-')}-{k}", section, responsible)

    def _indicator(self, activity: str, local: str, section: str, responsible: list[str]) -> None:
        rng = self.rng
        iri = f"p:{local}"
        lines = [
            f"{iri} a andts:Indicator",
            f"andts:indicatorOf {activity}",
            f"andts:inPlan {self.plan}",
            f"andts:sourceSection {_text(section + ', Uppföljning')}",
        ]
        if responsible:
            lines.append(f"andts:responsible {responsible[0]}")
        if rng.random() < 0.4:
            comparator, words, unit = rng.choice(_TARGETS)
            n = rng.randint(1, 40) if comparator != "atMost" else rng.randint(0, 3)
            label = words.format(n=n, unit=unit) + "."
            lines.append(
                f"andts:target [ a andts:Target ; andts:comparator andts:{comparator} ; "
                f'andts:targetValue {n} ; andts:unit {_text(unit)}@sv ; andts:perPeriod "P1Y"^^xsd:duration ]'
            )
        else:
            label = rng.choice(_INDICATOR_TEXTS) + "."
        lines.insert(1, f"rdfs:label {_text(label)}@sv")
        lines.append(_SOURCE)
        self.plan_lines.append(" ;\n    ".join(lines) + " .\n")


def _notation(section: str) -> str:
    return f"skos:notation {_text(section)}"
