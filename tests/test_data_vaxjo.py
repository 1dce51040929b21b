"""Data tests for the ANDTS-plan för Växjö kommun 2022–2027 (plan:vaxjo-2022-2027).

Every expected value below is hand-checked against the source text (the published PDF of
2022-12-13, read as a clean text extraction and a raw one from page 4); the comment
above each assertion quotes the line it checks.
"""

from __future__ import annotations

import datetime

import pytest

from andtsgraph.namespaces import LINKS_GRAPH, plan_graph

PLAN = "https://w3id.org/andtsgraph/plan/vaxjo-2022-2027"
VX = PLAN + "/"
ACTOR = "https://w3id.org/andtsgraph/actor/"
NAT = "https://w3id.org/andtsgraph/plan/national-2022-2025/"
FACTOR = "https://w3id.org/andtsgraph/vocab/factor/"
GROUP = "https://w3id.org/andtsgraph/vocab/target-group/"
METHOD = "https://w3id.org/andtsgraph/vocab/method/"
LEVEL = "https://w3id.org/andtsgraph/vocab/prevention-level/"
SUBSTANCE = "https://w3id.org/andtsgraph/vocab/substance/"

KRONOBERG_MUNICIPALITIES = {
    ACTOR + slug
    for slug in (
        "vaxjo-kommun",
        "alvesta-kommun",
        "lessebo-kommun",
        "ljungby-kommun",
        "markaryds-kommun",
        "tingsryds-kommun",
        "uppvidinge-kommun",
        "almhults-kommun",
    )
}


def q(kg, sparql: str) -> list[dict]:
    """Run a query; IRIs (rdflib URIRef, a str subclass that never equals a plain str) become str."""
    return [
        {k: (str(v) if isinstance(v, str) else v) for k, v in row.items()}
        for row in kg.query(sparql)
    ]


def values(kg, sparql: str, column: str = "x") -> set:
    return {row[column] for row in q(kg, sparql)}


def count(kg, cls: str) -> int:
    rows = q(
        kg,
        f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a {cls} ; andts:inPlan plan:vaxjo-2022-2027 }}",
    )
    return rows[0]["n"]


# ---- counts ---------------------------------------------------------------------------------------


def test_no_goals_and_no_indicators(kg):
    # 1.1: "Planen innehåller inga mål eller nyckeltal."
    assert count(kg, "andts:OverarchingGoal") == 0
    assert count(kg, "andts:SubGoal") == 0
    assert count(kg, "andts:Goal") == 0
    assert count(kg, "andts:Indicator") == 0


def test_three_development_areas_and_twelve_action_areas(kg):
    # Section 3: "består planen av tre utvecklingsområden"; table of contents 3.1.1–3.3.3.
    assert count(kg, "andts:DevelopmentArea") == 3
    assert count(kg, "andts:ActionArea") == 12
    notations = values(
        kg,
        """SELECT ?x WHERE { ?a a andts:ActionArea ; andts:inPlan plan:vaxjo-2022-2027 ;
                                 skos:notation ?x }""",
    )
    assert notations == {
        "3.1.1",
        "3.1.2",
        "3.1.3",
        "3.1.4",
        "3.1.5",
        "3.1.6",
        "3.2.1",
        "3.2.2",
        "3.2.3",
        "3.3.1",
        "3.3.2",
        "3.3.3",
    }


