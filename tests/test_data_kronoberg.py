"""Data tests for the Kronoberg regional plan.

Source: the text of "Regional handlingsplan ANDTS och brottsförebyggande arbete 2022–2026"
(Livsstil Kronoberg), as extracted from the published PDF. Every expected value below was
counted or copied by hand from that text; the comment next to each check quotes the line it
checks.

Uses the session fixture ``kg`` (the whole loaded knowledge graph); ``kg.query`` returns a
sequence of dict rows (IRIs as str
or a str subclass, literals as Python values), with the standard prefixes
predeclared.
"""

AND = "https://w3id.org/andtsgraph/ontology#"
PLAN = "https://w3id.org/andtsgraph/plan/kronoberg-2022-2026"
KR = PLAN + "/"
ACTOR = "https://w3id.org/andtsgraph/actor/"
NAT = "https://w3id.org/andtsgraph/plan/national-2022-2025/"
METHOD = "https://w3id.org/andtsgraph/vocab/method/"
GROUP = "https://w3id.org/andtsgraph/vocab/target-group/"
SUBST = "https://w3id.org/andtsgraph/vocab/substance/"
PERSP = "https://w3id.org/andtsgraph/vocab/perspective/"


def select(kg, sparql):
    """Rows as plain dicts; IRIs (rdflib.URIRef, a str subclass) are made plain str so that
    they compare equal to the expected strings."""
    return [
        {k: (str(v) if isinstance(v, str) else v) for k, v in row.items()}
        for row in kg.query(sparql)
    ]


def one(kg, sparql):
    rows = select(kg, sparql)
    assert len(rows) == 1, rows
    return rows[0]


def column(kg, sparql, col):
    return {row[col] for row in select(kg, sparql)}


def responsible(kg, activity):
    return column(kg, f"SELECT ?a WHERE {{ kr:{activity} andts:responsible ?a }}", "a")


def partners(kg, activity):
    return column(kg, f"SELECT ?a WHERE {{ kr:{activity} andts:partner ?a }}", "a")


def indicators(kg, activity):
    return column(
        kg,
        f"SELECT ?l WHERE {{ ?i andts:indicatorOf kr:{activity} ; a andts:Indicator ; rdfs:label ?l }}",
        "l",
    )


# ---------------------------------------------------------------------------------------------
# Counts
# ---------------------------------------------------------------------------------------------


def test_goal_count_and_notations(kg):
    # Goals: "Skapa förutsättningar (F) för ett förbättrat samordnat ANDTS- och
    # brottsförebyggande arbete i länet", "Delmål 1.", "Delmål 2.", "Delmål 3.", "Målområde 4.",
    # "Målområde 5 och 6." (one heading, one goal): 6 goal nodes, all sub-goals of the plan.
    rows = select(
        kg,
        """SELECT ?g ?n WHERE { ?g a andts:SubGoal ; andts:inPlan plan:kronoberg-2022-2026 ;
                                   andts:partOf plan:kronoberg-2022-2026 ; skos:notation ?n }""",
    )
    assert len(rows) == 6
    assert {r["n"] for r in rows} == {"F", "1", "2", "3", "4", "5–6"}
    # The plan has no overarching goal of its own.
    row = one(
        kg,
        "SELECT (COUNT(?g) AS ?c) WHERE { ?g a andts:OverarchingGoal ; andts:inPlan plan:kronoberg-2022-2026 }",
    )
    assert row["c"] == 0


