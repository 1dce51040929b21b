"""The SPARQL catalog: every query is documented, and every query answers specific,
hand-checked questions about the bundled plans (source lines quoted beside each check)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from cli_runner import run_cli

import andtsgraph
from andtsgraph.namespaces import PREFIXES

PLAN = PREFIXES["plan"]
KR, VS, VX, NAT = PREFIXES["kr"], PREFIXES["vs"], PREFIXES["vx"], PREFIXES["nat"]
ACTOR, FACTOR = PREFIXES["actor"], PREFIXES["factor"]


def ids(values):
    return sorted(str(v).rsplit("/", 1)[-1] for v in values)


# ---- the catalog itself ----------------------------------------------------------------------


def test_catalog_has_at_least_twenty_documented_standalone_queries():
    queries = andtsgraph.catalog()
    assert len(queries) >= 20
    for q in queries:
        assert q.title and q.title != q.name, q.name
        assert len(q.description) > 40, q.name
        # Standalone SPARQL 1.1: every prefix it uses is declared in the file itself.
        declared = set(re.findall(r"(?im)^PREFIX\s+(\w+):", q.text))
        body = re.sub(r"<[^>\s]*>|\"[^\"]*\"|#.*", "", q.text)
        used = set(re.findall(r"(?<![\w?$])([a-z][\w-]*):(?!/)", body))
        assert used <= declared, f"{q.name} uses undeclared prefixes {used - declared}"
        for p in q.params:
            assert p.meaning, f"{q.name}: parameter {p.name} is not explained"


def test_catalog_covers_the_questions_of_the_issue():
    names = {q.name for q in andtsgraph.catalog()}
    assert {
        "plans",
        "goals",
        "activities",
        "actor-activities",
        "activity-partners",
        "indicators",
        "activities-by-substance",
        "activities-by-target-group",
        "activities-by-prevention-level",
        "national-goal-coverage",
        "factor-activities",
        "uncovered-factors",
        "uncovered-factors-by-plan",
        "empty-goals-and-areas",
        "activities-without-indicator",
        "shared-actors",
        "methods",
        "substance-level-matrix",
        "search-activities",
    } <= names


def test_cli_queries_json_lists_the_catalog():
    proc = run_cli("queries", "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert len(data) == len(andtsgraph.catalog())
    search = next(q for q in data if q["name"] == "search-activities")
    assert set(search) == {"name", "title", "description", "params"}
    assert [p["name"] for p in search["params"]] == ["text", "plan"]


# ---- one test per query, with answers read off the sources -------------------------------------


def test_plans(kg):
    rows = {r["plan"]: r for r in kg.query("plans")}
    vasteras = rows[PLAN + "vasteras-2022-2025"]
    # "Antagen av Kommunstyrelsen 9 mars 2021" / "DNR: KS 2020/00864"
    assert (vasteras["identifier"], str(vasteras["adopted"])) == ("KS 2020/00864", "2021-03-09")
    assert (vasteras["activities"], vasteras["indicators"]) == (14, 24)
    vaxjo = rows[PLAN + "vaxjo-2022-2027"]
    # "Giltighetstid Från 2022-12-13 Till och med 2027-12-31"
    assert (str(vaxjo["validFrom"]), str(vaxjo["validUntil"])) == ("2022-12-13", "2027-12-31")
    assert (vaxjo["developmentAreas"], vaxjo["actionAreas"], vaxjo["activities"]) == (3, 12, 23)


def test_goals(kg):
    rows = {r["notation"]: r for r in kg.query("goals", plan="kronoberg")}
    # Delmål 1 has the areas "Tillgänglighetsbegränsande insatser" (4 insatser) and "En effektiv
    # brottsbekämpning av illegal handel" (1 insats).
    assert rows["1"]["activities"] == 5
    # Goal F has the first three areas: 3 + 3 + 1 insatser.
    assert rows["F"]["activities"] == 7
    assert rows["5–6"]["label"].startswith("Personer med skadligt bruk eller beroende")
    vasteras = {r["notation"]: r for r in kg.query("goals", plan="vasteras")}
    # Målområde 3 holds activities 3.1–3.4; all five målområden sit under the overarching goal.
    assert vasteras["3"]["activities"] == 4
    assert vasteras["3"]["parent"] == VS + "goal-0"


def test_activities(kg):
    rows = {r["activity"]: r for r in kg.query("activities", plan="vasteras")}
    # 1.2 "Effektiv och samordnad tobakstillsyn" — Ansvar: Miljö- och konsumentnämnden (bold).
    assert rows[VS + "a-1.2"]["label"] == "Effektiv och samordnad tobakstillsyn"
    assert rows[VS + "a-1.2"]["responsible"] == "Miljö- och konsumentnämnden *"
    assert rows[VS + "a-1.2"]["parent"] == VS + "goal-1"
    vaxjo = kg.query("activities", plan="vaxjo")
    # 3.1.6 "Växjö kommun ska utveckla det alkoholpreventiva arbetet för äldre …"
    old = [r for r in vaxjo if r["section"] == "3.1.6"]
    assert len(old) == 1 and old[0]["parentLabel"] == "Alkoholprevention för äldre"


def test_actor_activities(kg):
    rows = kg.query("actor-activities", actor=ACTOR + "lansstyrelsen-kronoberg", role="responsible")
    # Ansvarig "Länsstyrelsen" (alone or with Polisen): three rows under Tillgänglighetsbegränsande
    # insatser, one under En effektiv brottsbekämpning, one under Verkningsfulla metoder.
    assert len(rows) == 5
    assert {r["plan"] for r in rows} == {PLAN + "kronoberg-2022-2026"}
    # Polisen: responsible in Kronoberg, partner in Växjö 3.2.1 ("samverkan mellan … polis …").
    polisen = kg.query("actor-activities", actor="actor:polisen", role="partner")
    assert {ids([r["plan"]])[0] for r in polisen} == {"kronoberg-2022-2026", "vaxjo-2022-2027"}


def test_activity_partners(kg):
    rows = kg.query("activity-partners", activity=KR + "a-04-4")
    # "Genomföra tillsynsinsatser gällande dopning på länets träningsanläggningar. | Polisen
    # RF-SISU Småland | Nätverk för 100 % ren hårdträning Kronoberg"
    assert [r["partnerLabel"] for r in rows] == ["Nätverk för 100 % ren hårdträning Kronoberg"]
    assert rows[0]["partnerType"] == PREFIXES["andts"] + "Network"


def test_indicators(kg):
    rows = kg.query("indicators", plan="vasteras")
    # One row per indicator: Västerås's plan has 24 (its "Uppföljning" cells).
    assert len(rows) == len({r["indicator"] for r in rows}) == 24
    # 3.3 "Minst 30 ANDTS-coacher utbildas per år."
    coaches = [r for r in rows if r["activityNotation"] == "3.3"]
    assert [r["targets"] for r in coaches] == ["at least 30 utbildade ANDTS-coacher per P1Y"]
    # Ansvar: "Nämnden för idrott, fritid och förebyggande" (bold, leads); "Grundskolenämnden,
    # Utbildnings- och arbetsmarknadsnämnden och Individ- och familjenämnden, Skultuna …" take part.
    responsible = coaches[0]["responsible"].split("; ")
    assert [r for r in responsible if r.endswith(" *")] == [
        "Nämnden för idrott, fritid och förebyggande *"
    ]
    assert len(responsible) == 5
    # 2.1, second row: Grinden four times a year, Mix BIG/Grinden five groups, Sommarstationen
    # two: one row, three targets in its cell, and three rows of indicator-targets.
    (grinden,) = [r for r in rows if r["indicator"] == VS + "i-2.1-2"]
    assert grinden["targets"].count("; ") == 2
    targets = kg.query("indicator-targets", plan="vasteras")
    assert sorted(r["value"] for r in targets if r["indicator"] == VS + "i-2.1-2") == [2, 4, 5]
    coach_target = [r for r in targets if r["activityNotation"] == "3.3"]
    assert [(r["comparator"], r["value"], r["period"]) for r in coach_target] == [
        ("at least", 30, "P1Y")
    ]
    kronoberg = kg.query("indicators", plan="kronoberg")
    assert len(kronoberg) == 55 and all(r["targets"] is None for r in kronoberg)


def test_activities_by_substance(kg):
    rows = kg.query("activities-by-substance", substance="substance:dopning", plan="kronoberg")
    names = ids(r["activity"] for r in rows)
    # "Genomföra tillsynsinsatser gällande dopning …" and "Upprätthålla och utveckla länets antidopningsarbete."
    assert {"a-04-4", "a-11-1"} <= set(names)
    vaxjo_tobacco = ids(
        r["activity"]
        for r in kg.query("activities-by-substance", substance="substance:tobak", plan="vaxjo")
    )
    # 3.1.3 "ha tobaksfria områden, tobaksfria skolor/tobaksfri skoltid"
    assert "a-3-1-3-2" in vaxjo_tobacco
    # 3.1.3 "ha narkotikafria bostäder/bostadsområden" names narcotics, not tobacco.
    assert "a-3-1-3-3" not in vaxjo_tobacco


def test_activities_by_target_group(kg):
    rows = kg.query("activities-by-target-group", group="group:foraldrar")
    found = {(ids([r["plan"]])[0], ids([r["activity"]])[0]) for r in rows}
    # Växjö 3.2.3 "Växjö kommun ska erbjuda föräldrastöd …"; Kronoberg "Arbete riktat mot föräldrar och äldre syskon …"
    assert ("vaxjo-2022-2027", "a-3-2-3-1") in found
    assert ("kronoberg-2022-2026", "a-07-2") in found


def test_activities_by_prevention_level(kg):
    rows = kg.query("activities-by-prevention-level", level="level:indikerad", plan="vaxjo")
    # 3.3 "Utvecklingsområdet stöd till enskilda personer": 3.3.1, 3.3.2, 3.3.3, one commitment each.
    assert ids(r["activity"] for r in rows) == ["a-3-3-1-1", "a-3-3-2-1", "a-3-3-3-1"]
    # The plan states the level of the utvecklingsområde only; the commitments' levels are
    # curated links (data/links/vaxjo.ttl).
    assert {r["curated"] for r in rows} == {True}


def test_national_goal_coverage(kg):
    rows = {(ids([r["plan"]])[0], r["notation"]): r for r in kg.query("national-goal-coverage")}
    # Kronoberg's Delmål 1 has the words of national goal 1 and holds 5 insatser.
    assert rows[("kronoberg-2022-2026", "1")]["activities"] == 5
    # Västerås målområde 5 follows national goal 6 and holds 5.1–5.3.
    assert rows[("vasteras-2022-2025", "6")]["activities"] == 3
    assert len(rows) == 3 * 8  # three plans × the overarching goal and seven long-term goals
    # Goal 7 (a public-health view of ANDTS in the EU and internationally) is served by no
    # local plan.
    assert [p for (p, n), r in rows.items() if n == "7" and r["alignedParts"]] == []


def test_factor_activities(kg):
    rows = kg.query("factor-activities", plan="vaxjo")
    parental = [r for r in rows if r["factor"] == FACTOR + "foralder-psykisk-sjukdom"]
    # 3.3.1 "erbjuda stödgrupper för barn med erfarenhet av beroende, våld, psykisk ohälsa …"
    assert [ids([r["activity"]])[0] for r in parental] == ["a-3-3-1-1"]
    assert parental[0]["rationale"]
    assert parental[0]["domains"] == "Familj"


def test_uncovered_factors(kg):
    rows = kg.query("uncovered-factors")
    # No activity in any plan works on these (the curated links were written factor by factor).
    assert ids(r["factor"] for r in rows) == sorted(
        [
            "lagre-socioekonomisk-position",
            "samre-skolprestationer",
            "otrygga-uppvaxtvillkor",
            "en-foralder-eller-familjehem",
            "foralder-fangelsestraff",
            "individuella-forutsattningar",
        ]
    )


def test_uncovered_factors_by_plan(kg):
    by_plan = {}
    for r in kg.query("uncovered-factors-by-plan"):
        by_plan.setdefault(ids([r["plan"]])[0], set()).add(ids([r["factor"]])[0])
    # Kronoberg works against langning ("Effektivt arbete mot langning av alkohol och tobak");
    # Växjö's commitments do not.
    assert "langning" in by_plan["vaxjo-2022-2027"]
    assert "langning" not in by_plan["kronoberg-2022-2026"]
    assert "national-2022-2025" not in by_plan  # no activities, so nothing to ask of it
    one = kg.query("uncovered-factors-by-plan", plan="vaxjo")
    assert {ids([r["factor"]])[0] for r in one} == by_plan["vaxjo-2022-2027"]


def test_empty_goals_and_areas(kg, tmp_path):
    assert (
        len(kg.query("empty-goals-and-areas")) == 0
    )  # every bundled goal and area holds activities
    plan = tmp_path / "tomby.ttl"
    plan.write_text(
        """@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/plan/tomby-2025-2027> a andts:MunicipalPlan .