def test_twenty_three_commitments_and_their_distribution(kg):
    # Counted by hand: 3.1.1 one bullet; 3.1.2 two blocks of two bullets; 3.1.3 three bullets;
    # 3.1.4 "I Växjö kommun ska förvaltningar och bolag ha …" + two bullets; 3.1.5 two
    # "Växjö kommun ska" sentences; 3.1.6 one; 3.2.1 lead sentence + three bullets; 3.2.2 one;
    # 3.2.3 "Växjö kommun ska erbjuda - föräldrastöd/…" one; 3.3.1 one bullet; 3.3.2 one;
    # 3.3.3 "ska roller och samverkan förtydligas" one.
    assert count(kg, "andts:Activity") == 23
    rows = q(
        kg,
        """SELECT ?n (COUNT(?a) AS ?k) WHERE { ?a a andts:Activity ; andts:inPlan plan:vaxjo-2022-2027 ;
                        andts:partOf ?area . ?area skos:notation ?n } GROUP BY ?n""",
    )
    per_area = {r["n"]: r["k"] for r in rows}
    assert per_area == {
        "3.1.1": 1,
        "3.1.2": 4,
        "3.1.3": 3,
        "3.1.4": 3,
        "3.1.5": 2,
        "3.1.6": 1,
        "3.2.1": 4,
        "3.2.2": 1,
        "3.2.3": 1,
        "3.3.1": 1,
        "3.3.2": 1,
        "3.3.3": 1,
    }


def test_every_commitment_is_vaxjo_kommuns(kg):
    # "Definitioner: Med Växjö kommun menas samtliga förvaltningar och bolag som ingår i Växjö
    # kommunkoncern." Every commitment's subject is Växjö kommun: one distinct responsible actor.
    responsible = values(
        kg,
        """SELECT DISTINCT ?x WHERE { ?a a andts:Activity ; andts:inPlan plan:vaxjo-2022-2027 ;
                                  andts:responsible ?x }""",
    )
    assert responsible == {ACTOR + "vaxjo-kommun"}
    missing = q(
        kg,
        """SELECT ?a WHERE { ?a a andts:Activity ; andts:inPlan plan:vaxjo-2022-2027 .
                           FILTER NOT EXISTS { ?a andts:responsible ?r ; andts:sourceSection ?s ;
                                               andts:preventionLevel ?l ; andts:sourcePage ?p } }""",
    )
    assert len(missing) == 0


# ---- plan metadata --------------------------------------------------------------------------------


def test_plan_metadata(kg):
    # "Dokumentnamn ANDTS-plan för Växjö kommun 2022–2027 | Fastställd/Upprättad Kommunfullmäktige
    # 2022-12-13 § 219 | … Dnr KS/2014-00627 | Dokumentansvarig Kommunstyrelsen | Giltighetstid
    # Från 2022-12-13 Till och med 2027-12-31"
    row = q(
        kg,
        """SELECT * WHERE { plan:vaxjo-2022-2027 a andts:MunicipalPlan ; dcterms:title ?title ;
        dcterms:identifier ?id ; dcterms:publisher ?pub ; andts:adoptedBy ?by ; dcterms:dateAccepted ?acc ;
        andts:decisionReference ?dec ; andts:documentOwner ?owner ; andts:validFrom ?from ; andts:validUntil ?until }""",
    )
    assert len(row) == 1
    r = row[0]
    assert r["title"] == "ANDTS-plan för Växjö kommun 2022–2027"
    assert r["id"] == "KS/2014-00627"
    assert r["pub"] == ACTOR + "vaxjo-kommun"
    assert r["by"] == ACTOR + "vaxjo-kommun/kommunfullmaktige"
    assert r["acc"] == datetime.date(2022, 12, 13)
    assert r["dec"] == "Kommunfullmäktige 2022-12-13 § 219"
    assert r["owner"] == ACTOR + "vaxjo-kommun/kommunstyrelse"
    assert r["from"] == datetime.date(2022, 12, 13)
    assert r["until"] == datetime.date(2027, 12, 31)


def test_replaces_two_earlier_documents(kg):
    # "ANDTS-plan för Växjö kommun ersätter Alkohol- och drogpolitiskt program och Handlingsplan
    # inom området alkohol, narkotika och tobak."
    titles = values(
        kg,
        """SELECT ?x WHERE { plan:vaxjo-2022-2027 dcterms:replaces ?d .
                             ?d a andts:PolicyDocument ; dcterms:title ?x }""",
    )
    assert titles == {
        "Alkohol- och drogpolitiskt program",
        "Handlingsplan inom området alkohol, narkotika och tobak",
    }