def test_action_area_count_and_goals(kg):
    # Fourteen "Område för samhandling"; the goal heading printed right after an area's name
    # opens that goal (e.g. "Tillgänglighetsbegränsande insatser" / "Delmål 1. …",
    # "Dopningsförebyggande arbete" / "Målområde 5 och 6. …"); the first three belong to F.
    expected = {
        "area-01": "goal-f",
        "area-02": "goal-f",
        "area-03": "goal-f",
        "area-04": "goal-1",
        "area-05": "goal-1",
        "area-06": "goal-2",
        "area-07": "goal-3",
        "area-08": "goal-3",
        "area-09": "goal-4",
        "area-10": "goal-4",
        "area-11": "goal-5-6",
        "area-12": "goal-5-6",
        "area-13": "goal-5-6",
        "area-14": "goal-5-6",
    }
    rows = select(
        kg,
        "SELECT ?a ?g WHERE { ?a a andts:ActionArea ; andts:inPlan plan:kronoberg-2022-2026 ; andts:partOf ?g }",
    )
    assert len(rows) == 14
    assert {r["a"][len(KR) :]: r["g"][len(KR) :] for r in rows} == expected
    # Areas are not numbered in the source: no skos:notation.
    row = one(
        kg,
        """SELECT (COUNT(?a) AS ?c) WHERE { ?a a andts:ActionArea ;
                     andts:inPlan plan:kronoberg-2022-2026 ; skos:notation ?n }""",
    )
    assert row["c"] == 0
    row = one(
        kg,
        """SELECT (COUNT(?a) AS ?c) WHERE { ?a a andts:DevelopmentArea ;
                     andts:inPlan plan:kronoberg-2022-2026 }""",
    )
    assert row["c"] == 0


def test_activity_count_per_area(kg):
    # Table rows per area, in print order: 3, 3, 1, 4, 1, 2, 2, 4, 3, 1, 1, 2, 2, 1 = 30 insatser.
    rows = select(
        kg,
        """SELECT ?area (COUNT(?a) AS ?c) WHERE { ?a a andts:Activity ;
               andts:inPlan plan:kronoberg-2022-2026 ; andts:partOf ?area } GROUP BY ?area""",
    )
    per_area = {r["area"][len(KR) :]: r["c"] for r in rows}
    assert per_area == {
        "area-01": 3,
        "area-02": 3,
        "area-03": 1,
        "area-04": 4,
        "area-05": 1,
        "area-06": 2,
        "area-07": 2,
        "area-08": 4,
        "area-09": 3,
        "area-10": 1,
        "area-11": 1,
        "area-12": 2,
        "area-13": 2,
        "area-14": 1,
    }
    assert sum(per_area.values()) == 30


def test_indicator_count(kg):
    # One indicator per sentence of each "Uppföljning" cell: 55 in all, every one attached to
    # an activity of this plan.
    row = one(
        kg,
        """SELECT (COUNT(DISTINCT ?i) AS ?c) WHERE { ?i a andts:Indicator ;
                     andts:inPlan plan:kronoberg-2022-2026 ; andts:indicatorOf ?a .
                     ?a a andts:Activity ; andts:inPlan plan:kronoberg-2022-2026 }""",
    )
    assert row["c"] == 55
    # Every activity has at least one follow-up statement.
    row = one(
        kg,
        """SELECT (COUNT(?a) AS ?c) WHERE { ?a a andts:Activity ; andts:inPlan plan:kronoberg-2022-2026 .
                     FILTER NOT EXISTS { ?i andts:indicatorOf ?a } }""",
    )
    assert row["c"] == 0


def test_no_numeric_targets(kg):
    # "Antal genomförda kommundialoger." etc.: measures without a target; no number is printed.
    row = one(
        kg,
        """SELECT (COUNT(?t) AS ?c) WHERE { ?i andts:inPlan plan:kronoberg-2022-2026 ;
                     andts:target ?t }""",
    )
    assert row["c"] == 0


def test_distinct_responsible_actors(kg):
    # Ansvarig cells hold only "Beredningsgruppen", "Länsstyrelsen", "Polisen" and
    # "RF-SISU Småland" ("Polisen RF-SISU Småland" for the doping supervision row).
    rows = select(
        kg,
        """SELECT DISTINCT ?r WHERE { ?a a andts:Activity ; andts:inPlan plan:kronoberg-2022-2026 ;
                                       andts:responsible ?r }""",
    )
    assert {r["r"] for r in rows} == {
        ACTOR + "livsstil-kronoberg/beredningsgruppen",
        ACTOR + "lansstyrelsen-kronoberg",
        ACTOR + "polisen",
        ACTOR + "rf-sisu-smaland",
    }


def test_no_lead_marked(kg):
    # No Ansvarig is marked as lead in this plan.
    row = one(
        kg,
        "SELECT (COUNT(?x) AS ?c) WHERE { ?a andts:inPlan plan:kronoberg-2022-2026 ; andts:lead ?x }",
    )
    assert row["c"] == 0