<https://example.org/plan/tomby-2025-2027/area-1> a andts:ActionArea ; rdfs:label "Tomt område"@sv ;
    andts:inPlan <https://example.org/plan/tomby-2025-2027> ; andts:partOf <https://example.org/plan/tomby-2025-2027> .
""",
        encoding="utf-8",
    )
    rows = andtsgraph.load(plan).query("empty-goals-and-areas")
    assert [(r["label"], r["kind"]) for r in rows] == [("Tomt område", "action area")]


def test_activities_without_indicator(kg):
    rows = kg.query("activities-without-indicator")
    # Växjö 1.1: "Planen innehåller inga mål eller nyckeltal." — all 23 commitments; every
    # Kronoberg insats and Västerås activity has follow-up.
    assert {ids([r["plan"]])[0] for r in rows} == {"vaxjo-2022-2027"}
    assert len(rows) == 23


def test_activities_without_responsible(kg, tmp_path):
    assert len(kg.query("activities-without-responsible")) == 0
    plan = tmp_path / "ansvarslos.ttl"
    plan.write_text(
        """@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/plan/x-2025-2026> a andts:MunicipalPlan .
<https://example.org/plan/x-2025-2026/a-1> a andts:Activity ; rdfs:label "Ingen ansvarar"@sv ;
    andts:inPlan <https://example.org/plan/x-2025-2026> .