def test_based_on_national_strategy_and_regional_plan(kg):
    # 2.3: "Planen grundar sig i den nationella ANDTS-strategin och Regional Handlingsplan ANDTS
    # och brottsförebyggande arbete"
    based = values(kg, "SELECT ?x WHERE { plan:vaxjo-2022-2027 andts:basedOn ?x }")
    assert based == {
        "https://w3id.org/andtsgraph/plan/national-2022-2025",
        "https://w3id.org/andtsgraph/plan/kronoberg-2022-2026",
    }


def test_contributes_to_four_malbilder_and_four_challenges_of_hallbara_vaxjo_2030(kg):
    # 2.4: "den ligger i linje med ett Växjö som år 2030 är ”Tryggt och tillitsfullt”, ”Rättvist och
    # ansvarstagande”, ”Växande och inkluderande” och ”Grönt och hälsosamt”" and "bidra till
    # utmaningarna i Hållbara Växjö 2030; Jämlikhet och jämställdhet, Trygghet och
    # samhällsgemenskap, Hälsa och välbefinnande och Kunskap, livslångt lärande och utbildning."
    labels = values(
        kg,
        """SELECT ?x WHERE { plan:vaxjo-2022-2027 andts:contributesTo ?o .
        ?o a andts:PolicyObjective ; rdfs:label ?x ; dcterms:isPartOf ?prog .
        ?prog a andts:PolicyDocument ; dcterms:title "Hållbara Växjö 2030"@sv }""",
    )
    assert labels == {
        "Tryggt och tillitsfullt",
        "Rättvist och ansvarstagande",
        "Växande och inkluderande",
        "Grönt och hälsosamt",
        "Jämlikhet och jämställdhet",
        "Trygghet och samhällsgemenskap",
        "Hälsa och välbefinnande",
        "Kunskap, livslångt lärande och utbildning",
    }


def test_references(kg):
    # Referenser: Andreasson et al. (2019); Folkhälsomyndigheten (2022) ×2; Länsstyrelsen Kronoberg
    # (2022) Regional handlingsplan …; Regeringens skrivelse 2021/22:213. The last two are plans.
    refs = q(
        kg,
        """SELECT ?r ?c WHERE { plan:vaxjo-2022-2027 dcterms:references ?r .
                        OPTIONAL { ?r a dcterms:BibliographicResource ; dcterms:bibliographicCitation ?c } }""",
    )
    assert len(refs) == 5
    cited = {r["c"] for r in refs if r["c"]}
    assert len(cited) == 3
    assert any(
        c.startswith("Andreasson S, Chikritzhs T") and "Alkohol och äldre" in c for c in cited
    )
    # raw text: "European drug prevention quality standards (EDPQS)"
    assert any("(EDPQS)" in c for c in cited)
    plans = {r["r"] for r in refs if not r["c"]}
    assert plans == {
        "https://w3id.org/andtsgraph/plan/national-2022-2025",
        "https://w3id.org/andtsgraph/plan/kronoberg-2022-2026",
    }


# ---- structure ------------------------------------------------------------------------------------


def test_development_areas_and_their_prevention_levels(kg):
    # 3.1 "insatser innan problem … har utvecklats … för hela befolkningen" (universell),
    # 3.2 "insatser för särskilda riskgrupper" (selektiv), 3.3 "insatser riktat till individer som
    # redan utvecklat problem" (indikerad) — the Ordlista's three levels.
    rows = q(
        kg,
        """SELECT ?n ?label ?level WHERE { ?u a andts:DevelopmentArea ; andts:inPlan plan:vaxjo-2022-2027 ;
                        skos:notation ?n ; rdfs:label ?label ; andts:preventionLevel ?level ;
                        andts:partOf plan:vaxjo-2022-2027 } ORDER BY ?n""",
    )
    assert [(r["n"], r["label"], r["level"]) for r in rows] == [
        ("3.1", "Utvecklingsområdet insatser för alla", LEVEL + "universell"),
        ("3.2", "Utvecklingsområdet insatser för särskilda grupper", LEVEL + "selektiv"),
        ("3.3", "Utvecklingsområdet stöd till enskilda personer", LEVEL + "indikerad"),
    ]