def test_distinct_partners(kg):
    # 26 distinct Samverkansparter across all tables (after merging "Länets kommunpolis" with
    # "Länets kommunpoliser" and splitting "Fritidsgårdspersonal, fältare, personal inom kultur-
    # och föreningsliv" into three groups).
    row = one(
        kg,
        """SELECT (COUNT(DISTINCT ?p) AS ?c) WHERE { ?a a andts:Activity ;
                     andts:inPlan plan:kronoberg-2022-2026 ; andts:partner ?p }""",
    )
    assert row["c"] == 26


def test_every_component_has_source_section_and_no_page(kg):
    # No page numbers are visible in the extracted body text.
    row = one(
        kg,
        """SELECT (COUNT(?x) AS ?c) WHERE { ?x andts:inPlan plan:kronoberg-2022-2026 .
                     FILTER NOT EXISTS { ?x andts:sourceSection ?s } }""",
    )
    assert row["c"] == 0
    row = one(
        kg,
        "SELECT (COUNT(?x) AS ?c) WHERE { ?x andts:inPlan plan:kronoberg-2022-2026 ; andts:sourcePage ?p }",
    )
    assert row["c"] == 0


# ---------------------------------------------------------------------------------------------
# Plan metadata
# ---------------------------------------------------------------------------------------------


def test_plan_metadata(kg):
    # "REGIONAL HANDLINGSPLAN ANDTS OCH BROTTSFÖREBYGGANDE ARBETE 2022-2026"
    row = one(
        kg,
        """SELECT ?t ?pub (STR(?f) AS ?from) (STR(?u) AS ?until)
                     (DATATYPE(?f) AS ?df) (DATATYPE(?u) AS ?du) WHERE {
                     plan:kronoberg-2022-2026 a andts:RegionalPlan ; dcterms:title ?t ;
                     dcterms:publisher ?pub ; andts:validFrom ?f ; andts:validUntil ?u }""",
    )
    assert row["t"] == "Regional handlingsplan ANDTS och brottsförebyggande arbete 2022–2026"
    assert row["pub"] == ACTOR + "livsstil-kronoberg"
    assert (row["from"], row["until"]) == ("2022", "2026")
    assert row["df"] == row["du"] == "http://www.w3.org/2001/XMLSchema#gYear"


def test_plan_basis_and_contribution(kg):
    # "Handlingsplanen utgår från den nationella ANDTS-strategin (Skr. 2021/22:213) samt
    # regeringens brottsförebyggande program Tillsammans mot brott (Skr. 2016/17:126)."
    basis = column(kg, "SELECT ?b WHERE { plan:kronoberg-2022-2026 andts:basedOn ?b }", "b")
    assert basis == {
        "https://w3id.org/andtsgraph/plan/national-2022-2025",
        KR + "tillsammans-mot-brott",
        KR + "regional-handlingsplan-andt-2017-2021",
    }
    row = one(
        kg,
        "SELECT ?id WHERE { kr:tillsammans-mot-brott a andts:PolicyDocument ; dcterms:identifier ?id }",
    )
    assert row["id"] == "Skr. 2016/17:126"
    # "… den regionala utvecklingsstrategin Gröna Kronoberg 2025."
    row = one(
        kg,
        """SELECT ?t WHERE { plan:kronoberg-2022-2026 andts:contributesTo ?d .
                     ?d a andts:PolicyDocument ; dcterms:title ?t }""",
    )
    assert row["t"] == "Gröna Kronoberg 2025"


def test_perspectives(kg):
    # "ta hänsyn till kön, ålder, socioekonomisk tillhörighet och boendeort … särskilt viktigt
    # att lyfta barn- och ungdomsperspektivet"
    rows = select(
        kg,
        """SELECT ?p WHERE { plan:kronoberg-2022-2026 andts:perspective ?p .
                       ?p a andts:Perspective }""",
    )
    assert {r["p"][len(PERSP) :] for r in rows} == {
        "kon",
        "alder",
        "socioekonomisk-tillhorighet",
        "boendeort",
        "barn-och-ungdomsperspektivet",
    }


# ---------------------------------------------------------------------------------------------
# Specific facts
# ---------------------------------------------------------------------------------------------


