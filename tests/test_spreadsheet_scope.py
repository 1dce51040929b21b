"""Actors keep their identity: two invented municipalities' plans, imported beside the bundled
plans, share no actor but the national and regional ones (issue 14).

The fixtures (tests/fixtures/sjoby.xlsx, astad.xlsx, made by make_municipalities.py) are
INVENTED municipalities; each names Socialnämnden, Socialtjänst, Kommunstyrelsen,
Kommunfullmäktige and a partner, Polisen — names that Växjö's and Västerås's bundled plans
use too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib import RDF, URIRef
from rdflib.namespace import ORG

import andtsgraph
from andtsgraph.analysis import network
from andtsgraph.cli import main
from andtsgraph.namespaces import ACTOR, ANDTS
from andtsgraph.spreadsheet import import_plan

FIXTURES = Path(__file__).parent / "fixtures"
SJOBY = FIXTURES / "sjoby.xlsx"
ASTAD = FIXTURES / "astad.xlsx"
EXEMPELBY = FIXTURES / "exempelby.xlsx"
#: The actors both municipalities name that are shared bodies.
SHARED = {ACTOR["polisen"]}


@pytest.fixture(scope="module")
def both():
    return andtsgraph.load([SJOBY, ASTAD])


def actors_of_plan(kg, plan_id: str) -> set[URIRef]:
    rows = kg.query(
        """SELECT DISTINCT ?actor WHERE {
             ?part andts:inPlan ?plan ;
                   andts:lead|andts:responsible|andts:partner|andts:involves ?actor }""",
        plan=plan_id,
    )
    return {URIRef(r["actor"]) for r in rows}


def test_each_municipality_has_its_own_bodies_under_its_own_iri(both):
    sjoby = actors_of_plan(both, "sjoby-2025-2028")
    assert sjoby == {
        ACTOR["sjoby-kommun/socialtjanst"],
        ACTOR["sjoby-kommun/socialnamnden"],
        ACTOR["sjoby-kommun/kommunstyrelsen"],
        ACTOR["polisen"],
    }
    graph = both.graph("https://w3id.org/andtsgraph/graph/plan/sjoby-2025-2028")
    # org:unitOf the plan's organisation; the municipality itself is shared.
    for body in ("socialtjanst", "socialnamnden", "kommunstyrelsen", "kommunfullmaktige"):
        assert (ACTOR[f"sjoby-kommun/{body}"], ORG.unitOf, ACTOR["sjoby-kommun"]) in graph
    assert (ACTOR["sjoby-kommun"], RDF.type, ANDTS.Municipality) in graph
    assert not list(graph.objects(ACTOR["sjoby-kommun"], ORG.unitOf))
    # Antagen av: the municipality's own council, not Växjö's.
    assert (
        URIRef("https://w3id.org/andtsgraph/plan/sjoby-2025-2028"),
        ANDTS.adoptedBy,
        ACTOR["sjoby-kommun/kommunfullmaktige"],
    ) in graph


def test_ingar_i_on_the_actors_sheet_is_the_hierarchy(both):
    graph = both.graph("https://w3id.org/andtsgraph/graph/plan/sjoby-2025-2028")
    assert set(graph.objects(ACTOR["sjoby-kommun/socialtjanst"], ORG.subOrganizationOf)) == {
        ACTOR["sjoby-kommun/socialnamnden"]
    }
    assert set(graph.objects(ACTOR["sjoby-kommun/socialnamnden"], ORG.subOrganizationOf)) == {
        ACTOR["sjoby-kommun"]
    }


def test_loaded_with_the_bundled_plans_they_share_only_national_and_regional_bodies(both):
    sjoby = actors_of_plan(both, "sjoby-2025-2028")
    astad = actors_of_plan(both, "astad-2025-2028")
    assert sjoby & astad == SHARED
    bundled = set()
    for plan in ("vaxjo-2022-2027", "vasteras-2022-2025", "kronoberg-2022-2026"):
        bundled |= actors_of_plan(both, plan)
    assert (sjoby | astad) & bundled == SHARED
    # Växjö's bodies of the same names are still Växjö's own.
    assert ACTOR["vaxjo-kommun/socialtjanst"] in bundled


def test_no_bridge_joins_an_invented_plan_to_a_bundled_one_but_the_police(both):
    bridges = network.bridges_between_plans(both)
    for bridge in bridges:
        plans = set(bridge.plans)
        if plans & {"sjoby-2025-2028", "astad-2025-2028"} and plans - {
            "sjoby-2025-2028",
            "astad-2025-2028",
        }:
            assert bridge.iri in {str(a) for a in SHARED}, bridge


def test_display_labels_say_whose_an_ambiguous_name_is(both):
    labels = {m.iri: m.label for m in network.hubs(both)}
    assert labels[str(ACTOR["sjoby-kommun/socialtjanst"])] == "Socialtjänst (Sjöby kommun)"
    assert labels[str(ACTOR["astad-kommun/socialtjanst"])] == "Socialtjänst (Åstad kommun)"
    assert labels[str(ACTOR["polisen"])] == "Polisen"


def test_the_import_log_says_what_each_name_became():
    result = import_plan(andtsgraph.load(), SJOBY)
    lines = result.report_lines()
    assert "  Polisen → Polisen (delad aktör)" in lines
    assert "  Socialtjänst → ny aktör i Sjöby kommun (actor:sjoby-kommun/socialtjanst)" in lines
    assert (
        "      inte matchad mot Socialtjänst (Växjö kommun): de hör till en annan organisation"
        in lines
    )
    assert "  SSPF → ny metod i planen (:method-sspf), Insatser rad 3, kolumn Metoder" in lines
    assert "  Indikatorer rad 2, kolumn Målvärde: minst 15 procent" in lines
    english = result.report_lines(lang="en")
    assert "  Socialtjänst → new actor of Sjöby kommun (actor:sjoby-kommun/socialtjanst)" in english
    data = result.to_record()
    assert {a["name"]: a["how"] for a in data["actors"]}["Polisen"] == "shared"
    assert data["concepts"][0]["name"] == "SSPF"


def test_a_method_outside_the_vocabulary_is_the_plans_own_concept():
    result = import_plan(andtsgraph.load(), SJOBY)
    method = URIRef(f"{result.plan_iri}/method-sspf")
    assert (method, RDF.type, ANDTS.Method) in result.graph
    activity = URIRef(f"{result.plan_iri}/a-1-1-2")
    assert (activity, ANDTS.usesMethod, method) in result.graph


def test_a_percentage_is_a_target_in_percent():
    result = import_plan(andtsgraph.load(), SJOBY)
    graph = result.graph
    indicator = next(
        i
        for i in graph.subjects(RDF.type, ANDTS.Indicator)
        if str(graph.value(i, ANDTS.indicatorOf)).endswith("a-1-1-1")
    )
    target = graph.value(indicator, ANDTS.target)
    assert (str(graph.value(target, ANDTS.targetValue)), str(graph.value(target, ANDTS.unit))) == (
        "15",
        "procent",
    )
    assert graph.value(target, ANDTS.comparator) == ANDTS.atLeast


def test_a_near_miss_gets_a_suggestion(tmp_path):
    path = tmp_path / "typo.xlsx"
    workbook = load_workbook(SJOBY)
    sheet = workbook["Insatser"]
    headers = {str(c.value).split(" (")[0]: c.column for c in sheet[1] if c.value}
    sheet.cell(row=4, column=headers["Samverkansparter"], value="Socialtjanst; Polisn")
    workbook.save(path)
    lines = import_plan(andtsgraph.load(), path).report_lines()
    assert "      Socialtjanst — menade du Socialtjänst?" in lines
    assert "      Polisn — menade du Polisen?" in lines


def rename_row(tmp_path: Path, row: dict[str, str]) -> Path:
    path = tmp_path / "rename.xlsx"
    workbook = load_workbook(SJOBY)
    sheet = workbook["Aktörer"]
    headers = {str(c.value).split(" (")[0]: c.column for c in sheet[1] if c.value}
    for name, value in row.items():
        sheet.cell(row=7, column=headers[name], value=value)
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (
            {"ID": "polisen", "Namn": "Falsk polis"},
            "Namn",
            "actor:polisen är aktören 'Polisen' i aktörsregistret; en inläsning kan inte byta dess namn till 'Falsk polis'",
        ),
        (
            {"ID": "polisen", "Namn": "Polisen", "Typ": "Kommun"},
            "Typ",
            "actor:polisen är aktören 'Polisen' i aktörsregistret; en inläsning kan inte ändra dess typ till 'Kommun'",
        ),
    ],
)
def test_a_row_that_would_rename_a_registry_actor_is_refused(tmp_path, capsys, row, column, words):
    path = rename_row(tmp_path, row)
    out = tmp_path / "plan.trig"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"Aktörer, rad 7, kolumn {column}: {words}" in err
    assert not out.exists()


def test_the_plans_own_bodies_match_before_shared_ones_and_never_anothers():
    """Exempelby's Kommunstyrelsen was ambiguous between Växjö's and Västerås's; now it is
    neither."""
    kg = andtsgraph.load()
    result = import_plan(kg, SJOBY)
    match = {a.name: a for a in result.actors}["Kommunstyrelsen"]
    assert match.how == "new"
    assert match.iri == str(ACTOR["sjoby-kommun/kommunstyrelsen"])
    assert sorted(match.others) == [
        "Kommunstyrelsen (Västerås stad)",
        "Kommunstyrelsen (Växjö kommun)",
    ]


def test_synthetic_municipalities_own_bodies_follow_the_scope_rule(tmp_path):
    from andtsgraph.testing.synthetic import write_corpus

    kg = andtsgraph.load(write_corpus(tmp_path, 3, seed=7, activities_per_plan=5), bundled=False)
    rows = kg.query(
        """SELECT ?body ?owner WHERE {
             ?body org:unitOf ?owner ; rdfs:label ?label .
             FILTER(STRSTARTS(?label, "Kommunfullmäktige")) }"""
    )
    found = {(str(r["body"]), str(r["owner"])) for r in rows}
    assert found == {
        (str(ACTOR[f"synthetic-kommun-{m}/kommunfullmaktige"]), str(ACTOR[f"synthetic-kommun-{m}"]))
        for m in ("001", "002")
    }


def test_the_readme_shows_the_import_log_the_coordinator_gets(tmp_path, monkeypatch, capsys):
    """The coordinator section's step 3, run as written on the invented Sjöby plan."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("Inläsning av min-plan.xlsx")
    shown = readme[start : readme.index("```", start)].strip().splitlines()
    (tmp_path / "min-plan.xlsx").write_bytes(SJOBY.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["import", "min-plan.xlsx", "-o", "min-plan.trig"]) == 0
    assert capsys.readouterr().out.strip().splitlines() == shown