def test_activities_take_the_level_of_their_development_area_only_as_curated_links(kg):
    # The plan states a level for its three utvecklingsområden only; that each commitment takes
    # the level of its area is a reading: in the curated links, never in the plan's own graph.
    own = q(
        kg,
        f"""SELECT ?x WHERE {{ GRAPH <{plan_graph("vaxjo-2022-2027")}> {{ ?x andts:preventionLevel ?l }} }}""",
    )
    assert sorted(str(r["x"]).rsplit("/", 1)[1] for r in own) == ["uo-3-1", "uo-3-2", "uo-3-3"]
    linked = q(
        kg,
        f"""SELECT ?a ?l1 ?l2 ?why WHERE {{ ?a a andts:Activity ; andts:inPlan plan:vaxjo-2022-2027 ;
                        andts:partOf/andts:partOf ?u . ?u andts:preventionLevel ?l2 .
            GRAPH <{LINKS_GRAPH}> {{ ?a andts:preventionLevel ?l1 .
                ?s rdf:subject ?a ; rdf:predicate andts:preventionLevel ; rdf:object ?l1 ; andts:rationale ?why }} }}""",
    )
    assert len(linked) == 23
    assert all(r["l1"] == r["l2"] for r in linked)


def test_barnens_basta_galler_label_from_body_and_toc_form_as_altlabel(kg):
    # Body: "3.1.1. Barnens bästa gäller!"; table of contents: "3.1.1. Barns Bästa gäller! ..... 8"
    rows = q(
        kg,
        """SELECT ?l ?alt ?p WHERE { vx:io-3-1-1 rdfs:label ?l ; skos:altLabel ?alt ;
                        andts:sourcePage ?p ; andts:partOf vx:uo-3-1 }""",
    )
    assert [(r["l"], r["alt"], r["p"]) for r in rows] == [
        ("Barnens bästa gäller!", "Barns Bästa gäller!", 8)
    ]


def test_source_pages_from_the_table_of_contents(kg):
    # "3.2. Utvecklingsområdet insatser för särskilda grupper 10", "3.3.1. Riktat stöd till barn och unga 11",
    # "3.1.3. Främjande fysiska miljöer 9"
    pages = {
        r["a"]: r["p"]
        for r in q(
            kg,
            "SELECT ?a ?p WHERE { VALUES ?a { vx:uo-3-2 vx:io-3-3-1 vx:io-3-1-3 vx:uo-3-1 } ?a andts:sourcePage ?p }",
        )
    }
    assert pages == {VX + "uo-3-2": 10, VX + "io-3-3-1": 11, VX + "io-3-1-3": 9, VX + "uo-3-1": 7}


def test_action_area_introduction_is_its_description(kg):
    # 3.1.3: "Växjö kommun arbetar för att den fysiska miljön främjar hälsan och inte möjliggör bruk av droger."
    desc = values(kg, "SELECT ?x WHERE { vx:io-3-1-3 dcterms:description ?x }")
    assert desc == {
        "Växjö kommun arbetar för att den fysiska miljön främjar hälsan och inte möjliggör bruk av droger."
    }


def test_kronobarnsmodellen_actors_are_involved_in_area_3_1_1(kg):
    # 3.1.1: "Växjö kommun, övriga kommuner i länet och Region Kronoberg utvecklar tillsammans med
    # polisen och idéburen sektor en arbetsmodell, Kronobarnsmodellen"
    involved = values(kg, "SELECT ?x WHERE { vx:io-3-1-1 andts:involves ?x }")
    assert involved == KRONOBERG_MUNICIPALITIES | {
        ACTOR + "region-kronoberg",
        ACTOR + "polisen",
        ACTOR + "ideburen-sektor",
    }


# ---- specific commitments -------------------------------------------------------------------------