def test_goal_5_6_is_one_goal(kg):
    # "Målområde 5 och 6. Personer med skadligt bruk eller beroende ska … samt antalet personer
    # som skadas eller dör …" printed right after "Dopningsförebyggande arbete".
    row = one(
        kg,
        """SELECT ?l ?n WHERE { kr:goal-5-6 a andts:SubGoal ; rdfs:label ?l ; skos:notation ?n .
                     kr:area-11 andts:partOf kr:goal-5-6 ; rdfs:label "Dopningsförebyggande arbete"@sv }""",
    )
    assert row["n"] == "5–6"
    assert row["l"].startswith("Personer med skadligt bruk eller beroende")
    assert ", samt antalet personer som skadas eller dör" in row["l"]


def test_supervision_by_lansstyrelsen(kg):
    # "Genomföra verksamhetstillsyn och rådgivning hos samtliga kommuner … | Länsstyrelsen |
    # Kommunerna Nätverk för alkoholhandläggare Nätverk för tobakshandläggare"
    assert responsible(kg, "a-04-2") == {ACTOR + "lansstyrelsen-kronoberg"}
    assert partners(kg, "a-04-2") == {
        ACTOR + "kommunerna-kronoberg",
        ACTOR + "livsstil-kronoberg/natverk-alkoholhandlaggare",
        ACTOR + "livsstil-kronoberg/natverk-tobakshandlaggare",
    }
    # "… lagen om tobak och liknande produkter, lagen om tobaksfria nikotinprodukter och alkohollagen."
    subst = column(kg, "SELECT ?s WHERE { kr:a-04-2 andts:substance ?s }", "s")
    assert subst == {SUBST + "alkohol", SUBST + "tobak"}


def test_doping_supervision(kg):
    # "Genomföra tillsynsinsatser gällande dopning på länets träningsanläggningar. | Polisen
    # RF-SISU Småland | Nätverk för 100 % ren hårdträning Kronoberg | Antal genomförda tillsyner
    # på träningsanläggningar."
    assert responsible(kg, "a-04-4") == {ACTOR + "polisen", ACTOR + "rf-sisu-smaland"}
    assert partners(kg, "a-04-4") == {
        ACTOR + "livsstil-kronoberg/natverk-100-procent-ren-hardtraning-kronoberg"
    }
    assert indicators(kg, "a-04-4") == {"Antal genomförda tillsyner på träningsanläggningar."}
    assert column(kg, "SELECT ?s WHERE { kr:a-04-4 andts:substance ?s }", "s") == {
        SUBST + "dopning"
    }


def test_supervision_conferences_partners(kg):
    # "Anordna utbildningar/konferenser … | Länsstyrelsen Polisen | Nätverk för alkoholhandläggare
    # Nätverk för tobakshandläggare Länets kommunpolis Folkhälsomyndigheten Skatteverket"
    assert responsible(kg, "a-04-3") == {ACTOR + "lansstyrelsen-kronoberg", ACTOR + "polisen"}
    assert partners(kg, "a-04-3") == {
        ACTOR + "livsstil-kronoberg/natverk-alkoholhandlaggare",
        ACTOR + "livsstil-kronoberg/natverk-tobakshandlaggare",
        ACTOR + "kronoberg-kommunpoliser",
        ACTOR + "folkhalsomyndigheten",
        ACTOR + "skatteverket",
    }


def test_kommunpolis_is_kommunpoliser(kg):
    # "Länets kommunpolis" (a-04-1) and "Länets kommunpoliser" (a-01-1) are one group.
    assert ACTOR + "kronoberg-kommunpoliser" in partners(kg, "a-04-1")
    assert ACTOR + "kronoberg-kommunpoliser" in partners(kg, "a-01-1")
    row = one(
        kg,
        """SELECT ?l WHERE { actor:kronoberg-kommunpoliser a andts:ActorGroup ; rdfs:label ?l ;
                     skos:altLabel "Länets kommunpolis"@sv
                     FILTER(LANG(?l) = 'sv') }""",
    )
    assert row["l"] == "Länets kommunpoliser"