def test_an_imported_municipality_round_trips_with_its_own_bodies(both, tmp_path):
    from rdflib.compare import isomorphic

    from andtsgraph.spreadsheet import export_plan

    path = export_plan(both, "sjoby-2025-2028", tmp_path / "sjoby.xlsx")
    result = import_plan(andtsgraph.load([ASTAD]), path)
    original = both.graph("https://w3id.org/andtsgraph/graph/plan/sjoby-2025-2028")
    assert isomorphic(result.graph, original)
    assert (ACTOR["sjoby-kommun/socialtjanst"], ORG.unitOf, ACTOR["sjoby-kommun"]) in result.graph


def test_a_plans_own_method_is_not_matched_by_another_plan(both):
    rows = both.query(
        "SELECT ?plan ?method WHERE { ?a andts:inPlan ?plan ; andts:usesMethod ?method . "
        '?method skos:prefLabel "SSPF"@sv }'
    )
    assert {(str(r["plan"]).rsplit("/", 1)[-1], str(r["method"])) for r in rows} == {
        ("sjoby-2025-2028", "https://w3id.org/andtsgraph/plan/sjoby-2025-2028/method-sspf"),
        ("astad-2025-2028", "https://w3id.org/andtsgraph/plan/astad-2025-2028/method-sspf"),
    }


def test_a_plan_without_a_publisher_keeps_its_new_bodies_under_the_plan_and_says_so(tmp_path):
    from andtsgraph.spreadsheet.layout import PLAN_FIELDS

    workbook = load_workbook(SJOBY)
    row = next(i for i, f in enumerate(PLAN_FIELDS, start=2) if f.name == "Utgivare")
    workbook["Plan"].cell(row=row, column=2).value = None
    path = tmp_path / "no-publisher.xlsx"
    workbook.save(path)
    result = import_plan(andtsgraph.load(), path)
    assert any(w.startswith("Plan: fältet Utgivare är tomt") for w in result.warnings)
    assert {a.name: a.iri for a in result.actors}["Socialtjänst"] == str(
        ACTOR["sjoby-2025-2028/socialtjanst"]
    )
    # Still never another municipality's.
    assert {a.name: a.how for a in result.actors}["Kommunstyrelsen"] == "new"