def test_commitment_3_1_1_uses_kronobarnsmodellen(kg):
    # "inom ramen för Barnens bästa gäller! och arbetsmodellen Kronobarnsmodellen utveckla det
    # förebyggande ANDTS-arbetet."
    methods = values(kg, "SELECT ?x WHERE { vx:a-3-1-1-1 andts:usesMethod ?x }")
    assert methods == {METHOD + "kronobarnsmodellen", METHOD + "barnens-basta-galler"}
    # "ANDTS" names all five substances
    assert len(values(kg, "SELECT ?x WHERE { vx:a-3-1-1-1 andts:substance ?x }")) == 5


def test_commitment_label_drops_trailing_och(kg):
    # "• prioritera insatser som syftar till att utveckla social kompetens och förmågan att fatta sunda beslut och"
    label = values(kg, "SELECT ?x WHERE { vx:a-3-1-2-1 rdfs:label ?x }")
    assert label == {
        "Växjö kommun ska prioritera insatser som syftar till att utveckla social kompetens "
        "och förmågan att fatta sunda beslut."
    }


def test_open_drug_dealing_uses_situational_prevention(kg):
    # 3.1.3: "identifiera och kartlägga platser för öppen narkotikaförsäljning och vidta situationella åtgärder"
    rows = q(kg, "SELECT ?m ?s WHERE { vx:a-3-1-3-1 andts:usesMethod ?m ; andts:substance ?s }")
    assert {(r["m"], r["s"]) for r in rows} == {
        (METHOD + "situationell-prevention", SUBSTANCE + "narkotika")
    }
    # "ha tobaksfria områden, tobaksfria skolor/tobaksfri skoltid" -> tobak
    assert values(kg, "SELECT ?x WHERE { vx:a-3-1-3-2 andts:substance ?x }") == {
        SUBSTANCE + "tobak"
    }


def test_alcohol_prevention_for_older_people(kg):
    # 3.1.6: "Växjö kommun ska utveckla det alkoholpreventiva arbetet för äldre"
    assert values(kg, "SELECT ?x WHERE { vx:a-3-1-6-1 andts:substance ?x }") == {
        SUBSTANCE + "alkohol"
    }
    assert values(kg, "SELECT ?x WHERE { vx:a-3-1-6-1 andts:targetGroup ?x }") == {GROUP + "aldre"}


def test_restaurants_are_partners_in_responsible_beverage_service(kg):
    # 3.2.1: "samverka med restaurangerna genom metoden Ansvarsfull Alkoholservering."
    rows = q(
        kg,
        """SELECT ?p ?label ?m WHERE { vx:a-3-2-1-4 andts:partner ?p ; andts:usesMethod ?m .
                        ?p a andts:ActorGroup ; rdfs:label ?label FILTER (lang(?label) = "sv") }""",
    )
    assert [(r["p"], r["label"], r["m"]) for r in rows] == [
        (
            ACTOR + "vaxjo-kommun/restaurangerna",
            "Restaurangerna",
            METHOD + "ansvarsfull-alkoholservering",
        )
    ]


def test_six_collaboration_partners_of_3_2_1(kg):
    # "ha särskilt fokus på samverkan mellan utbildning, socialtjänst, hälso- och sjukvård, polis,
    # bostadsbolag och idéburen sektor."
    partners = values(kg, "SELECT ?x WHERE { vx:a-3-2-1-2 andts:partner ?x }")
    assert len(partners) == 6
    assert {ACTOR + "polisen", ACTOR + "ideburen-sektor"} <= partners


def test_parenting_support(kg):
    # 3.2.3: "Växjö kommun ska erbjuda - föräldrastöd/individuella samtal, föräldrautbildningar och
    # tematiska föräldramöten."
    rows = q(
        kg,
        """SELECT ?g ?m ?l WHERE { vx:a-3-2-3-1 andts:targetGroup ?g ; andts:usesMethod ?m ;
                        andts:preventionLevel ?l }""",
    )
    assert {(r["g"], r["m"], r["l"]) for r in rows} == {
        (GROUP + "foraldrar", METHOD + "foraldraskapsstod", LEVEL + "selektiv")
    }