def test_antilangning_by_polisen(kg):
    # "Arbeta strukturerat med antilangning i samverkan mellan polis och kommun. | Polisen |
    # Länets kommunpoliser Kommunerna | Genomförda antilangningsinsatser i respektive kommun."
    assert responsible(kg, "a-07-1") == {ACTOR + "polisen"}
    assert partners(kg, "a-07-1") == {
        ACTOR + "kronoberg-kommunpoliser",
        ACTOR + "kommunerna-kronoberg",
    }
    assert indicators(kg, "a-07-1") == {"Genomförda antilangningsinsatser i respektive kommun."}


def test_langning_parents_and_siblings(kg):
    # "Arbete riktat mot föräldrar och äldre syskon för att förebygga langning. |
    # Beredningsgruppen | … Arbetsgrupp idéburen sektor IQ"
    assert ACTOR + "iq" in partners(kg, "a-07-2")
    assert ACTOR + "livsstil-kronoberg/arbetsgrupp-ideburen-sektor" in partners(kg, "a-07-2")
    assert len(partners(kg, "a-07-2")) == 5
    groups = column(kg, "SELECT ?g WHERE { kr:a-07-2 andts:targetGroup ?g }", "g")
    assert groups == {GROUP + "foraldrar", GROUP + "aldre-syskon"}


def test_andts_coach_follow_up(kg):
    # "Samordna och utveckla arbetet med ANDTS-coach Kronoberg. | Beredningsgruppen | Länets
    # ANDTS-coacher Nätverk för länets kommunala ANDT-samordnare | Antal genomförda utbildningar
    # för nya coacher. Antal genomförda nätverksträffar. Utvärdering av utbildning och
    # nätverksträffar. Uppföljning av ANDTS-coach till rektorer/chefer."
    assert indicators(kg, "a-08-2") == {
        "Antal genomförda utbildningar för nya coacher.",
        "Antal genomförda nätverksträffar.",
        "Utvärdering av utbildning och nätverksträffar.",
        "Uppföljning av ANDTS-coach till rektorer/chefer.",
    }
    row = one(kg, "SELECT ?a WHERE { kr:i-08-2-4 andts:indicatorOf ?a }")
    assert row["a"] == KR + "a-08-2"
    assert METHOD + "andts-coach" in column(
        kg, "SELECT ?m WHERE { kr:a-08-2 andts:usesMethod ?m }", "m"
    )
    assert partners(kg, "a-08-2") == {
        ACTOR + "kronoberg-andts-coacher",
        ACTOR + "livsstil-kronoberg/natverk-kommunala-andt-samordnare",
    }


def test_antidoping_diplomerade_gym(kg):
    # "Upprätthålla och utveckla länets antidopningsarbete. | … | Antal genomförda insatser.
    # Antal diplomerade gym."
    row = one(
        kg,
        """SELECT ?a WHERE { ?i andts:indicatorOf ?a ; rdfs:label "Antal diplomerade gym."@sv ;
                     andts:inPlan plan:kronoberg-2022-2026 }""",
    )
    assert row["a"] == KR + "a-11-1"
    assert responsible(kg, "a-11-1") == {ACTOR + "livsstil-kronoberg/beredningsgruppen"}


def test_gambling_knowledge(kg):
    # "Öka kunskapen om spel om pengar …" with Uppföljning "Antal kunskapshöjande insatser.
    # Utvärdering av de kunskaps- höjande insatserna." (PDF break repaired)
    assert indicators(kg, "a-12-1") == {
        "Antal kunskapshöjande insatser.",
        "Utvärdering av de kunskapshöjande insatserna.",
    }
    assert column(kg, "SELECT ?s WHERE { kr:a-12-1 andts:substance ?s }", "s") == {SUBST + "spel"}


def test_smadit_and_tillsammans_mot_brott(kg):
    # "Stödja genomförandet av länets överenskommelse för SMADIT-arbete (Samverkan mot alkohol
    # och droger i trafiken). | Beredningsgruppen | Arbetsgrupp SMADIT"
    assert partners(kg, "a-14-1") == {ACTOR + "livsstil-kronoberg/arbetsgrupp-smadit"}
    assert METHOD + "smadit" in column(kg, "SELECT ?m WHERE { kr:a-14-1 andts:usesMethod ?m }", "m")
    # "Initiera samordnad och effektiv tillsyn genom Tillsammans mot brott Kronoberg … |
    # Länsstyrelsen | … Polisen Statliga myndigheter"
    assert METHOD + "tillsammans-mot-brott-kronoberg" in column(
        kg, "SELECT ?m WHERE { kr:a-05-1 andts:usesMethod ?m }", "m"
    )
    assert responsible(kg, "a-05-1") == {ACTOR + "lansstyrelsen-kronoberg"}
    assert {ACTOR + "polisen", ACTOR + "kronoberg-statliga-myndigheter"} <= partners(kg, "a-05-1")


