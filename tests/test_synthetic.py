"""National scale (issue 9): the synthetic corpus, the fast load path, the SPARQL validation
engine, the compiled betweenness and the batched gap analysis give the same answers as the
plain ways. No timing here: speed is measured by benchmarks/run.py."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SH
from server_compare import SAMPLE_PARAMS
from server_compare import rows as _canonical
from test_validation import CASES, _fixture_graph, _kg_with, _write

import andtsgraph
from andtsgraph import render
from andtsgraph.analysis import gaps, network
from andtsgraph.errors import AndtsError, DataFileError
from andtsgraph.namespaces import ACTORS_GRAPH, LINKS_GRAPH, plan_graph
from andtsgraph.testing.synthetic import plan_mix, synthetic_corpus, write_corpus
from andtsgraph.validation import UnsupportedShapes, ValidationWarning, load_shapes, validate
from andtsgraph.validation.engines.sparql import compile_shapes


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory):
    """Three synthetic plans (one regional, two municipal) of 20 activities, as TriG files."""
    return write_corpus(tmp_path_factory.mktemp("synthetic"), 3, seed=7, activities_per_plan=20)


@pytest.fixture(scope="module")
def synthetic_kg(corpus_files):
    return andtsgraph.load(corpus_files)


@pytest.fixture(scope="module")
def synthetic_rdflib_kg(corpus_files):
    return andtsgraph.load(corpus_files, store="memory")


def _synthetic(kg) -> list:
    return [p for p in kg.plans if p.id.startswith("synthetic-")]


# ---- the generator ----------------------------------------------------------------------------
def test_the_same_seed_gives_the_same_corpus():
    first, again = (
        synthetic_corpus(2, seed=3, activities_per_plan=8),
        synthetic_corpus(2, seed=3, activities_per_plan=8),
    )
    assert first.documents == again.documents
    a, b = first.dataset(), again.dataset()
    for context in a.graphs():
        assert isomorphic(context, b.graph(context.identifier)), context.identifier


def test_another_seed_gives_another_corpus():
    a = synthetic_corpus(2, seed=3, activities_per_plan=8)
    b = synthetic_corpus(2, seed=4, activities_per_plan=8)
    assert a.plan_ids != b.plan_ids or a.documents != b.documents
    graph = plan_graph(a.plan_ids[-1])
    if a.plan_ids == b.plan_ids:
        assert not isomorphic(a.dataset().graph(graph), b.dataset().graph(graph))


def test_the_national_mix_is_21_regions_and_290_municipalities():
    corpus = synthetic_corpus(311, activities_per_plan=1)
    kinds = [i.split("-")[1] for i in corpus.plan_ids]
    assert (kinds.count("region"), kinds.count("kommun")) == (21, 290)
    assert len(set(corpus.plan_ids)) == 311
    assert plan_mix(100) == (7, 93)


def test_each_plan_has_its_activities_indicators_goals_and_actors(synthetic_kg):
    plans = _synthetic(synthetic_kg)
    assert [p.kind for p in plans] == ["regional", "municipal", "municipal"]
    for p in plans:
        assert p.activities == 20
        assert p.goals == 7  # an overarching goal and six sub-goals, as the national strategy
        assert p.indicators > 0 and p.action_areas > 0 and p.actors > 3


def test_everything_synthetic_is_marked_so():
    corpus = synthetic_corpus(2, seed=3, activities_per_plan=8)
    union = Graph()
    for context in corpus.dataset().graphs():
        union += context
    synthetic = ("plan/synthetic-", "actor/synthetic-", "link/synthetic-")
    subjects = {s for s in union.subjects() if isinstance(s, URIRef)}
    assert subjects and all(
        str(s).split("andtsgraph/", 1)[1].startswith(synthetic) for s in subjects
    )
    assert all((s, DCTERMS.source, Literal("synthetic")) in union for s in subjects)


def test_local_actors_and_links_go_where_the_bundled_ones_are(synthetic_kg):
    assert str(ACTORS_GRAPH) in synthetic_kg.sources and str(LINKS_GRAPH) in synthetic_kg.sources
    links = synthetic_kg.graph(str(LINKS_GRAPH))
    assert any(
        str(s).startswith("https://w3id.org/andtsgraph/link/synthetic-") for s in links.subjects()
    )


def test_generated_plans_have_no_violation():
    kg = andtsgraph.load(write_corpus_tmp(5))
    report = validate(kg)
    assert report.counts()["violation"] == 0
    synthetic = {p.id for p in _synthetic(kg)}
    assert len(synthetic) == 5
    # The quality rules have work to do: every plan has findings.
    assert synthetic <= {r.plan for r in report.results}


def write_corpus_tmp(n: int):
    import tempfile

    return write_corpus(tempfile.mkdtemp(prefix="andtsgraph-synthetic-"), n, seed=11)


# ---- the two stores -----------------------------------------------------------------------------
def test_both_stores_hold_the_same_synthetic_graphs(synthetic_kg, synthetic_rdflib_kg):
    assert synthetic_kg.graph_names() == synthetic_rdflib_kg.graph_names()
    assert len(synthetic_kg) == len(synthetic_rdflib_kg)
    for name in synthetic_kg.graph_names():
        assert isomorphic(synthetic_kg.graph(name), synthetic_rdflib_kg.graph(name)), name


@pytest.mark.parametrize("query", [q.name for q in andtsgraph.catalog()])
def test_every_catalog_query_answers_the_same_on_both_stores(
    synthetic_kg, synthetic_rdflib_kg, query
):
    entry = next(q for q in andtsgraph.catalog() if q.name == query)
    samples = SAMPLE_PARAMS.get(query, [{}])
    if any(p.name == "plan" for p in entry.params):
        samples = [*samples, {**samples[0], "plan": _synthetic(synthetic_kg)[1].id}]
    for params in samples:
        fast, slow = synthetic_kg.query(query, **params), synthetic_rdflib_kg.query(query, **params)
        assert fast.columns == slow.columns
        assert _canonical(fast) == _canonical(slow), (query, params)
        if not params and query not in ("plan-documents",):
            assert len(fast) > 0, query  # the corpus gives every query work


# ---- the fast load path ----------------------------------------------------------------------------
def _same_quads(a, b) -> None:
    assert a.graph_names() == b.graph_names()
    assert len(a) == len(b)
    for name in a.graph_names():
        assert isomorphic(a.graph(name), b.graph(name)), name
    assert {k: [p.name for p in v] for k, v in a.sources.items()} == {
        k: [p.name for p in v] for k, v in b.sources.items()
    }


def test_oxigraph_parses_into_the_same_quads_as_rdflib(corpus_files, tmp_path):
    # The bundled Turtle (plans found by their type), the synthetic TriG, and a plan as Turtle.
    plan = synthetic_corpus(1, seed=5, activities_per_plan=4)
    ttl = tmp_path / "plan.ttl"
    graph = plan.dataset().graph(plan_graph(plan.plan_ids[0]))
    ttl.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    nt = tmp_path / "plan-copy.nt"
    nt.write_text(Graph().serialize(format="nt"), encoding="utf-8")  # an empty file
    files = [*corpus_files, ttl, nt]
    _same_quads(andtsgraph.load(files), andtsgraph.load(files, parser="rdflib"))


def test_trig_default_graph_goes_where_rdflib_puts_it(tmp_path):
    path = tmp_path / "mixed.trig"
    path.write_text(
        "<urn:a> <urn:p> <urn:b> .\n<urn:g> { <urn:c> <urn:p> _:x . _:x <urn:q> 1 . }\n",
        encoding="utf-8",
    )
    _same_quads(
        andtsgraph.load([path], bundled=False),
        andtsgraph.load([path], bundled=False, parser="rdflib"),
    )


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b .\n", 3),
        ("bad.trig", "<urn:g> {\n<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> }\n", 3),
        ("bad.nt", "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n", 2),
    ],
)
def test_a_bad_file_is_still_a_data_file_error_with_its_line(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        andtsgraph.load([path], bundled=False)
    assert raised.value.line == line
    assert f"{name}, line {line}" in str(raised.value)


def test_a_plan_file_loaded_twice_is_still_refused(tmp_path):
    plan = synthetic_corpus(1, seed=5, activities_per_plan=2)
    path = tmp_path / "plan.ttl"
    path.write_text(plan.dataset().graph(plan_graph(plan.plan_ids[0])).serialize(format="turtle"))
    copy = tmp_path / "again.ttl"
    copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataFileError, match="already loaded"):
        andtsgraph.load([path, copy], bundled=False, lang="en")


# ---- validation: the SPARQL engine gives pyshacl's report ---------------------------------------------
def _without_details(report: Graph) -> Graph:
    """The report without ``sh:detail`` (the nested results SHACL lets a processor add: pyshacl
    adds them for failed ``sh:node`` shapes, the SPARQL engine does not)."""
    copy = Graph()
    for triple in report:
        copy.add(triple)
    for result, detail in list(copy.subject_objects(SH.detail)):
        copy.remove((result, SH.detail, detail))
        pending = [detail]
        while pending:
            node = pending.pop()
            for p, o in list(copy.predicate_objects(node)):
                copy.remove((node, p, o))
                if isinstance(o, BNode):
                    pending.append(o)
    return copy


def _same_report(kg, **kwargs) -> None:
    fast = validate(kg, engine="sparql", **kwargs)
    slow = validate(kg, engine="pyshacl", **kwargs)
    assert fast.to_records() == slow.to_records()
    assert fast.to_text(examples=None) == slow.to_text(examples=None)
    assert not any(fast.graph.triples((None, SH.detail, None)))
    assert isomorphic(fast.graph, _without_details(slow.graph))


def test_the_sparql_engine_reports_exactly_what_pyshacl_reports_on_the_bundled_plans(kg):
    _same_report(kg)
    _same_report(kg, lang="en", severity="warning")


def test_the_sparql_engine_reports_exactly_what_pyshacl_reports_on_synthetic_plans(synthetic_kg):
    _same_report(synthetic_kg)


@pytest.mark.parametrize("case", CASES, ids=[c.shape for c in CASES])
def test_the_sparql_engine_reports_exactly_what_pyshacl_reports_on_every_fixture(tmp_path, case):
    _same_report(_kg_with(_write(_fixture_graph(case), tmp_path)))


def test_the_engine_runs_on_every_store_and_names_what_it_cannot_compile(tmp_path, english):
    assert compile_shapes(load_shapes()).queries
    memory = andtsgraph.load(store="memory")
    assert validate(memory, engine="sparql").counts() == validate(andtsgraph.load()).counts()
    recursive = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> sh:targetClass <https://w3id.org/andtsgraph/ontology#Activity> ;
            sh:node <urn:n> ; sh:message "recursive" .
        <urn:n> sh:property [ sh:path <https://w3id.org/andtsgraph/ontology#partOf> ; sh:node <urn:n> ] .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapes, match="recursive"):
        validate(engine="sparql", shapes=recursive)
    # auto: pyshacl validates what the SPARQL engine cannot, and says so in one line.
    with pytest.warns(ValidationWarning, match="validating with pyshacl instead"):
        validate(shapes=recursive)


# ---- network and gaps at scale -------------------------------------------------------------------
@pytest.mark.parametrize("plan", [None, "kronoberg", "vasteras", "vaxjo"])
def test_igraph_betweenness_is_networkx_betweenness(kg, plan):
    projection = network.actor_network(network.collaboration_graph(kg, plan))
    compiled, how = network.betweenness(projection, engine="igraph")
    plain, _ = network.betweenness(projection, engine="networkx")
    assert how == "exact"
    assert compiled.keys() == plain.keys()
    assert all(abs(compiled[a] - plain[a]) < 1e-12 for a in plain)


def test_igraph_betweenness_on_a_synthetic_network(synthetic_kg):
    projection = network.actor_network(network.collaboration_graph(synthetic_kg))
    compiled, _ = network.betweenness(projection, engine="igraph")
    plain = nx.betweenness_centrality(projection, normalized=True)
    assert all(abs(compiled[a] - plain[a]) < 1e-12 for a in plain)
    assert network.analyse(synthetic_kg).actors == network.analyse(synthetic_kg).actors


def test_batched_gaps_are_the_gaps_plan_by_plan(synthetic_kg):
    batched = gaps.all_gaps(synthetic_kg)
    one_by_one = [
        g for p in synthetic_kg.plans if p.activities for g in gaps.all_gaps(synthetic_kg, p.id)
    ]
    assert batched.to_records() == [g.to_record() for g in one_by_one]
    assert {g.kind for g in batched} >= {"risk-factor", "no-indicator", "matrix-cell"}


def test_pictures_drawn_together_are_the_pictures_drawn_alone(kg):
    dots = [render.plan_hierarchy(kg, p) for p in ("vaxjo", "kronoberg")]
    dots.append(render.coverage_matrix(gaps.coverage_matrix(kg, "vaxjo")))
    dots.append(render.collaboration_network(network.analyse(kg, "vasteras")))
    assert render.to_svgs(dots) == [render.to_svg(d) for d in dots]


def test_a_large_network_is_drawn_as_its_best_connected_actors(synthetic_kg):
    summary = network.analyse(synthetic_kg)
    dot = render.collaboration_network(summary, max_actors=10, lang="en")
    actors = [n for n in dot.get_nodes() if n.get_name() not in ("node", "edge", "graph")]
    assert len(actors) == 10
    shown = {m.label for m in summary.top(10)}
    assert {n.get("tooltip").strip('"').split(":")[0] for n in actors} == shown
    assert "Shown: the 10 best-connected actors" in dot.get_attributes()["label"]


# ---- the command line and folders of data ---------------------------------------------------------
def test_the_synthetic_command_writes_a_corpus_that_loads_as_a_folder(tmp_path):
    from test_cli import run

    out = tmp_path / "corpus"
    proc = run("synthetic", "-o", str(out), "--plans", "4", "--activities", "6", "--seed", "2")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        synthetic_corpus(4, seed=2, activities_per_plan=6).documents
    )
    kg = andtsgraph.load(out)  # a folder of RDF files stands for its files
    assert sorted(p.activities for p in _synthetic(kg)) == [6, 6, 6, 6]
    info = run("info", "--json", "--with", str(out))
    assert info.returncode == 0, info.stderr
    ids = [p["id"] for p in json.loads(info.stdout)["plans"]]
    assert sum(i.startswith("synthetic-") for i in ids) == 4


def test_the_synthetic_command_never_overwrites_without_force(tmp_path):
    from test_cli import run

    out = tmp_path / "corpus"
    assert run("synthetic", "-o", str(out), "--plans", "2", "--activities", "3").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run("synthetic", "-o", str(out), "--plans", "2", "--activities", "4", "--lang", "en")
    assert again.returncode == 2
    assert "use --force" in again.stderr and "Traceback" not in again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    forced = run("synthetic", "-o", str(out), "--plans", "2", "--activities", "4", "--force")
    assert forced.returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} != before
    bad = run("synthetic", "-o", str(out), "--plans", "0", "--lang", "en")
    assert bad.returncode == 2 and "at least 1" in bad.stderr


# ---- query results: Oxigraph's terms become Python values without rdflib on the way ----------------
@pytest.mark.parametrize("query", ["plans", "indicators", "activities", "actor-activities"])
def test_results_from_oxigraph_terms_are_the_results_from_rdflib_terms(kg, query):
    from andtsgraph.backends.oxigraph_memory import to_rdflib
    from andtsgraph.catalog import get_query
    from andtsgraph.namespaces import PREFIXES
    from andtsgraph.results import QueryResult

    fast = kg.query(query)
    assert fast._terms is None  # the store's own terms: rdflib terms only when asked
    slow = QueryResult(fast.columns, fast.terms)  # the rdflib path, from the same terms
    assert fast.to_records() == slow.to_records()
    assert [type(v) for r in fast for v in r.values()] == [
        type(v) for r in slow for v in r.values()
    ]
    assert {type(t).__name__ for row in fast.terms for t in row} <= {
        "URIRef",
        "Literal",
        "BNode",
        "NoneType",
    }
    # The same terms as the store's own, one by one (the rdflib store's engine may order a
    # GROUP_CONCAT differently, so the comparison across stores is in test_stores.py).
    native = kg.backend.select(get_query(query).text, {}, PREFIXES)
    assert [tuple(t.n3() if t is not None else None for t in row) for row in fast.terms] == [
        tuple(to_rdflib(t).n3() if t is not None else None for t in row) for row in native.rows
    ]


# ---- review fixes: what a user hits -------------------------------------------------------------
def test_sources_survive_a_trig_file_that_goes_after_loading(tmp_path):
    corpus = synthetic_corpus(1, seed=5, activities_per_plan=3)
    paths = corpus.write(tmp_path / "c")
    kg = andtsgraph.load(paths)
    for path in paths:
        path.unlink()  # a temporary corpus, deleted once loaded
    plan = plan_graph(corpus.plan_ids[0])
    assert kg.sources[plan] == [tmp_path / "c" / f"{corpus.plan_ids[0]}.trig"]
    assert tmp_path / "c" / "synthetic-actors.trig" in kg.sources[str(ACTORS_GRAPH)]
    # The plan is still known as loaded: a Turtle copy of it is refused.
    ttl = tmp_path / "again.ttl"
    ttl.write_text(kg.graph(plan).serialize(format="turtle"), encoding="utf-8")
    with pytest.raises(DataFileError, match="already loaded"):
        kg.add_file(ttl, lang="en")


def test_an_iri_the_store_refuses_is_a_data_file_error_naming_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a{b}> <http://example.org/p> 1 .\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.ttl"):
        andtsgraph.load(bad, bundled=False)


def test_force_leaves_exactly_one_corpus_in_the_folder(tmp_path, english):
    out = tmp_path / "corpus"
    write_corpus(out, 6, seed=0, activities_per_plan=2)
    mine = tmp_path / "corpus" / "notes.txt"
    mine.write_text("mine", encoding="utf-8")
    with pytest.raises(AndtsError, match="pass force=True"):
        write_corpus(out, 3, seed=1, activities_per_plan=2)  # other names, still refused
    written = write_corpus(out, 3, seed=1, activities_per_plan=2, force=True)
    assert sorted(p.name for p in out.glob("*.trig")) == sorted(p.name for p in written)
    assert mine.read_text(encoding="utf-8") == "mine"  # not ours: never touched
    assert len(_synthetic(andtsgraph.load(out))) == 3
    with pytest.raises(AndtsError, match="is a file"):
        write_corpus(mine, 1)


def test_shared_actors_list_their_plans_in_order_on_both_stores(synthetic_kg, synthetic_rdflib_kg):
    for kg in (synthetic_kg, synthetic_rdflib_kg):
        rows = kg.query("shared-actors").to_records()
        assert rows, kg.backend.name
        for row in rows:
            ids = row["planIds"].split(", ")
            assert ids == sorted(ids) and len(ids) == row["plans"] > 1, (kg.backend.name, row)