def test_roles_and_collaboration_3_3_3_involve_three_groups(kg):
    # 3.3.3: "ska roller och samverkan förtydligas mellan olika insatser som exempelvis mobila team,
    # fältsekreterare och skolsocionome[r]"
    labels = values(
        kg,
        """SELECT ?x WHERE { vx:a-3-3-3-1 andts:involves ?g . ?g a andts:ActorGroup ;
                             rdfs:label ?x FILTER (lang(?x) = "sv") }""",
    )
    assert labels == {"Mobila team", "Fältsekreterare", "Skolsocionomer"}


def test_support_groups_for_children_are_indicated(kg):
    # 3.3.1 (in "3.3. Utvecklingsområdet stöd till enskilda personer"): "erbjuda stödgrupper för barn …"
    rows = q(
        kg,
        """SELECT ?l ?g ?area WHERE { vx:a-3-3-1-1 andts:preventionLevel ?l ; andts:targetGroup ?g ;
                        andts:partOf ?area }""",
    )
    assert {(r["l"], r["g"], r["area"]) for r in rows} == {
        (LEVEL + "indikerad", GROUP + "barn-och-unga", VX + "io-3-3-1")
    }


# ---- actors ---------------------------------------------------------------------------------------


def test_styrgrupp_and_arbetsgrupp_members(kg):
    # 2.3: "en styrgrupp och en arbetsgrupp med representanter från kommunledningsförvaltningen,
    # utbildningsförvaltningen, förvaltningen för arbete och välfärd och Växjöbostäder."
    for group in ("andts-styrgrupp", "andts-arbetsgrupp"):
        members = values(
            kg,
            f"SELECT ?x WHERE {{ <{ACTOR}vaxjo-kommun/{group}> a andts:WorkingGroup ; org:hasMember ?x }}",
        )
        assert members == {
            ACTOR + "vaxjo-kommun/kommunledningsforvaltningen",
            ACTOR + "vaxjo-kommun/utbildningsforvaltningen",
            ACTOR + "vaxjo-kommun/forvaltningen-for-arbete-och-valfard",
            ACTOR + "vaxjo-kommun/vaxjobostader",
        }
    company = q(
        kg,
        """SELECT ?l WHERE { <https://w3id.org/andtsgraph/actor/vaxjo-kommun/vaxjobostader> a andts:MunicipalCompany ;
                           org:subOrganizationOf actor:vaxjo-kommun ; rdfs:label ?l FILTER (lang(?l) = "sv") }""",
    )
    assert [r["l"] for r in company] == ["Växjöbostäder"]


def test_political_bodies_are_committees_of_vaxjo_kommun(kg):
    # "Fastställd/Upprättad Kommunfullmäktige …", "Dokumentansvarig Kommunstyrelsen"
    rows = values(
        kg,
        """SELECT ?x WHERE { ?c a andts:Committee ; org:subOrganizationOf actor:vaxjo-kommun ;
                           rdfs:label ?x FILTER (lang(?x) = "sv") }""",
    )
    assert {"Kommunfullmäktige", "Kommunstyrelsen"} <= rows


# ---- vocabulary -----------------------------------------------------------------------------------


def test_glossary_terms(kg):
    # Ordlista: Förebyggande arbete, Hälsofrämjande arbete, Föräldraskapsstöd, Situationell brottsprevention
    rows = q(
        kg,
        """SELECT ?t ?label ?def WHERE { VALUES ?t { term:forebyggande-arbete term:halsoframjande-arbete
                        term:foraldraskapsstod term:situationell-brottsprevention }
                        ?t skos:inScheme <https://w3id.org/andtsgraph/vocab/glossary> ; skos:prefLabel ?label ;
                        skos:definition ?def FILTER (lang(?label) = "sv" && lang(?def) = "sv") }""",
    )
    assert len(rows) == 4
    defs = {r["label"]: r["def"] for r in rows}
    assert defs["Föräldraskapsstöd"].startswith(
        "Föräldraskapsstöd är insatser, aktiviteter och verksamheter riktade till föräldrar som stärker föräldraförmågan"
    )
    # "(Myndigheten för familjerätt och föräldraskapsstöd, 2022)"
    sources = values(kg, "SELECT ?x WHERE { term:foraldraskapsstod dcterms:source ?x }")
    assert "Myndigheten för familjerätt och föräldraskapsstöd, 2022" in sources
    assert values(kg, "SELECT ?x WHERE { term:situationell-brottsprevention skos:related ?x }") == {
        METHOD + "situationell-prevention"
    }