def test_target_groups_named(kg):
    # "Kunskapshöjande insatser till politiker och beslutsfattare i länet."
    assert GROUP + "politiker-och-beslutsfattare" in column(
        kg, "SELECT ?g WHERE { kr:a-03-1 andts:targetGroup ?g }", "g"
    )
    # "Stödja ANDTS- och trygghetskapande insatser för målgruppen studenter."
    assert GROUP + "studenter" in column(
        kg, "SELECT ?g WHERE { kr:a-09-1 andts:targetGroup ?g }", "g"
    )
    # "Stödja kartläggning av insatser och kontaktvägar inom missbruk och beroende för unga 13–20 år."
    row = one(
        kg,
        "SELECT ?l WHERE { kr:a-13-1 andts:targetGroup ?g . ?g skos:prefLabel ?l FILTER(LANG(?l) = 'sv') }",
    )
    assert row["l"] == "Unga 13–20 år"


def test_empty_partner_cell(kg):
    # "Uppdatera och utveckla Livsstil Kronobergs hemsida … | Beredningsgruppen | | Genomförd
    # månatlig översyn av hemsidan. Antal insatser som tillgängliggör och synliggör arbetet."
    assert partners(kg, "a-02-3") == set()
    assert len(indicators(kg, "a-02-3")) == 2


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


def test_livsstil_groups(kg):
    # "Beredningsgruppen", "Samrådsgruppen", "Ledningsgruppen" under "Om Livsstil Kronoberg".
    rows = select(
        kg,
        """SELECT ?g WHERE { ?g a andts:WorkingGroup ;
                       org:subOrganizationOf actor:livsstil-kronoberg }""",
    )
    assert {r["g"] for r in rows} >= {
        ACTOR + "livsstil-kronoberg/beredningsgruppen",
        ACTOR + "livsstil-kronoberg/samradsgruppen",
        ACTOR + "livsstil-kronoberg/ledningsgruppen",
    }


def test_ledningsgruppen_posts(kg):
    # "Ledningsgruppen består av landshövding, regiondirektör och polisområdeschef"
    rows = select(
        kg,
        """SELECT ?m ?r WHERE { ?x a org:Membership ; org:organization <https://w3id.org/andtsgraph/actor/livsstil-kronoberg/ledningsgruppen> ;
                       org:member ?m ; org:role ?r }""",
    )
    assert {(r["m"], r["r"]) for r in rows} == {
        (ACTOR + "lansstyrelsen-kronoberg", ACTOR + "role/landshovding"),
        (ACTOR + "region-kronoberg", ACTOR + "role/regiondirektor"),
        (ACTOR + "polisen", ACTOR + "role/polisomradeschef"),
    }


def test_samradsgruppen_members(kg):
    # "representation från alla länets kommuner, Linnéuniversitetet, idéburens organisationer,
    # Region Kronoberg, Polismyndigheten samt Länsstyrelsen"
    members = column(
        kg,
        "SELECT ?m WHERE { <https://w3id.org/andtsgraph/actor/livsstil-kronoberg/samradsgruppen> org:hasMember ?m }",
        "m",
    )
    assert members == {
        ACTOR + "kommunerna-kronoberg",
        ACTOR + "linneuniversitetet",
        ACTOR + "ideburen-sektor",
        ACTOR + "region-kronoberg",
        ACTOR + "polisen",
        ACTOR + "lansstyrelsen-kronoberg",
    }


def test_livsstil_arbetsgrupper_och_natverk(kg):
    # Partner "Livsstil Kronobergs arbetsgrupper och nätverk" of "Anordna återkommande
    # nätverksträffar och utbildningar för Livsstil Kronobergs arbetsgrupper och nätverk."
    assert partners(kg, "a-02-2") == {ACTOR + "livsstil-kronoberg/arbetsgrupper-och-natverk"}
    members = column(
        kg,
        "SELECT ?m WHERE { <https://w3id.org/andtsgraph/actor/livsstil-kronoberg/arbetsgrupper-och-natverk> org:hasMember ?m }",
        "m",
    )
    assert len(members) == 11
    assert ACTOR + "livsstil-kronoberg/arbetsgrupp-tobacco-endgame" in members
    assert ACTOR + "livsstil-kronoberg/beredningsgruppen" not in members


