"""Link suggestions (issue 19): Swedish matching, ranked suggestions with evidence, their own
named graph with provenance, and gap analysis and the report on suggested links.

The activities asserted here name their factor in so many words (quoted from data/plans/,
which follows the source text), or name none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, URIRef

import andtsgraph
from andtsgraph.analysis import gaps, suggest, swedish
from andtsgraph.cli import main
from andtsgraph.errors import ChoiceError
from andtsgraph.namespaces import ANDTS, PROV
from andtsgraph.report import build_report
from andtsgraph.resources import data_dir

FIXTURES = Path(__file__).parent / "fixtures"
FACTOR = "https://w3id.org/andtsgraph/vocab/factor/"
KR = "https://w3id.org/andtsgraph/plan/kronoberg-2022-2026/"
VX = "https://w3id.org/andtsgraph/plan/vaxjo-2022-2027/"
VS = "https://w3id.org/andtsgraph/plan/vasteras-2022-2025/"


@pytest.fixture(scope="module")
def kg():
    return andtsgraph.load()


@pytest.fixture(scope="module")
def factor_suggestions(kg):
    return suggest.suggest_links(kg, kind="factor")


def _of(found, source):
    return [s for s in found if s.source == source]


# ---- Swedish words -----------------------------------------------------------------------------
def test_inflected_forms_share_a_key_and_stop_words_go():
    assert swedish.key("föräldrar") == swedish.key("förälder")
    assert swedish.key("langning") == swedish.key("langa")
    assert swedish.words("Växjö kommun ska ha ett kunskapsbaserat arbete") == [
        "växjö",
        "kunskapsbaserat",
    ]


def test_compounds_split_into_known_parts_only():
    lexicon = frozenset(swedish.key(w) for w in ["narkotika", "försäljning", "stöd"])
    assert swedish.split_compound("narkotikaförsäljning", lexicon) == ["narkotika", "försäljning"]
    # The modifier's linking s goes: "föräldraskaps|stöd".
    assert swedish.split_compound("föräldraskapsstöd", lexicon | {swedish.key("föräldraskap")}) == [
        "föräldraskap",
        "stöd",
    ]
    # Nothing known, or parts too short: the word stays whole.
    assert swedish.split_compound("kontrollköp", lexicon) == ["kontrollköp"]
    assert swedish.split_compound("stödet", lexicon) == ["stödet"]


# ---- suggestions for activities that plainly name a factor ------------------------------------
def test_langning_activity_gets_langning_first(factor_suggestions):
    # Kronoberg: "Arbete riktat mot föräldrar och äldre syskon för att förebygga langning."
    found = _of(factor_suggestions, KR + "a-07-2")
    assert found[0].target == FACTOR + "langning" and found[0].rank == 1
    evidence = found[0].evidence
    assert any("langning" in e.words and "activity" in e.where for e in evidence)
    assert any("syskon" in e.words and "definition" in e.matched_in for e in evidence)


def test_open_drug_dealing_activity_gets_that_factor(factor_suggestions):
    # Växjö 3.1.3: "… kartlägga platser med öppen narkotikaförsäljning …"
    found = _of(factor_suggestions, VX + "a-3-1-3-1")
    assert found[0].target == FACTOR + "oppen-narkotikaforsaljning"
    assert {"narkotikaförsäljning", "platser", "öppen"} <= {
        w for e in found[0].evidence for w in e.words
    }


def test_mental_illness_activity_gets_parent_with_mental_illness(factor_suggestions):
    # Västerås 2.1: "Barn i familjer med … psykisk sjukdom … ska erbjudas ändamålsenligt stöd."
    found = _of(factor_suggestions, VS + "a-2.1")
    assert found[0].target == FACTOR + "foralder-psykisk-sjukdom"
    assert found[0].notation == "R3.2" and found[0].score > 0.8


def test_personal_resources_activity_scores_full(factor_suggestions):
    # Växjö 3.3.2: "… stärka den enskildes resurser, funktionsförmåga och möjligheter …"
    found = _of(factor_suggestions, VX + "a-3-3-2-1")
    assert [s.target for s in found] == [FACTOR + "egna-resurser"]
    assert found[0].score == pytest.approx(1.0)


@pytest.mark.parametrize(
    "activity",
    [
        "a-3-1-5-1",  # "Växjö kommun ska ha ett kunskapsbaserat ANDTS-arbete."
        "a-3-1-5-2",  # "… sammanställa och kommunicera kunskap om ANDTS internt och externt."
        "a-3-2-1-1",  # "… utveckla former för samordning, så att de förebyggande insatserna …"
    ],
)
def test_no_suggestion_where_no_factor_is_named(factor_suggestions, activity):
    assert _of(factor_suggestions, VX + activity) == []


def test_ranked_best_first_and_at_most_top(kg):
    found = suggest.suggest_links(kg, "vaxjo", "factor", threshold=0.0, top=2)
    by_source: dict[str, list] = {}
    for s in found:
        by_source.setdefault(s.source, []).append(s)
    assert max(len(v) for v in by_source.values()) == 2
    for ranked in by_source.values():
        assert [s.rank for s in ranked] == list(range(1, len(ranked) + 1))
        assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)


def test_a_goal_quoting_a_national_goal_gets_it_with_full_score(kg):
    # Kronoberg Delmål 1 quotes national long-term goal 1 word for word.
    found = suggest.suggest_links(kg, "kronoberg", "national-goal")
    first = _of(found, KR + "goal-1")[0]
    assert first.notation == "1" and first.score == pytest.approx(1.0)
    assert first.predicate == str(ANDTS.alignsWith)
    # No activity gets a national-goal suggestion: alignments are made for goals and areas.
    assert {s.source_kind for s in found} <= {"goal", "area"}


def test_national_goals_are_read_from_the_graph_not_from_fixed_iris(tmp_path):
    # A national strategy whose goals have other IRIs (as a rewrite may give them).
    text = (data_dir() / "plans" / "national-2022-2025.ttl").read_text(encoding="utf-8")
    renamed = tmp_path / "national-2022-2025.ttl"
    renamed.write_text(text.replace("nat:goal-", "nat:mal-"), encoding="utf-8")
    files = [
        p
        for p, _ in andtsgraph.knowledge_graph.bundled_files()
        if p.name != "national-2022-2025.ttl" and "links" not in p.parts
    ]
    kg = andtsgraph.load([*files, renamed], bundled=False)
    found = suggest.suggest_links(kg, "kronoberg", "national-goal")
    assert _of(found, KR + "goal-1")[0].target.endswith("/national-2022-2025/mal-1")


def test_bad_arguments_are_refused(kg, english):
    with pytest.raises(ChoiceError, match="kind='factors' is not one of: factor, national-goal"):
        suggest.suggest_links(kg, kind="factors")
    with pytest.raises(ChoiceError, match="top=0: give a whole number of at least 1"):
        suggest.suggest_links(kg, top=0)
    with pytest.raises(
        ChoiceError, match="links='guessed' is not one of: curated, suggested, both"
    ):
        gaps.all_gaps(kg, "vaxjo", links="guessed")
    with pytest.raises(ChoiceError, match="links='curatd'"):
        build_report(kg, "vaxjo", links="curatd")


# ---- their own graph, with provenance --------------------------------------------------------
def test_suggestions_graph_is_reified_with_score_evidence_and_provenance(kg):
    found = suggest.suggest_links(kg, "kronoberg", "factor")
    g = suggest.suggestions_graph(found)
    nodes = set(g.subjects(RDF.type, ANDTS.SuggestedLink))
    assert len(nodes) == len(found)
    # Never the plain triple: no query for curated links can see a suggestion.
    assert not list(g.triples((None, ANDTS.addressesFactor, None)))
    node = suggest.suggestion_iri(_of(found, KR + "a-07-2")[0])
    assert g.value(node, RDF.object) == URIRef(FACTOR + "langning")
    assert float(g.value(node, ANDTS.score)) > 0.35
    assert any("langning" in str(e) for e in g.objects(node, ANDTS.evidence))
    run = g.value(node, PROV.wasGeneratedBy)
    assert g.value(run, PROV.endedAtTime) is not None
    tool = g.value(run, PROV.wasAssociatedWith)
    assert (tool, RDF.type, PROV.SoftwareAgent) in g
    from rdflib import OWL

    assert str(g.value(tool, OWL.versionInfo)) == andtsgraph.__version__


def test_written_suggestions_load_into_their_graph_and_leave_curated_gaps_alone(kg, tmp_path):
    out = suggest.write_suggestions(suggest.suggest_links(kg, "vaxjo"), tmp_path / "s.trig")
    names = {str(c.identifier) for c in Dataset().parse(out, format="trig").graphs() if len(c)}
    assert names == {suggest.SUGGESTED_LINKS_GRAPH}
    with pytest.raises(andtsgraph.errors.OutputExistsError):
        suggest.write_suggestions([], out)
    both = andtsgraph.load([out])
    assert suggest.SUGGESTED_LINKS_GRAPH in both.graph_names()
    assert [g.iri for g in gaps.uncovered_factors(both, "vaxjo")] == [
        g.iri for g in gaps.uncovered_factors(kg, "vaxjo")
    ]


# ---- gaps and the report on suggestions: a template imported without Kopplingar -----------------
@pytest.fixture(scope="module")
def uncurated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exempelby") / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", folder)
    header = (FIXTURES / "exempelby" / "Kopplingar.csv").read_text(encoding="utf-8-sig")
    (folder / "Kopplingar.csv").write_text(header.splitlines()[0] + "\n", encoding="utf-8-sig")
    return folder


def test_template_without_kopplingar_gets_its_gaps_on_suggestions(uncurated):
    kg = andtsgraph.load([uncurated])
    curated = gaps.uncovered_factors(kg, "exempelby")
    assert len(curated) == len(suggest.targets(kg, "factor"))  # no links: everything a gap
    found = suggest.suggest_links(kg, "exempelby", "factor")
    assert found, "the fixture's activities should get some suggestion"
    suggested = gaps.uncovered_factors(kg, "exempelby", links="suggested")
    assert {g.iri for g in suggested} == {g.iri for g in curated} - {s.target for s in found}
    assert all(g.details["links"] == "suggested" for g in suggested)
    assert all("suggested factor links" in g.explanation for g in suggested)
    linked = [
        g
        for g in gaps.all_gaps(kg, "exempelby", links="both")
        if g.kind in ("risk-factor", "protective-factor", "national-goal")
    ]
    assert linked and {g.details["links"] for g in linked} == {"both"}


def test_report_on_suggestions_says_so(uncurated, capsys):
    assert (
        main(["report", "--with", str(uncurated), "--plan", "exempelby", "--links", "suggested"])
        == 0
    )
    out = capsys.readouterr().out
    assert "FÖRESLAGNA kopplingar" in out and "inte på kurerade" in out
    assert main(["report", "--plan", "vaxjo", "--lang", "en"]) == 0
    assert "rest on the curated links in data/links" in capsys.readouterr().out


def test_gaps_command_says_which_links(uncurated, capsys):
    assert (
        main(
            [
                "gaps",
                "--with",
                str(uncurated),
                "--plan",
                "exempelby",
                "--links",
                "both",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith(
        "Factor gaps and national goals rest on the curated links in data/links and on SUGGESTED links"
    )


def test_import_log_lines_list_the_best_suggestions(uncurated):
    kg = andtsgraph.load([uncurated])
    lines = suggest.import_log_lines(kg, "exempelby", lang="sv")
    assert lines[0].startswith("Föreslagna kopplingar att pröva för bladet Kopplingar")
    assert any("Föräldraträffar om alkohol och droger i årskurs 7 →" in line for line in lines)
    assert lines[-1].startswith("Förslag, inte kurerade kopplingar")


# ---- the command --------------------------------------------------------------------------------
def test_cli_links_suggest_json_and_output(tmp_path, capsys, english):
    assert main(["links", "suggest", "--plan", "kronoberg", "--kind", "factor", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    langning = next(d for d in data if d["source"] == KR + "a-07-2")
    assert langning["target_label"] == "Langning" and langning["evidence"][0]["words"]
    out = tmp_path / "s.trig"
    assert main(["links", "suggest", "--plan", "vaxjo", "-o", str(out)]) == 0
    assert "graph/suggested-links" in capsys.readouterr().err
    assert main(["links", "suggest", "--plan", "vaxjo", "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err


def test_cli_text_announces_no_suggestions_and_unmatched_parts(capsys):
    assert main(["links", "suggest", "--plan", "vaxjo", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Suggestions, not curated links")
    assert "No suggestions: no part of the plan reaches the score 0.85 for national goals." in out
    assert "parts of the plan got no suggestion (score below 0.35)" in out


def test_the_import_log_lists_the_best_suggestions(uncurated, tmp_path, capsys):
    assert main(["import", str(uncurated), "-o", str(tmp_path / "plan.ttl"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Suggested links to check for the Kopplingar sheet" in out
    assert "  Föräldraträffar om alkohol och droger i årskurs 7 → " in out
    assert out.rstrip().endswith(
        "check each one before you add it to the Kopplingar sheet or to data/links."
    )


def test_nothing_to_suggest_to_is_announced(tmp_path):
    plan = data_dir() / "plans" / "vaxjo-2022-2027.ttl"
    bare = andtsgraph.load([plan], bundled=False)
    with pytest.warns(andtsgraph.errors.AndtsWarning, match="no risk or protective factors"):
        assert suggest.suggest_links(bare, "vaxjo", "factor") == []


def test_a_plan_is_matched_against_the_strategy_it_is_based_on(tmp_path):
    # A second, later strategy (invented here by renaming the bundled one): the bundled plans
    # say they are based on the 2022–2025 strategy, so their goals are matched with its goals.
    text = (data_dir() / "plans" / "national-2022-2025.ttl").read_text(encoding="utf-8")
    later = tmp_path / "national-2026-2029.ttl"
    later.write_text(
        text.replace("national-2022-2025", "national-2026-2029").replace('"2022"', '"2026"'),
        encoding="utf-8",
    )
    kg = andtsgraph.load([later])
    named, default = suggest.strategies_of(kg)
    assert default == {"https://w3id.org/andtsgraph/plan/national-2026-2029"}
    assert named[KR.rstrip("/")] == {"https://w3id.org/andtsgraph/plan/national-2022-2025"}
    found = suggest.suggest_links(kg, "kronoberg", "national-goal")
    assert found and {s.target_group for s in found} == {
        "https://w3id.org/andtsgraph/plan/national-2022-2025"
    }
