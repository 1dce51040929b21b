"""Gap and network analysis: hand-checked answers on the bundled plans, and properties on
small invented plans (a star, a path, a factor losing its only activity)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from cli_runner import run_cli

import andtsgraph
from andtsgraph.analysis import gaps, network

ACTOR = "https://w3id.org/andtsgraph/actor/"
FACTOR = "https://w3id.org/andtsgraph/vocab/factor/"

PREFIXES = """@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/plan/testby-2025-2026/> .
@prefix actor: <https://example.org/actor/> .
@prefix factor: <https://w3id.org/andtsgraph/vocab/factor/> .
<https://example.org/plan/testby-2025-2026> a andts:MunicipalPlan .
"""


def tiny_plan(
    tmp_path, activities: dict[str, dict[str, list[str]]], extra: str = "", name: str = "plan.ttl"
):
    """Write a fictional plan: activity id → {"responsible": [...], "partner": [...]}."""
    lines = [PREFIXES]
    actors = set()
    for act, roles in activities.items():
        lines.append(
            f'ex:{act} a andts:Activity ; rdfs:label "{act}"@sv ; andts:inPlan <https://example.org/plan/testby-2025-2026> .'
        )
        for role, who in roles.items():
            for actor in who:
                actors.add(actor)
                lines.append(f"ex:{act} andts:{role} actor:{actor} .")
    lines += [f'actor:{a} a andts:ActorGroup ; rdfs:label "{a}"@sv .' for a in sorted(actors)]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# ---- hand-checked answers on the bundled plans -------------------------------------------------


def test_top_responsible_hub_of_the_regional_plan_is_beredningsgruppen(kg):
    summary = network.analyse(kg, plan="kronoberg")
    top = summary.top(1, by="activities")[0]
    # Beredningsgruppen is Ansvarig for 23 of the plan's 30 insatser.
    assert (top.label, top.responsible, top.activities) == ("Beredningsgruppen", 23, 23)
    assert summary.top(1)[0].label == "Beredningsgruppen"  # also the most collaborators
    assert summary.top(1, by="betweenness")[0].label == "Beredningsgruppen"


def test_vasteras_lead_committee(kg):
    # Individ- och familjenämnden leads 2.1, 4.1, 5.1, 5.2 and takes part in 1.3, 3.1, 3.3, 5.3.
    metrics = {m.label: m for m in network.analyse(kg, plan="vasteras").actors}
    assert metrics["Individ- och familjenämnden"].activities == 8


def test_vaxjo_risk_factors_without_an_activity(kg):
    found = gaps.uncovered_factors(kg, plan="vaxjo", kind="risk")
    # The risk factors of Växjö 2.2 that no commitment works on (curated links): socioeconomic
    # position, school results, being a boy/ADHD, and two of the third bullet's examples; plus
    # langning and permissive attitudes, which other plans name.
    assert [g.label for g in found] == [
        "Lägre socioekonomisk position",
        "Sämre skolprestationer",
        "Frånvaro av trygga uppväxtvillkor",
        "Att växa upp med en förälder eller i familjehem",
        "Förälder som får fängelsestraff",
        "Individuella förutsättningar",
        "Langning",
        "Tillåtande syn på droger",
    ]
    assert all(
        g.plan == "vaxjo-2022-2027" and g.query == "uncovered-factors-by-plan" for g in found
    )
    assert "curated factor links" in found[0].explanation


def test_actors_that_bridge_kronoberg_and_vaxjo(kg):
    bridges = {b.label: b for b in network.bridges_between_plans(kg, ("kronoberg", "vaxjo"))}
    # Named in both plans: Polisen (Ansvarig in Kronoberg; "polis" in Växjö 3.2.1) and Region
    # Kronoberg (Samverkanspart in Kronoberg; Växjö 3.1.1's introduction).
    assert {label for label, b in bridges.items() if not b.via} == {"Polisen", "Region Kronoberg"}
    # Växjö kommun takes part in Kronoberg's work through "Kommunerna".
    assert bridges["Växjö kommun"].via == {"kronoberg-2022-2026": ["Kommunerna"]}
    assert bridges["Polisen"].levels == ["municipal", "regional"]


def test_national_goal_coverage_and_neighbours(kg):
    # Every plan is aligned with every national goal except goal 7 (a public-health view of
    # ANDTS in the EU and internationally), which no local plan takes up.
    uncovered = gaps.uncovered_national_goals(kg)
    assert sorted((g.plan, g.details["notation"]) for g in uncovered) == [
        ("kronoberg-2022-2026", "7"),
        ("vasteras-2022-2025", "7"),
        ("vaxjo-2022-2027", "7"),
    ]
    # Kronoberg works against langning ("Effektivt arbete mot langning av alkohol och tobak"),
    # Växjö does not: that is what the neighbour covers.
    covered = gaps.neighbour_covers(kg, "vaxjo", "kronoberg")
    assert [g.label for g in covered] == ["Langning"]


def test_coverage_matrix_names_the_empty_cells(kg):
    matrix = gaps.coverage_matrix(kg, "vaxjo")
    assert [label for _, label in matrix.columns] == ["Universell", "Selektiv", "Indikerad"]
    assert [label for _, label in matrix.rows] == [
        "Alkohol",
        "Narkotika",
        "Dopning",
        "Tobak och nikotin",
        "Spel om pengar",
    ]
    # At the indicated level (3.3) only 3.3.1 names a substance ("familjer med alkoholmissbruk").
    assert matrix.empty_cells() == [
        ("Narkotika", "Indikerad"),
        ("Dopning", "Indikerad"),
        ("Tobak och nikotin", "Indikerad"),
        ("Spel om pengar", "Indikerad"),
    ]
    # Kronoberg states no prevention level: one finding, not fifteen empty cells.
    assert [g.kind for g in gaps.matrix_gaps(kg, "kronoberg")] == ["matrix-empty"]


def test_all_gaps_of_vaxjo(kg):
    found = gaps.all_gaps(kg, plan="vaxjo")
    kinds = {}
    for g in found:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    # 23 commitments without indicator (the plan sets none), 8 risk factors, 4 empty cells,
    # national goal 7 (EU and international).
    assert kinds == {"risk-factor": 8, "no-indicator": 23, "matrix-cell": 4, "national-goal": 1}


# ---- properties on small invented plans ---------------------------------------------------------


def test_a_stars_centre_is_the_top_hub_and_broker(tmp_path):
    plan = tiny_plan(
        tmp_path, {f"a{i}": {"responsible": ["centre"], "partner": [f"leaf{i}"]} for i in range(5)}
    )
    summary = network.analyse(andtsgraph.load(plan, bundled=False))
    assert summary.top(1)[0].label == "centre"
    assert summary.top(1)[0].degree == 5
    assert summary.top(1, by="betweenness")[0].betweenness == 1.0
    assert (
        summary.projection.edges[
            "https://example.org/actor/centre", "https://example.org/actor/leaf0"
        ]["kind"]
        == "responsible–partner"
    )


def test_a_paths_middle_is_the_top_broker(tmp_path):
    plan = tiny_plan(
        tmp_path,
        {
            "a1": {"responsible": ["x", "y"]},
            "a2": {"responsible": ["y", "z"]},
            "a3": {"responsible": ["z", "w"]},
        },
    )
    summary = network.analyse(andtsgraph.load(plan, bundled=False))
    brokers = summary.top(2, by="betweenness")
    assert {m.label for m in brokers} == {"y", "z"}
    assert all(m.betweenness == pytest.approx(2 / 3) for m in brokers)
    edge = summary.projection.edges["https://example.org/actor/x", "https://example.org/actor/y"]
    assert (edge["kind"], edge["weight"]) == ("co-responsible", 1)


def test_removing_the_only_activity_addressing_a_factor_makes_it_a_gap(tmp_path):
    link = "ex:a1 andts:addressesFactor factor:langning .\n"
    with_link = tiny_plan(
        tmp_path,
        {"a1": {"responsible": ["x"]}, "a2": {"responsible": ["y"]}},
        extra=link,
        name="with.ttl",
    )
    without = tiny_plan(
        tmp_path, {"a1": {"responsible": ["x"]}, "a2": {"responsible": ["y"]}}, name="without.ttl"
    )
    vocab = andtsgraph.resources.data_dir() / "vocab" / "factors.ttl"
    before = [
        g.label for g in gaps.uncovered_factors(andtsgraph.load([vocab, with_link], bundled=False))
    ]
    after = [
        g.label for g in gaps.uncovered_factors(andtsgraph.load([vocab, without], bundled=False))
    ]
    assert "Langning" not in before
    assert "Langning" in after
    assert set(after) - set(before) == {"Langning"}


def test_results_are_identical_from_run_to_run(kg):
    first, second = network.analyse(kg), network.analyse(andtsgraph.load())
    assert first.actors.to_records() == second.actors.to_records()
    assert first.betweenness_method == "exact"


def test_communities_are_seeded_and_numbered_by_size():
    graph = nx.Graph()
    graph.add_edges_from(
        [
            ("a", "b"),
            ("b", "c"),
            ("a", "c"),
            ("c", "d"),
            ("d", "e"),
            ("e", "f"),
            ("d", "f"),
            ("x", "y"),
        ]
    )
    first = network.communities(graph)
    assert first == network.communities(graph)
    assert len(set(first.values())) == 3
    assert first["x"] == first["y"] == 2  # the smallest community gets the highest number


def test_approximate_betweenness_says_so(monkeypatch):
    monkeypatch.setattr(network, "EXACT_BETWEENNESS_LIMIT", 5)
    monkeypatch.setattr(network, "BETWEENNESS_SAMPLES", 4)
    values, how = network.betweenness(nx.path_graph(10))
    assert how.startswith("approximate: 4 sampled sources (seed 42) of 10 actors")
    assert values == network.betweenness(nx.path_graph(10))[0]  # the same sample every time


def test_export_for_gephi(kg, tmp_path):
    summary = network.analyse(kg, plan="kronoberg")
    for suffix, reader in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        path = network.export_network(summary.projection, tmp_path / f"net{suffix}")
        back = reader(path)
        assert back.number_of_nodes() == summary.projection.number_of_nodes()
        assert back.number_of_edges() == summary.projection.number_of_edges()
        assert (
            back.nodes[ACTOR + "livsstil-kronoberg/beredningsgruppen"]["label"]
            == "Beredningsgruppen"
        )
    with pytest.raises(andtsgraph.OutputExistsError):
        network.export_network(summary.projection, tmp_path / "net.graphml")


# ---- the command line's stable JSON -------------------------------------------------------------


def run(*args):
    return run_cli(*args)


def test_cli_hubs_json():
    proc = run("hubs", "--plan", "kronoberg", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {"iri", "label", "degree", "weighted_degree", "betweenness", "community"} <= set(rows[0])
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)
    assert rows[0]["iri"] == ACTOR + "livsstil-kronoberg/beredningsgruppen"


def test_cli_gaps_json():
    proc = run("gaps", "--plan", "vaxjo", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {"kind", "plan", "iri", "label", "explanation"} <= set(rows[0])
    langning = [r for r in rows if r["iri"] == FACTOR + "langning"]
    assert [(r["kind"], r["plan"]) for r in langning] == [("risk-factor", "vaxjo-2022-2027")]


def test_cli_unknown_plan_is_one_line():
    proc = run("gaps", "--plan", "stockholm", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "andtsgraph: error: no plan 'stockholm'; loaded plans: national-2016-2020, national-2022-2025, kronoberg-2022-2026, vasteras-2022-2025, vaxjo-2022-2027"
    ]
