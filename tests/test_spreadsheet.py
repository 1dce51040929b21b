"""Plans as spreadsheets: the empty template, importing a filled-in one (the invented
Exempelby kommun of tests/fixtures, and a copy with fourteen mistakes), and the round trip
of every bundled plan through the template back to the same graph."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli
from openpyxl import Workbook, load_workbook
from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDFS

import andtsgraph
from andtsgraph import TemplateError, export_plan, import_plan, write_template
from andtsgraph.namespaces import ACTOR, ANDTS, PLAN, plan_graph
from andtsgraph.spreadsheet import parse_targets
from andtsgraph.spreadsheet.layout import PLAN_FIELDS
from andtsgraph.spreadsheet.writer import _all_links, plan_links

FIXTURES = Path(__file__).parent / "fixtures"
EXEMPELBY = FIXTURES / "exempelby.xlsx"
EXEMPELBY_CSV = FIXTURES / "exempelby"
MISTAKES = FIXTURES / "mistakes.xlsx"
EX = "https://w3id.org/andtsgraph/plan/exempelby-2024-2027/"
BUNDLED_PLANS = [
    "kronoberg-2022-2026",
    "vaxjo-2022-2027",
    "vasteras-2022-2025",
    "national-2022-2025",
    "national-2016-2020",
]

sys.path.insert(0, str(FIXTURES))
from make_exempelby import MISTAKES as EXPECTED_MISTAKES  # noqa: E402


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli(*args)


def diff(a, b) -> str:
    """The triples only in a, and only in b, for an assertion message."""
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only imported: {sorted(only_a)[:5]}\nonly bundled: {sorted(only_b)[:5]}"


@pytest.fixture(scope="module")
def exempelby(kg):
    return import_plan(kg, EXEMPELBY)


def node(result, local: str) -> URIRef:
    return URIRef(EX + local)


def dropdown_values(workbook, sheet_name: str, header: str) -> list[str]:
    """The values of the drop-down list on a column, following a range into the Listor sheet."""
    ws = workbook[sheet_name]
    letter = next(c.column_letter for c in ws[1] if str(c.value).startswith(header))
    for dv in ws.data_validations.dataValidation:
        if any(r.coord.startswith(f"{letter}2:") for r in dv.sqref.ranges):
            formula = dv.formula1
            if formula.startswith('"'):
                return formula.strip('"').split(",")
            sheet, cells = formula.split("!")
            return [c.value for row in workbook[sheet][cells.replace("$", "")] for c in row]
    raise AssertionError(f"no drop-down on {sheet_name} {header}")


# -- the empty template --------------------------------------------------------------------------
def test_template_has_its_sheets_commented_headers_and_dropdowns_from_the_vocabularies(
    kg, tmp_path
):
    path = write_template(kg, tmp_path / "mall.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Instruktioner",
        "Plan",
        "Mål",
        "Områden",
        "Insatser",
        "Indikatorer",
        "Målvärden",
        "Aktörer",
        "Styrdokument",
        "Referenser",
        "Kopplingar",
        "Övrigt",
        "Listor",
    ]
    headers = [c.value for c in workbook["Insatser"][1]]
    assert headers[:9] == [
        "ID (id)",
        "Nummer (number)",
        "Text (text)",
        "Beskrivning (description)",
        "Ingår i (part of)",
        "Ansvarig (responsible)",
        "Huvudansvarig (lead)",
        "Samverkansparter (partners)",
        "Involverade (involved)",
    ]
    assert [c.value for c in workbook["Indikatorer"][1]][12:16] == [
        "Jämförelse (comparator)",
        "Målvärde (target value)",
        "Enhet (unit)",
        "Per period (per period)",
    ]
    for name in workbook.sheetnames[1:-1]:
        for cell in workbook[name][1]:
            assert cell.comment is not None and len(cell.comment.text) > 20, (name, cell.value)
    assert "andts:responsible" in workbook["Insatser"]["F1"].comment.text
    levels = dropdown_values(workbook, "Områden", "Preventionsnivå")
    assert {"Universell", "Selektiv", "Indikerad"} <= set(levels) and len(levels) == 3
    assert dropdown_values(workbook, "Insatser", "Preventionsnivå") == levels
    substances = {
        str(r["label"])
        for r in kg.query(
            "SELECT ?label WHERE { ?s a andts:Substance ; skos:prefLabel ?label FILTER(LANG(?label) = 'sv') }"
        )
    }
    assert set(dropdown_values(workbook, "Insatser", "Substanser")) == substances
    groups = dropdown_values(workbook, "Insatser", "Målgrupper")
    assert (
        "Barn och unga" in groups
        and "Personer med riskbruk, skadligt bruk eller beroende" in groups
    )
    factors = dropdown_values(workbook, "Kopplingar", "Till")
    assert "Tillgång till alkohol, narkotika, dopningsmedel, tobak och spel om pengar" in factors
    assert "Stärkt föräldraförmåga" in factors and "Nationellt mål 1" in factors
    assert dropdown_values(workbook, "Indikatorer", "Jämförelse") == ["minst", "exakt", "högst"]
    plan = workbook["Plan"]
    fields = [plan.cell(row=r, column=1).value for r in range(2, len(PLAN_FIELDS) + 2)]
    assert fields[:3] == ["ID (plan id)", "Typ (kind)", "Titel (title)"]
    assert plan.cell(row=len(PLAN_FIELDS) + 1, column=2).value == "ja"  # Tolka


def test_template_command_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "mall.xlsx"
    target.write_text("mine")
    proc = run("template", "-o", str(target))
    assert proc.returncode == 2
    assert "exists; use --force" in proc.stderr
    assert target.read_text() == "mine"
    proc = run("template", "-o", str(target), "--force")
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(target).sheetnames[1] == "Plan"


def test_template_as_a_folder_of_csv_files_has_one_file_per_sheet(kg, tmp_path):
    folder = write_template(kg, tmp_path / "mall")
    names = sorted(p.name for p in folder.iterdir())
    assert "Plan.csv" in names and "Insatser.csv" in names and "Övrigt.csv" in names
    assert (
        (folder / "Insatser.csv").read_text(encoding="utf-8").startswith("ID (id),Nummer (number)")
    )


# -- the round trip: bundled plan → template → the same graph --------------------------------------
@pytest.mark.parametrize("plan_id", BUNDLED_PLANS)
def test_bundled_plan_round_trips_through_the_template_to_an_isomorphic_graph(
    kg, tmp_path, plan_id
):
    path = export_plan(kg, plan_id, tmp_path / f"{plan_id}.xlsx")
    result = import_plan(kg, path)
    original = kg.graph(plan_graph(plan_id))
    assert result.plan_id == plan_id
    assert len(result.graph) == len(original)
    assert isomorphic(result.graph, original), diff(result.graph, original)
    links = plan_links(_all_links(kg), original)
    assert isomorphic(result.links, links), diff(result.links, links)
    assert result.new_actors == []


def test_round_trip_keeps_datatypes_languages_and_blank_node_targets(kg, tmp_path):
    result = import_plan(kg, export_plan(kg, "vasteras", tmp_path / "vs.xlsx"))
    plan = PLAN["vasteras-2022-2025"]
    assert result.graph.value(plan, ANDTS.validFrom) == Literal("2022", datatype=XSD.gYear)
    assert result.graph.value(plan, DCTERMS.dateAccepted) == Literal(
        "2021-03-09", datatype=XSD.date
    )
    targets = list(result.graph.subjects(RDF.type, ANDTS.Target))
    assert len(targets) == 10 and all(isinstance(t, BNode) for t in targets)
    coaches = URIRef(str(plan) + "/i-3.3-1")
    (target,) = result.graph.objects(coaches, ANDTS.target)
    assert result.graph.value(target, ANDTS.targetValue) == Literal("30", datatype=XSD.integer)
    assert result.graph.value(target, ANDTS.unit) == Literal("utbildade ANDTS-coacher", lang="sv")
    assert result.graph.value(target, ANDTS.perPeriod) == Literal("P1Y", datatype=XSD.duration)
    national = import_plan(kg, export_plan(kg, "national-2022-2025", tmp_path / "nat.xlsx"))
    labels = set(national.graph.objects(PLAN["national-2022-2025"], RDFS.label))
    assert Literal("National ANDTS strategy 2022–2025", lang="en") in labels


def test_round_trip_through_a_csv_folder_and_the_command_line(kg, tmp_path):
    folder = export_plan(kg, "vaxjo", tmp_path / "vaxjo")
    assert (folder / "Insatser.csv").is_file()
    result = import_plan(kg, folder)
    original = kg.graph(plan_graph("vaxjo-2022-2027"))
    assert isomorphic(result.graph, original), diff(result.graph, original)
    xlsx = tmp_path / "kr.xlsx"
    proc = run("export", "--plan", "kronoberg", "--format", "xlsx", "-o", str(xlsx))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "kr.ttl"
    proc = run("import", str(xlsx), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (
        f"wrote {out}: plan kronoberg-2022-2026, 6 goals, 14 areas, 30 activities, 55 indicators"
        in proc.stdout
    )
    assert f"wrote {tmp_path / 'kr-links.ttl'}: 23 curated links" in proc.stdout
    reread = andtsgraph.load([out], bundled=False).graph(plan_graph("kronoberg-2022-2026"))
    assert isomorphic(reread, kg.graph(plan_graph("kronoberg-2022-2026")))


def test_export_xlsx_needs_a_plan(tmp_path):
    proc = run("export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert proc.returncode == 2
    assert "--plan" in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_an_imported_plan_round_trips_too_with_its_new_actors(tmp_path):
    kg = andtsgraph.load([EXEMPELBY])
    path = export_plan(kg, "exempelby", tmp_path / "ex.xlsx")
    assert [c.value for c in load_workbook(path)["Aktörer"]["B"]][1:] == [
        "Exempelby IF (fiktiv, testdata)",
        "Exempelby kommun (fiktiv, testdata)",
    ]
    result = import_plan(andtsgraph.load(), path)
    original = kg.graph(plan_graph("exempelby-2024-2027"))
    assert isomorphic(result.graph, original), diff(result.graph, original)
    assert isomorphic(result.links, kg.graph(result.links_graph))


# -- the hand-filled fixture -------------------------------------------------------------------------
def test_fixture_imports_with_its_parts_and_plan_metadata(exempelby):
    assert exempelby.plan_id == "exempelby-2024-2027"
    assert exempelby.counts() == {
        "goals": 3,
        "areas": 4,
        "activities": 4,
        "indicators": 4,
        "links": 3,
    }
    g = exempelby.graph
    plan = PLAN["exempelby-2024-2027"]
    assert (plan, RDF.type, ANDTS.MunicipalPlan) in g
    assert g.value(plan, RDFS.label) == g.value(plan, DCTERMS.title)  # Tolka: the name is the title
    assert "(fiktiv, testdata)" in str(g.value(plan, DCTERMS.title))
    assert g.value(plan, ANDTS.validUntil) == Literal("2027-12-31", datatype=XSD.date)
    assert set(g.objects(plan, ANDTS.basedOn)) == {
        PLAN["national-2022-2025"],
        PLAN["kronoberg-2022-2026"],
    }
    assert set(g.objects(plan, DCTERMS.references)) == {node(exempelby, "ref-1")}
    # Ids made from the numbers, parents found by number; a sub-goal without a parent goes
    # under the plan's one overarching goal.
    assert (node(exempelby, "a-1-1-2"), ANDTS.partOf, node(exempelby, "area-1-1")) in g
    assert (node(exempelby, "area-1-1"), ANDTS.partOf, node(exempelby, "goal-1")) in g
    assert (node(exempelby, "goal-1"), ANDTS.partOf, node(exempelby, "overgripande")) in g
    assert (node(exempelby, "area-3"), ANDTS.partOf, plan) in g
    assert (node(exempelby, "area-3"), RDF.type, ANDTS.DevelopmentArea) in g
    levels = set(g.objects(node(exempelby, "area-1-1"), ANDTS.preventionLevel))
    assert levels == {URIRef("https://w3id.org/andtsgraph/vocab/prevention-level/universell")}


def test_fixture_actors_resolve_to_the_registry_by_normalised_name(exempelby):
    g = exempelby.graph
    assert set(g.objects(node(exempelby, "a-1"), ANDTS.partner)) == {
        ACTOR.polisen,
        ACTOR["lansstyrelsen-kronoberg"],
    }
    # "POLISEN; region kronoberg"
    assert set(g.objects(node(exempelby, "a-1-1-2"), ANDTS.partner)) == {
        ACTOR.polisen,
        ACTOR["region-kronoberg"],
    }
    # "Region  Kronoberg" (two spaces) as responsible, "Region Kronoberg" as lead
    support = node(exempelby, "a-3-1-1")
    assert set(g.objects(support, ANDTS.lead)) == {ACTOR["region-kronoberg"]}
    assert set(g.objects(support, ANDTS.responsible)) == {ACTOR["region-kronoberg"]}
    # "exempelby kommun (fiktiv, testdata)" finds the actor of the Aktörer sheet
    assert set(g.objects(node(exempelby, "a-1-1-2"), ANDTS.responsible)) == {
        ACTOR["exempelby-kommun"]
    }


def test_fixture_lists_the_actors_new_to_the_registry(exempelby):
    new = {a.name: a for a in exempelby.new_actors}
    assert set(new) == {"Exempelby kommun (fiktiv, testdata)", "Exempelby IF (fiktiv, testdata)"}
    club = new["Exempelby IF (fiktiv, testdata)"]
    assert (club.declared, club.type) == (False, "Aktörsgrupp")
    assert club.where == "Insatser row 4, column Samverkansparter"
    assert (URIRef(club.iri), RDF.type, ANDTS.ActorGroup) in exempelby.graph
    municipality = new["Exempelby kommun (fiktiv, testdata)"]
    assert (municipality.declared, municipality.type, municipality.iri) == (
        True,
        "Kommun",
        str(ACTOR["exempelby-kommun"]),
    )
    assert (ACTOR["exempelby-kommun"], RDF.type, ANDTS.Municipality) in exempelby.graph
    lines = exempelby.report_lines()
    assert (
        "  Exempelby IF (fiktiv, testdata) → actor:exempelby-if-fiktiv-testdata (Aktörsgrupp), Insatser row 4, column Samverkansparter"
        in lines
    )


def target_of(result, indicator: URIRef) -> list[tuple]:
    g = result.graph
    return sorted(
        (
            g.value(t, ANDTS.comparator),
            g.value(t, ANDTS.targetValue),
            g.value(t, ANDTS.unit),
            g.value(t, ANDTS.perPeriod),
        )
        for t in g.objects(indicator, ANDTS.target)
    )


def test_fixture_targets_are_read_from_the_text_or_the_columns(exempelby):
    g = exempelby.graph
    by_activity = {
        str(g.value(i, ANDTS.indicatorOf)).rsplit("/", 1)[-1]: i
        for i in g.subjects(RDF.type, ANDTS.Indicator)
    }
    year = Literal("P1Y", datatype=XSD.duration)
    assert target_of(exempelby, by_activity["a-1"]) == [
        (ANDTS.atLeast, Literal("2", datatype=XSD.integer), Literal("gånger", lang="sv"), year)
    ]
    assert target_of(exempelby, by_activity["a-1-1-2"]) == [
        (
            ANDTS.atLeast,
            Literal("30", datatype=XSD.integer),
            Literal("serveringsanställda", lang="sv"),
            year,
        )
    ]
    assert target_of(exempelby, by_activity["a-2-1-1"]) == []  # "Antal föräldrar …"
    assert target_of(exempelby, by_activity["a-3-1-1"]) == [
        (
            ANDTS.atMost,
            Literal("14", datatype=XSD.integer),
            Literal("dagars väntetid", lang="sv"),
            None,
        )
    ]
    assert (
        "Indikatorer row 3: target read from the text: minst 30 serveringsanställda per år"
        in exempelby.notes
    )


def test_fixture_keeps_every_row_as_its_source(exempelby):
    g = exempelby.graph
    rows = {
        "overgripande": "Mål!2",
        "goal-2": "Mål!4",
        "area-3-1": "Områden!5",
        "a-1": "Insatser!2",
        "a-3-1-1": "Insatser!5",
        "ref-1": "Referenser!2",
    }
    for local, source in rows.items():
        assert set(g.objects(node(exempelby, local), DCTERMS.source)) == {Literal(source)}, local
    for indicator in g.subjects(RDF.type, ANDTS.Indicator):
        (source,) = g.objects(indicator, DCTERMS.source)
        assert str(source).startswith("Indikatorer!")
    # The user's own section where given, else the sheet and row.
    assert g.value(node(exempelby, "a-1"), ANDTS.sourceSection) == Literal("4.1")
    assert g.value(node(exempelby, "a-1"), ANDTS.sourcePage) == Literal("7", datatype=XSD.integer)
    assert g.value(node(exempelby, "a-1-1-2"), ANDTS.sourceSection) == Literal("Insatser rad 3")
    link = URIRef(
        "https://w3id.org/andtsgraph/link/exempelby-2024-2027-a-1-addresses-factor-tillganglighet"
    )
    assert exempelby.links.value(link, DCTERMS.source) == Literal("Kopplingar!2")
    assert exempelby.links.value(link, ANDTS.rationale).language == "sv"


def test_fixture_curated_links_are_kept_apart_from_the_plan(exempelby):
    links = exempelby.links
    factor = URIRef("https://w3id.org/andtsgraph/vocab/factor/tillganglighet")
    assert (node(exempelby, "a-1"), ANDTS.addressesFactor, factor) in links
    assert (
        node(exempelby, "goal-1"),
        ANDTS.alignsWith,
        URIRef(str(PLAN) + "national-2022-2025/goal-1"),
    ) in links
    assert not any(exempelby.graph.triples((None, ANDTS.addressesFactor, None)))
    assert len(set(links.subjects(RDF.type, ANDTS.CuratedLink))) == 3


def test_csv_folder_variant_equals_the_workbook(kg, exempelby):
    from_csv = import_plan(kg, EXEMPELBY_CSV)
    assert isomorphic(from_csv.graph, exempelby.graph), diff(from_csv.graph, exempelby.graph)
    assert isomorphic(from_csv.links, exempelby.links)
    assert [a.name for a in from_csv.new_actors] == [a.name for a in exempelby.new_actors]


def test_load_and_info_accept_the_template_directly(exempelby):
    kg = andtsgraph.load([EXEMPELBY])
    plan = kg.plan("exempelby")
    assert (plan.goals, plan.action_areas, plan.development_areas) == (3, 3, 1)
    assert isomorphic(kg.graph(plan_graph(plan.id)), exempelby.graph)
    rows = kg.query(
        "SELECT ?factor WHERE { ?a andts:inPlan ?plan ; andts:addressesFactor ?factor }",
        plan=plan.id,
    )
    assert len(rows) == 2
    proc = run("info", "--with", str(EXEMPELBY), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    (mine,) = [p for p in data["plans"] if p["id"] == "exempelby-2024-2027"]
    assert {
        k: mine[k]
        for k in (
            "kind",
            "goals",
            "development_areas",
            "action_areas",
            "activities",
            "indicators",
            "actors",
        )
    } == {
        "kind": "municipal",
        "goals": 3,
        "development_areas": 1,
        "action_areas": 3,
        "activities": 4,
        "indicators": 4,
        "actors": 5,
    }
    assert mine["title"] == "ANDTS-plan för Exempelby kommun 2024–2027 (fiktiv, testdata)"
    assert len(data["plans"]) == 6  # the five bundled plans and Exempelby


# -- mistakes --------------------------------------------------------------------------------------
def expected_place(sheet: str, row, column: str) -> tuple:
    if isinstance(row, str):  # a Plan field: its row in the template
        row = next(i for i, f in enumerate(PLAN_FIELDS, start=2) if f.name == row)
    return sheet, row, column


def test_every_mistake_is_reported_once_with_its_sheet_row_and_column(kg):
    with pytest.raises(TemplateError) as caught:
        import_plan(kg, MISTAKES)
    problems = caught.value.problems
    assert len(problems) == len(EXPECTED_MISTAKES) == 14
    found = {(p.sheet, p.row, p.column): p.message for p in problems}
    for sheet, row, column, word in EXPECTED_MISTAKES:
        place = expected_place(sheet, row, column)
        assert place in found, (place, sorted(found))
        assert word in found[place], (place, found[place])


def test_mistakes_exit_2_and_write_nothing(tmp_path):
    out = tmp_path / "plan.ttl"
    proc = run("import", str(MISTAKES), "-o", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 15
    assert "Insatser, row 3, column Text: the activity has no text" in proc.stderr
    assert (
        "Insatser, row 5, column ID: duplicate id 'a-1': Insatser row 2 has it too" in proc.stderr
    )
    assert (
        "Indikatorer, row 1, column Insats: the required column Insats (activity) is missing"
        in proc.stderr
    )
    assert lines[-1] == f"andtsgraph: 14 problems in {MISTAKES}; nothing written"
    assert not out.exists() and not (tmp_path / "plan-links.ttl").exists()
    # Loaded with --with, the same template stops the command with the same list.
    proc = run("info", "--with", str(MISTAKES))
    assert proc.returncode == 2
    assert "14 problems in the plan template" in proc.stderr


def test_import_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "plan.ttl"
    out.write_text("# mine\n")
    proc = run("import", str(EXEMPELBY), "-o", str(out))
    assert proc.returncode == 2
    assert "exists; use --force" in proc.stderr
    assert out.read_text() == "# mine\n"
    assert not (tmp_path / "plan-links.ttl").exists()
    proc = run("import", str(EXEMPELBY), "-o", str(out), "--force")
    assert proc.returncode == 0, proc.stderr
    assert (
        "Exempelby IF (fiktiv, testdata) → actor:exempelby-if-fiktiv-testdata (Aktörsgrupp)"
        in proc.stdout
    )
    assert (
        "note: Indikatorer row 2: target read from the text: minst 2 gånger per år" in proc.stdout
    )
    assert "exempelby-2024-2027" in out.read_text()
    assert (tmp_path / "plan-links.ttl").is_file()


def test_a_trig_output_keeps_the_links_in_their_own_graph(tmp_path):
    out = tmp_path / "plan.trig"
    proc = run("import", str(EXEMPELBY), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    kg = andtsgraph.load([out])
    assert plan_graph("exempelby-2024-2027") in kg.graph_names()
    assert len(kg.graph("https://w3id.org/andtsgraph/graph/links/exempelby-2024-2027")) == 24


def test_a_missing_required_sheet_and_a_bad_flag_are_reported(kg, tmp_path):
    folder = tmp_path / "plan"
    shutil.copytree(EXEMPELBY_CSV, folder)
    (folder / "Insatser.csv").unlink()
    plan = (
        (folder / "Plan.csv")
        .read_text(encoding="utf-8-sig")
        .replace("Tolka (interpret);;", "Tolka (interpret);kanske;")
    )
    (folder / "Plan.csv").write_text(plan, encoding="utf-8-sig")
    with pytest.raises(TemplateError) as caught:
        import_plan(kg, folder)
    places = [(p.sheet, p.row, p.column) for p in caught.value.problems]
    assert ("Insatser", None, None) in places
    assert ("Plan", len(PLAN_FIELDS) + 1, "Värde") in places
    # Indicators now point at activities that are not there.
    assert ("Indikatorer", 2, "Insats") in places


def test_row_numbers_count_blank_rows_as_the_spreadsheet_shows_them(kg, tmp_path):
    path = tmp_path / "plan.xlsx"
    workbook = Workbook()
    plan = workbook.active
    plan.title = "Plan"
    plan.append(["Fält (field)", "Värde (value)"])
    plan.append(["ID", "liten-2024"])
    plan.append(["Typ", "Kommunal plan"])
    activities = workbook.create_sheet("Insatser")
    activities.append(["Text", "Substanser"])
    activities.append(["En insats", "Alkohol"])
    activities.append([])
    activities.append([])
    activities.append(["En annan insats", "Kaffe"])
    workbook.save(path)
    with pytest.raises(TemplateError) as caught:
        import_plan(kg, path)
    assert [str(p) for p in caught.value.problems] == [
        "Insatser, row 5, column Substanser: unknown substance 'Kaffe'; choose one of: Alkohol, Dopning, Narkotika, Spel om pengar, Tobak och nikotin"
    ]


# -- reading targets from text -------------------------------------------------------------------------
def test_targets_read_from_the_vasteras_indicators_match_the_curated_ones(kg):
    g = kg.graph(plan_graph("vasteras-2022-2025"))
    compared = 0
    for indicator in g.subjects(RDF.type, ANDTS.Indicator):
        curated = sorted(
            (
                str(g.value(t, ANDTS.comparator)).rsplit("#", 1)[-1],
                int(g.value(t, ANDTS.targetValue)),
                str(g.value(t, ANDTS.perPeriod)),
            )
            for t in g.objects(indicator, ANDTS.target)
            if g.value(t, ANDTS.perPeriod) is not None
        )
        if curated:
            parsed = sorted(
                (t.comparator, t.value, t.period)
                for t in parse_targets(str(g.value(indicator, RDFS.label)))
            )
            assert parsed == curated, indicator
            compared += 1
    assert compared == 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minst 30 ANDTS-coacher utbildas per år.", [("atLeast", 30, "ANDTS-coacher", "P1Y")]),
        ("Stödgrupper två gånger per år.", [("exactly", 2, "gånger", "P1Y")]),
        ("Tillsyn minst en gång per år.", [("atLeast", 1, "gång", "P1Y")]),
        ("Högst 10 elever per termin", [("atMost", 10, "elever", "P6M")]),
        ("Antal genomförda utbildningar.", []),
        ("Ungdomar över 15 år, planen gäller 2025.", []),
        ("Ett 2-årigt projekt med fyra anställda.", []),
    ],
)
def test_parse_targets(text, expected):
    assert [(t.comparator, t.value, t.unit, t.period) for t in parse_targets(text)] == expected


def test_readme_table_lists_every_sheet_and_column_of_the_layout():
    from andtsgraph.spreadsheet.layout import SHEETS

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Check your own plan (for coordinators)", 1)[1].split("\n## ", 1)[0]
    rows = {
        line.split(" | ")[0].lstrip("| "): line
        for line in section.splitlines()
        if line.startswith("| ")
    }
    for sheet in SHEETS:
        row = rows[f"{sheet.name} ({sheet.hint})"]
        columns = PLAN_FIELDS if sheet.name == "Plan" else sheet.columns
        listed = [c.strip("* ") for c in row.rsplit(" | ", 1)[1].rstrip(" |").split(", ")]
        assert listed == [c.name for c in columns], sheet.name


def test_export_plan_writes_only_that_plans_graph_in_rdf_formats(kg):
    proc = run("export", "--plan", "national-2022-2025", "--format", "nt")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == len(kg.graph(plan_graph("national-2022-2025"))) == 97
    assert all("kronoberg" not in line.split(" ")[0] for line in lines)