def test_fritid_partners_are_three_groups(kg):
    # "Fritidsgårdspersonal, fältare, personal inom kultur- och föreningsliv Länets ANDTS-coacher"
    labels = column(
        kg,
        """SELECT ?l WHERE { kr:a-08-4 andts:partner ?p . ?p rdfs:label ?l
                           FILTER(LANG(?l) = 'sv') }""",
        "l",
    )
    assert labels == {
        "Fritidsgårdspersonal",
        "Fältare",
        "Personal inom kultur- och föreningsliv",
        "Länets ANDTS-coacher",
    }


def test_every_actor_used_has_label_and_source(kg):
    # 4 responsible actors and 26 partners, Polisen being both: 29 distinct actors.
    row = one(
        kg,
        """SELECT (COUNT(DISTINCT ?x) AS ?c) WHERE {
        ?a andts:inPlan plan:kronoberg-2022-2026 ; (andts:responsible|andts:partner) ?x }""",
    )
    assert row["c"] == 29
    rows = select(
        kg,
        """SELECT DISTINCT ?x WHERE {
        ?a andts:inPlan plan:kronoberg-2022-2026 ; (andts:responsible|andts:partner) ?x .
        FILTER NOT EXISTS { ?x rdfs:label ?l ; dcterms:source ?s . FILTER(LANG(?l) = 'sv') } }""",
    )
    assert len(rows) == 0


# ---------------------------------------------------------------------------------------------
# Curated links
# ---------------------------------------------------------------------------------------------


def test_goal_alignment(kg):
    # Delmål 1–3 and Målområde 4 quote national goals 1–4; "Målområde 5 och 6" quotes 5 and 6.
    rows = select(
        kg,
        """SELECT ?g ?n WHERE { ?g andts:inPlan plan:kronoberg-2022-2026 ; a andts:SubGoal ;
                       andts:alignsWith ?n }""",
    )
    assert {(r["g"][len(KR) :], r["n"][len(NAT) :]) for r in rows} == {
        ("goal-f", "goal-0"),
        ("goal-1", "goal-1"),
        ("goal-2", "goal-2"),
        ("goal-3", "goal-3"),
        ("goal-4", "goal-4"),
        ("goal-5-6", "goal-5"),
        ("goal-5-6", "goal-6"),
    }


def test_curated_links_have_rationale(kg):
    rows = select(
        kg,
        """SELECT ?l ?r WHERE { ?l a andts:CuratedLink ; rdf:subject ?s ; andts:rationale ?r .
                       ?s andts:inPlan plan:kronoberg-2022-2026 }""",
    )
    assert len(rows) == 23
    assert all(r["r"] for r in rows)
    # Each reified link has its plain triple.
    rows = select(
        kg,
        """SELECT ?l WHERE { ?l a andts:CuratedLink ; rdf:subject ?s ; rdf:predicate ?p ;
                       rdf:object ?o . ?s andts:inPlan plan:kronoberg-2022-2026 .
                       FILTER NOT EXISTS { ?s ?p ?o } }""",
    )
    assert len(rows) == 0


def test_factor_links(kg):
    # "Arbete riktat mot föräldrar och äldre syskon för att förebygga langning." → langning;
    # "Erbjuda kunskapsbaserat stöd för att motverka drogproblematik på offentliga platser."
    rows = select(
        kg,
        """SELECT ?a ?f WHERE { ?a andts:inPlan plan:kronoberg-2022-2026 ;
                       andts:addressesFactor ?f }""",
    )
    pairs = {(r["a"][len(KR) :], r["f"].rsplit("/", 1)[1]) for r in rows}
    assert len(pairs) == 11
    assert ("a-07-2", "langning") in pairs
    assert ("a-10-1", "oppen-narkotikaforsaljning") in pairs
    assert ("a-04-2", "tillganglighet") in pairs