# ---- curated links --------------------------------------------------------------------------------


def test_every_action_area_aligns_with_a_national_goal(kg):
    rows = q(
        kg,
        """SELECT ?a WHERE { ?a a andts:ActionArea ; andts:inPlan plan:vaxjo-2022-2027 .
                        FILTER NOT EXISTS { ?a andts:alignsWith ?g } }""",
    )
    assert len(rows) == 0
    # 3.1.3 ("motverka öppen narkotikaförsäljning", "tobaksfria områden") works on availability: goal 1.
    assert NAT + "goal-1" in values(kg, "SELECT ?x WHERE { vx:io-3-1-3 andts:alignsWith ?x }")


def test_curated_links_are_reified_with_a_rationale(kg):
    rows = q(
        kg,
        """SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER (STRSTARTS(STR(?s), STR(vx:)))
                        VALUES ?p { andts:alignsWith andts:addressesFactor } }""",
    )
    assert len(rows) == 36  # 19 alignments + 17 factor links
    unreified = q(
        kg,
        """SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER (STRSTARTS(STR(?s), STR(vx:)))
                             VALUES ?p { andts:alignsWith andts:addressesFactor }
                             FILTER NOT EXISTS { ?l a andts:CuratedLink ; rdf:subject ?s ; rdf:predicate ?p ;
                                                 rdf:object ?o ; andts:rationale ?r } }""",
    )
    assert len(unreified) == 0


def test_support_groups_address_the_parental_risk_factors(kg):
    # 3.3.1: "Det är en riskfaktor att växa upp med en förälder med psykisk sjukdom eller alkohol och
    # narkotikadiagnos …" / "stödgrupper för barn med erfarenhet av beroende, våld, psykisk ohälsa"
    factors = values(kg, "SELECT ?x WHERE { vx:a-3-3-1-1 andts:addressesFactor ?x }")
    assert factors == {
        FACTOR + "foralder-psykisk-sjukdom",
        FACTOR + "foralder-beroende-eller-spelproblem",
        FACTOR + "vald-i-hemmet",
    }


@pytest.mark.parametrize(
    "factor",
    ["lagre-socioekonomisk-position", "individuella-forutsattningar", "samre-skolprestationer"],
)
def test_some_risk_factors_of_2_2_have_no_vaxjo_activity(kg, factor):
    # 2.2 lists "Lägre socioekonomisk position …", "Sämre skolprestationer …" and "Individuella
    # förutsättningar … att vara pojke"; no Växjö commitment plainly works on them.
    rows = q(
        kg,
        f"""SELECT ?a WHERE {{ ?a andts:addressesFactor factor:{factor} ;
                         andts:inPlan plan:vaxjo-2022-2027 }}""",
    )
    assert len(rows) == 0


def test_internet_urls_are_the_plans_references_only(kg):
    # The reference list prints three URLs under "Internet" and ties none to a section: in the
    # plan's own graph they are the plan's rdfs:seeAlso and nothing else's.
    rows = q(
        kg,
        f"""SELECT ?s ?u WHERE {{ GRAPH <{plan_graph("vaxjo-2022-2027")}> {{
            ?s rdfs:seeAlso|foaf:page ?u }} }}""",
    )
    assert {str(r["s"]).rsplit("/", 1)[1] for r in rows} == {"vaxjo-2022-2027"}
    assert len(rows) == 3
    linked = q(
        kg,
        f"""SELECT ?s WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?s rdfs:seeAlso|foaf:page ?u .
            ?l rdf:subject ?s ; rdf:object ?u ; andts:rationale ?r }} }}""",
    )
    assert len(linked) == 4