""",
        encoding="utf-8",
    )
    rows = andtsgraph.load(plan).query("activities-without-responsible")
    assert [r["label"] for r in rows] == ["Ingen ansvarar"]


def test_shared_actors(kg):
    rows = {ids([r["actor"]])[0]: r for r in kg.query("shared-actors")}
    # Polisen: Ansvarig/Samverkanspart in Kronoberg; "polis" in Växjö 3.2.1. Region Kronoberg:
    # Samverkanspart in Kronoberg; named in Växjö 3.1.1's introduction.
    assert set(rows) == {"polisen", "region-kronoberg"}
    assert sorted(rows["polisen"]["planIds"].split(", ")) == [
        "kronoberg-2022-2026",
        "vaxjo-2022-2027",
    ]
    assert rows["polisen"]["plans"] == 2


def test_methods(kg):
    rows = {r["label"]: r for r in kg.query("methods", plan="vasteras")}
    # 2.1 "Stödgrupper för barn och ungdomar - BIG …" and 4.1 "Öppenvårdsmottagningen IRIS …"
    assert rows["BIG"]["activities"] == 1
    assert rows["IRIS"]["activities"] == 1
    assert "Interbook GO" in rows  # 3.4 "via möten och via Interbook GO"


def test_substance_level_matrix(kg):
    cells = {
        (r["substanceLabel"], r["levelLabel"]): r["activities"]
        for r in kg.query("substance-level-matrix", plan="vaxjo")
    }
    assert len(cells) == 5 * 3  # every cell present, empty ones with 0
    # Selective level (3.2): 3.2.1 "… Regional Handlingsplan ANDTS …", 3.2.1 "samverka med
    # restaurangerna genom Ansvarsfull Alkoholservering" and 3.2.2 "… problem kopplat till ANDTS".
    assert cells[("Alkohol", "Selektiv")] == 3
    # Indicated level (3.3): only 3.3.1 names a substance ("familjer med alkoholmissbruk").
    assert cells[("Alkohol", "Indikerad")] == 1
    assert cells[("Tobak och nikotin", "Indikerad")] == 0


def test_target_group_level_matrix(kg):
    cells = {
        (r["groupLabel"], r["levelLabel"]): r["activities"]
        for r in kg.query("target-group-level-matrix", plan="vaxjo")
    }
    assert cells[("Äldre", "Universell")] == 1  # 3.1.6 Alkoholprevention för äldre
    assert cells[("Föräldrar", "Selektiv")] == 1  # 3.2.3 Föräldraskapsstöd
    assert cells[("Äldre", "Indikerad")] == 0


def test_search_activities(kg):
    rows = kg.query("search-activities", text="LANGNING")
    # Kronoberg: "Arbeta strukturerat med antilangning …", "Arbete riktat mot föräldrar och äldre syskon för att förebygga langning."
    assert ids(r["activity"] for r in rows) == ["a-07-1", "a-07-2"]
    assert len(kg.query("search-activities", text="Kronobarnsmodellen", plan="vaxjo")) == 1


def test_actor_hubs(kg):
    rows = {r["label"]: r for r in kg.query("actor-hubs", plan="kronoberg")}
    # Beredningsgruppen is Ansvarig for 23 of the 30 insatser.
    assert rows["Beredningsgruppen"]["responsible"] == 23
    assert rows["Beredningsgruppen"]["lead"] == 0  # the regional plan marks no lead
    # Polisen: responsible for 5, partner in 2 ("Initiera samordnad …", "Stödja skolornas …").
    assert (
        rows["Polisen"]["responsible"],
        rows["Polisen"]["partner"],
        rows["Polisen"]["activities"],
    ) == (5, 2, 7)


def test_actor_activity_edges(kg):
    rows = kg.query("actor-activity-edges", plan="vasteras")
    edges = {(ids([r["activity"]])[0], ids([r["actor"]])[0], r["role"]) for r in rows}
    # 2.1: Individ- och familjenämnden printed first in every row's Ansvar.
    assert ("a-2.1", "individ-och-familjenamnden", "lead") in edges
    assert ("a-2.1", "individ-och-familjenamnden", "responsible") in edges
    # 5.2 "Individ- och familjenämnden i samverkan med Region Västmanland …"
    assert ("a-5.2", "region-vastmanland", "partner") in edges


def test_plan_hierarchy(kg):
    rows = {r["part"]: r for r in kg.query("plan-hierarchy", plan="vaxjo")}
    assert rows[VX + "io-3-1-1"]["parent"] == VX + "uo-3-1"
    assert rows[VX + "uo-3-1"]["parent"] == PLAN + "vaxjo-2022-2027"
    assert sum(1 for r in rows.values() if r["kind"] == "activity") == 23


def test_actors(kg):
    rows = {ids([r["actor"]])[0]: r for r in kg.query("actors")}
    assert rows["beredningsgruppen"]["parentLabel"] == "Livsstil Kronoberg"
    assert rows["polisen"]["kind"] == "Government agency"
    assert "Kommunerna" in rows["vaxjo-kommun"]["memberOf"]


def test_plan_documents(kg):
    rows = kg.query("plan-documents", plan="vaxjo")
    by_relation = {}
    for r in rows:
        by_relation.setdefault(r["relation"], set()).add(r["label"])
    # "ANDTS-plan för Växjö kommun ersätter Alkohol- och drogpolitiskt program och Handlingsplan
    # inom området alkohol, narkotika och tobak."
    assert by_relation["replaces"] == {
        "Alkohol- och drogpolitiskt program",
        "Handlingsplan inom området alkohol, narkotika och tobak",
    }
    assert len(by_relation["references"]) == 5  # the five entries under Referenser
    assert "Tryggt och tillitsfullt" in by_relation["contributes to"]


def test_query_from_a_file_and_labels(kg, tmp_path):
    mine = tmp_path / "mine.rq"
    mine.write_text(
        "# title: Mine\nSELECT ?a WHERE { ?a andts:lead <https://w3id.org/andtsgraph/actor/vasteras-stad/kulturnamnden> }",
        encoding="utf-8",
    )
    rows = kg.query(str(mine), labels=True)
    # 3.4, first row: "Information och stöd till föreningar …" — Ansvar: Kulturnämnden.
    assert (
        "Öka kunskap och trygghet avseende handlingsförfarande i ANDTS-frågor hos personer som verkar i bidragsberättigad förening"
        in rows.column("a")
    )
    english = kg.query("SELECT ?s WHERE { VALUES ?s { substance:spel } }", labels=True, lang="en")
    assert english.column("s") == ["Gambling"]


def test_python_values(kg):
    row = kg.query("indicators", plan="vasteras")[0]
    assert isinstance(row["indicator"], str)
    decimals = [r["value"] for r in kg.query("indicator-targets") if r["value"] is not None]
    assert all(isinstance(v, int | Decimal) for v in decimals)
