"""The bundled actors follow the scope rule of docs/modelling.md ("Actor identity and scope").

A body of one municipality, region or other organisation has its IRI under its owner's and
states the owner with ``org:unitOf``; national and regional bodies are shared, without one.
"""

from __future__ import annotations

from andtsgraph.namespaces import ACTOR, ACTORS_GRAPH, LINKS_GRAPH

#: Scoped under a municipality but not owned by it in the registry (the plan does not say it
#: owns them; for Växjöbostäder and KIFF idrottsteam the owner is a curated link).
SCOPE_ONLY = {
    ACTOR + "vaxjo-kommun/vaxjobostader",
    ACTOR + "vasteras-stad/kiff-idrottsteam",
    ACTOR + "vaxjo-kommun/restaurangerna",
    ACTOR + "vaxjo-kommun/utbildning",
    ACTOR + "vaxjo-kommun/halso-och-sjukvard",
    ACTOR + "vaxjo-kommun/bostadsbolag",
    ACTOR + "vasteras-stad/samverkansradet-mot-droger",
}


def _registry(kg):
    rows = kg.query(f"""
        SELECT ?actor (SAMPLE(?o) AS ?owner) WHERE {{ GRAPH <{ACTORS_GRAPH}> {{
          ?actor a ?cls ; rdfs:label ?label . OPTIONAL {{ ?actor org:unitOf ?o }} }}
          FILTER(?cls NOT IN (org:Membership, org:Role)) }} GROUP BY ?actor""")
    return {str(r["actor"]): (str(r["owner"]) if r["owner"] else None) for r in rows}


def test_every_scoped_iri_names_its_owner_and_every_owner_its_iri(kg):
    registry = _registry(kg)
    assert len(registry) > 60
    for actor, owner in registry.items():
        path = actor.removeprefix(ACTOR).split("/")
        assert len(path) in (1, 2), actor
        if len(path) == 2:
            assert ACTOR + path[0] in registry, actor  # the owner is itself an actor
            if actor not in SCOPE_ONLY:
                assert owner == ACTOR + path[0], actor
        else:
            assert owner is None, actor
    assert registry.keys() >= SCOPE_ONLY
    assert all(registry[a] is None for a in SCOPE_ONLY)


def test_no_local_body_is_left_in_the_shared_namespace(kg):
    # The old IRIs were actor:vaxjo-<slug>, actor:vasteras-<slug>, actor:region-vastmanland-bup …
    registry = _registry(kg)
    shared = {a.removeprefix(ACTOR) for a in registry if "/" not in a.removeprefix(ACTOR)}
    for prefix in ("vaxjo-", "vasteras-", "region-vastmanland-", "natverk-", "arbetsgrupp-"):
        assert {s for s in shared if s.startswith(prefix)} <= {"vaxjo-kommun", "vasteras-stad"}
    assert not shared & {"beredningsgruppen", "samradsgruppen", "ledningsgruppen"}


def test_owners_of_named_bodies(kg):
    registry = _registry(kg)
    vaxjo, vasteras = ACTOR + "vaxjo-kommun", ACTOR + "vasteras-stad"
    # Växjö: "Dokumentansvarig Kommunstyrelsen"; 3.2.1 "samverkan mellan … socialtjänst …"
    assert registry[ACTOR + "vaxjo-kommun/kommunstyrelse"] == vaxjo
    assert registry[ACTOR + "vaxjo-kommun/socialtjanst"] == vaxjo
    # Västerås: "Antagen av Kommunstyrelsen 9 mars 2021" — a different body with the same name.
    assert registry[ACTOR + "vasteras-stad/kommunstyrelsen"] == vasteras
    assert registry[ACTOR + "region-vastmanland/bup"] == ACTOR + "region-vastmanland"
    # Kronoberg: Livsstil Kronoberg's groups and networks; the genitive in "Linnéuniversitetets
    # ANDT-grupp".
    assert registry[ACTOR + "livsstil-kronoberg/beredningsgruppen"] == ACTOR + "livsstil-kronoberg"
    assert (
        registry[ACTOR + "livsstil-kronoberg/natverk-alkoholhandlaggare"]
        == ACTOR + "livsstil-kronoberg"
    )
    assert registry[ACTOR + "linneuniversitetet/andt-grupp"] == ACTOR + "linneuniversitetet"
    # National and regional bodies are shared.
    for shared in ("polisen", "lansstyrelsen-kronoberg", "region-kronoberg", "livsstil-kronoberg"):
        assert registry[ACTOR + shared] is None
    assert registry[ACTOR + "kronoberg-kommunpoliser"] is None


def test_the_two_kommunstyrelser_share_a_label_but_not_a_node(kg):
    rows = kg.query(f"""
        SELECT ?actor WHERE {{ GRAPH <{ACTORS_GRAPH}> {{
          ?actor a andts:Committee ; rdfs:label "Kommunstyrelsen"@sv }} }}""")
    assert sorted(str(r["actor"]) for r in rows) == [
        ACTOR + "vasteras-stad/kommunstyrelsen",
        ACTOR + "vaxjo-kommun/kommunstyrelse",
    ]


def _registry_objects(kg, subject, predicate):
    rows = kg.query(
        f"""SELECT ?o WHERE {{ GRAPH <{ACTORS_GRAPH}> {{ <{subject}> {predicate} ?o }} }}"""
    )
    return {str(r["o"]) for r in rows}


def _linked_objects(kg, subject, predicate):
    rows = kg.query(f"""SELECT ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{ <{subject}> {predicate} ?o .
        ?l rdf:subject <{subject}> ; rdf:predicate {predicate} ; rdf:object ?o ; andts:rationale ?r }} }}""")
    return {str(r["o"]) for r in rows}


def test_memberships_the_plans_do_not_list_are_curated_links(kg):
    lk = ACTOR + "livsstil-kronoberg"
    three = {ACTOR + "lansstyrelsen-kronoberg", ACTOR + "region-kronoberg", ACTOR + "polisen"}
    # "Livsstil Kronobergs huvudmän" are never named: principals and members are a reading.
    assert _registry_objects(kg, lk, "andts:principal") == set()
    assert _linked_objects(kg, lk, "andts:principal") == three
    # "tjänstepersoner verksamma hos Livsstil Kronobergs huvudmän samt representation från
    # kommunerna": only Kommunerna is stated.
    bg = lk + "/beredningsgruppen"
    assert _registry_objects(kg, bg, "org:hasMember") == {ACTOR + "kommunerna-kronoberg"}
    assert _linked_objects(kg, bg, "org:hasMember") == three
    # Samrådsgruppen: "representation från alla länets kommuner, Linnéuniversitetet, idéburens
    # organisationer, Region Kronoberg, Polismyndigheten samt Länsstyrelsen" — stated.
    assert len(_registry_objects(kg, lk + "/samradsgruppen", "org:hasMember")) == 6
    # No network or working group has members the plan lists.
    assert (
        _registry_objects(kg, lk + "/natverk-kommunala-andt-samordnare", "org:hasMember") == set()
    )
    assert _registry_objects(kg, lk + "/arbetsgrupper-och-natverk", "org:hasMember") == set()
    assert len(_linked_objects(kg, lk + "/arbetsgrupper-och-natverk", "org:hasMember")) == 11
    # Växjö 2.3: the arbetsgrupp's four members are stated, the styrgrupp's are a reading.
    vx = ACTOR + "vaxjo-kommun/"
    assert len(_registry_objects(kg, vx + "andts-arbetsgrupp", "org:hasMember")) == 4
    assert _registry_objects(kg, vx + "andts-styrgrupp", "org:hasMember") == set()
    assert len(_linked_objects(kg, vx + "andts-styrgrupp", "org:hasMember")) == 4
    # Västerås "Samtliga nämnder": no list in the plan.
    vs = ACTOR + "vasteras-stad/samtliga-namnder"
    assert _registry_objects(kg, vs, "org:hasMember") == set()
    assert len(_linked_objects(kg, vs, "org:hasMember")) == 10


def test_types_and_owners_the_plans_do_not_give_are_curated_links(kg):
    org = "http://www.w3.org/ns/org#Organization"
    andts = "https://w3id.org/andtsgraph/ontology#"
    # "IQ" and "Växjöbostäder" are printed only as names.
    assert _registry_objects(kg, ACTOR + "iq", "rdf:type") == {org}
    assert _linked_objects(kg, ACTOR + "iq", "rdf:type") == {andts + "Company"}
    vb = ACTOR + "vaxjo-kommun/vaxjobostader"
    assert _registry_objects(kg, vb, "rdf:type") == {org}
    assert _registry_objects(kg, vb, "org:unitOf") == set()
    assert _linked_objects(kg, vb, "rdf:type") == {andts + "MunicipalCompany"}
    assert _linked_objects(kg, vb, "org:unitOf") == {ACTOR + "vaxjo-kommun"}
    # "KIFF idrottsteam": the plan does not say whose team it is.
    kiff = ACTOR + "vasteras-stad/kiff-idrottsteam"
    assert _registry_objects(kg, kiff, "org:unitOf") == set()
    assert _linked_objects(kg, kiff, "org:unitOf") == {ACTOR + "vasteras-stad"}
