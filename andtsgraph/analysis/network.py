"""Collaboration networks: who carries the work and who connects the actors.

The bipartite actor–activity graph is built from the catalog query ``actor-activity-edges``;
its actor projection links two actors by the activities they share, weighted by how many, and
typed by their roles (both responsible: *co-responsible*; one responsible, one partner:
*responsible–partner*; both partners: *partner–partner*). Across plans the graphs join
through the shared actor registry: Polisen in Kronoberg and in Växjö is one node.

Results are identical from run to run: nodes are added in sorted order, community detection
is seeded, and betweenness is exact up to :data:`EXACT_BETWEENNESS_LIMIT` actors and sampled
with a fixed seed beyond (the approximation is stated in :class:`NetworkSummary`).

Examples
--------
>>> import andtsgraph
>>> from andtsgraph.analysis import network
>>> kg = andtsgraph.load()
>>> network.hubs(kg, plan="kronoberg", top=1)[0].label
'Beredningsgruppen'
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from andtsgraph.enums import Ranking, Role, choose, values
from andtsgraph.errors import AndtsError, ChoiceError
from andtsgraph.knowledge_graph import KnowledgeGraph
from andtsgraph.messages import text as _msg
from andtsgraph.namespaces import plan_id_of
from andtsgraph.output import check_outputs, staged
from andtsgraph.results import Result, ResultList, records_to_dataframe

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BETWEENNESS_SAMPLES",
    "EXACT_BETWEENNESS_LIMIT",
    "NETWORKX_EXACT_LIMIT",
    "ROLES",
    "SEED",
    "ActorMetrics",
    "Bridge",
    "NetworkSummary",
    "actor_network",
    "actors_of",
    "analyse",
    "betweenness",
    "bridges_between_plans",
    "brokers",
    "collaboration_graph",
    "communities",
    "display_labels",
    "export_network",
    "hubs",
]

#: Roles from strongest to weakest; an actor with several roles in one part keeps the strongest.
ROLES = tuple(values(Role))
#: Up to this many actors betweenness is exact; beyond, it is sampled (seeded). Exact
#: betweenness is computed with igraph (compiled, a dependency) when it can
#: be imported, else with networkx up to :data:`NETWORKX_EXACT_LIMIT` actors.
EXACT_BETWEENNESS_LIMIT = 20_000
#: Without igraph, exact betweenness (networkx, pure Python) up to this many actors: the 2,900
#: actors of a national corpus would take about half a minute (igraph: 0.6 s).
NETWORKX_EXACT_LIMIT = 2000
#: Sources sampled for approximate betweenness on larger graphs.
BETWEENNESS_SAMPLES = 500
SEED = 42


def _plan_iri(kg: KnowledgeGraph, plan: str | None) -> str | None:
    return None if plan is None else kg.plan(plan).iri


def collaboration_graph(kg: KnowledgeGraph, plan: str | None = None) -> nx.Graph:
    """The bipartite graph of actors and the plan parts they work on.

    Parameters
    ----------
    kg : KnowledgeGraph
    plan : str, optional
        One plan (id or IRI); all plans when omitted.

    Returns
    -------
    networkx.Graph
        Part nodes have ``bipartite=0``, ``kind`` ("activity", "action area" …), ``plan`` and
        ``label``; actor nodes have ``bipartite=1``, ``label``, ``kind`` and ``levels``
        (the kinds of plan that name it). Each edge has the actor's strongest ``role``.

    Examples
    --------
    >>> import andtsgraph
    >>> B = collaboration_graph(andtsgraph.load(), plan="vasteras")
    >>> sum(1 for _, d in B.nodes(data=True) if d["bipartite"] == 0)
    14
    """
    edges = kg.query("actor-activity-edges", plan=_plan_iri(kg, plan))
    actors = {r["actor"]: r for r in kg.query("actor-labels")}
    shown = display_labels(actors.values())
    role_of: dict[tuple[str, str], str] = {}
    parts: dict[str, dict[str, Any]] = {}
    for r in edges:
        key = (r["actor"], r["activity"])
        if key not in role_of or ROLES.index(r["role"]) < ROLES.index(role_of[key]):
            role_of[key] = r["role"]
        parts[r["activity"]] = {"kind": r["kind"], "plan": plan_id_of(r["plan"])}
    part_labels = kg.labels_of(parts)
    graph = nx.Graph()
    for iri in sorted(parts):
        graph.add_node(iri, bipartite=0, label=part_labels.get(iri, iri), **parts[iri])
    for iri in sorted({a for a, _ in role_of}):
        info = actors.get(iri, {})
        graph.add_node(
            iri,
            bipartite=1,
            label=shown.get(iri) or iri,
            kind=info.get("kind") or "",
            levels=info.get("levels") or "",
        )
    for (actor, part), role in sorted(role_of.items()):
        graph.add_edge(actor, part, role=role)
    return graph


def display_labels(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The name to show for each actor: its label, and whose it is where the bare label is
    shared by several actors ("Socialnämnden (Sjöby kommun)"); ``rdfs:label`` itself keeps
    the plan's own words.

    Examples
    --------
    >>> display_labels([
    ...     {"actor": "a", "label": "Socialnämnden", "ownerLabel": "Sjöby kommun"},
    ...     {"actor": "b", "label": "Socialnämnden", "ownerLabel": "Åstad kommun"},
    ...     {"actor": "c", "label": "Polisen"},
    ... ])
    {'a': 'Socialnämnden (Sjöby kommun)', 'b': 'Socialnämnden (Åstad kommun)', 'c': 'Polisen'}
    """
    rows = list(rows)
    owners: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for r in rows:
        label_of[r["actor"]] = r.get("label") or r["actor"]
        if r.get("ownerLabel"):
            owners[r["actor"]] = r["ownerLabel"]
    count: dict[str, int] = {}
    for label in label_of.values():
        count[label] = count.get(label, 0) + 1
    return {
        actor: f"{label} ({owners[actor]})" if count[label] > 1 and actor in owners else label
        for actor, label in label_of.items()
    }


def actors_of(graph: nx.Graph) -> list[str]:
    """Return the actor nodes of a bipartite collaboration graph, sorted."""
    return sorted(n for n, d in graph.nodes(data=True) if d.get("bipartite") == 1)


def actor_network(graph: nx.Graph) -> nx.Graph:
    """Project a bipartite collaboration graph onto its actors.

    Two actors are linked when they share a plan part; ``weight`` counts the shared parts,
    ``co_responsible``, ``responsible_partner`` and ``partner_partner`` count them by the pair
    of roles, ``kind`` is the most frequent of those, and ``plans`` lists the plans (comma
    separated). Every actor is a node, also those with no collaborator.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from(["a1"], bipartite=0, plan="p")
    >>> G.add_nodes_from(["x", "y"], bipartite=1, label="")
    >>> G.add_edge("x", "a1", role="responsible"); G.add_edge("y", "a1", role="partner")
    >>> P = actor_network(G)
    >>> P.edges["x", "y"]["kind"], P.edges["x", "y"]["weight"]
    ('responsible–partner', 1)
    """
    projection = nx.Graph()
    for actor in actors_of(graph):
        projection.add_node(
            actor, **{k: v for k, v in graph.nodes[actor].items() if k != "bipartite"}
        )
    pair_kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
    pair_plans: dict[tuple[str, str], set[str]] = defaultdict(set)
    for part in sorted(n for n, d in graph.nodes(data=True) if d.get("bipartite") == 0):
        members = sorted(graph.neighbors(part))
        for a, b in itertools.combinations(members, 2):
            ra, rb = graph.edges[a, part]["role"], graph.edges[b, part]["role"]
            carries = sum(r in ("lead", "responsible") for r in (ra, rb))
            kind = ("partner–partner", "responsible–partner", "co-responsible")[carries]
            pair_kinds[(a, b)][kind] += 1
            pair_plans[(a, b)].add(graph.nodes[part].get("plan", ""))
    for (a, b), kinds in sorted(pair_kinds.items()):
        projection.add_edge(
            a,
            b,
            weight=sum(kinds.values()),
            co_responsible=kinds["co-responsible"],
            responsible_partner=kinds["responsible–partner"],
            partner_partner=kinds["partner–partner"],
            kind=max(sorted(kinds), key=lambda k: kinds[k]),
            plans=", ".join(sorted(pair_plans[(a, b)])),
        )
    return projection


def communities(projection: nx.Graph, seed: int = SEED) -> dict[str, int]:
    """Louvain communities of the actor network (seeded, over sorted nodes).

    Returns
    -------
    dict
        Actor → community number; communities are numbered by size, largest first (ties by
        their first actor), and isolated actors form communities of their own.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> sorted(communities(G).items())
    [('a', 0), ('b', 0), ('c', 0), ('x', 1), ('y', 1)]
    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(projection.nodes))
    ordered.add_edges_from(
        sorted((min(a, b), max(a, b), d) for a, b, d in projection.edges(data=True))
    )
    found = nx.community.louvain_communities(ordered, weight="weight", seed=seed)
    ranked = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {actor: number for number, members in enumerate(ranked) for actor in members}


def betweenness(
    projection: nx.Graph, seed: int = SEED, engine: str = "auto"
) -> tuple[dict[str, float], str]:
    """Normalised betweenness centrality of the actors, and how it was computed.

    Exact up to :data:`EXACT_BETWEENNESS_LIMIT` actors (without igraph, up to
    :data:`NETWORKX_EXACT_LIMIT`); beyond that, estimated from :data:`BETWEENNESS_SAMPLES`
    seeded source actors.

    Parameters
    ----------
    projection : networkx.Graph
        The actor network (unweighted shortest paths, as networkx's default).
    seed : int
        The seed of the sample of sources, when sampling.
    engine : {"auto", "igraph", "networkx"}
        Who computes exact values: igraph if it imports ("auto"), or the one named. Both give
        the same values (tested on the bundled plans).

    Examples
    --------
    >>> values, how = betweenness(nx.path_graph(["a", "b", "c"]))
    >>> values["b"], how
    (1.0, 'exact')
    """
    if engine not in ("auto", "igraph", "networkx"):
        raise AndtsError(_msg("errors.net_engine", engine=engine))
    compiled = _igraph() if engine != "networkx" else None
    if engine == "igraph" and compiled is None:
        raise AndtsError(_msg("errors.no_igraph"))
    n = projection.number_of_nodes()
    limit = (
        EXACT_BETWEENNESS_LIMIT if compiled else min(EXACT_BETWEENNESS_LIMIT, NETWORKX_EXACT_LIMIT)
    )
    if n <= limit:
        if compiled is not None:
            return _igraph_betweenness(compiled, projection), "exact"
        return nx.betweenness_centrality(projection, normalized=True), "exact"
    values = nx.betweenness_centrality(
        projection, k=BETWEENNESS_SAMPLES, normalized=True, seed=seed
    )
    return (
        values,
        f"approximate: {BETWEENNESS_SAMPLES} sampled sources (seed {seed}) of {n} actors",
    )


def _igraph() -> Any:
    """The igraph module, or None when it cannot be imported (then networkx computes)."""
    try:
        import igraph
    except ImportError:
        return None
    return igraph


def _igraph_betweenness(igraph: Any, projection: nx.Graph) -> dict[Any, float]:
    """Exact betweenness from igraph's C core, normalised as networkx normalises it."""
    nodes = sorted(projection.nodes)  # a fixed order: the same sums in the same order each run
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(
        n=len(nodes), edges=[(index[a], index[b]) for a, b in projection.edges()], directed=False
    )
    raw = graph.betweenness(directed=False)
    n = len(nodes)
    # networkx divides an undirected graph's pair counts by (n-1)(n-2)/2 (and leaves n ≤ 2 as is).
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: value * scale for node, value in zip(nodes, raw, strict=True)}


@dataclass(frozen=True)
class ActorMetrics(Result):
    """An actor's place in the collaboration network (one row of ``andtsgraph hubs --json``).

    ``degree`` counts distinct collaborators, ``weighted_degree`` the shared plan parts summed
    over them, ``activities`` the activities the actor takes part in (as in the catalog's
    ``actor-activities`` and ``shared-actors``), ``parts`` all the plan parts it takes part in
    (activities, action and development areas: the ties of the network), ``responsible`` the
    activities it is responsible for (lead included), ``betweenness`` is normalised (0–1),
    ``community`` the Louvain community number, ``plans`` the plan ids it appears in.
    """

    iri: str
    label: str
    kind: str
    degree: int
    weighted_degree: int
    activities: int
    parts: int
    responsible: int
    betweenness: float
    community: int
    plans: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NetworkSummary(Result):
    """The collaboration network of one plan or of all plans, with its metrics.

    ``to_json()`` writes the figures and every actor's metrics; ``to_dataframe()`` is the
    actor table (one row per actor, as ``actors.to_dataframe()``).
    """

    plan: str | None
    actors: ResultList[ActorMetrics]
    parts: int
    edges: int
    density: float
    communities: int
    isolated: list[str]
    betweenness_method: str
    bipartite: nx.Graph = field(repr=False, metadata={"record": False})
    projection: nx.Graph = field(repr=False, metadata={"record": False})

    def to_dataframe(self) -> pandas.DataFrame:
        """Return the actor table: one row per actor."""
        return records_to_dataframe(ResultList(self.actors).to_records())

    def top(
        self, n: int | None = None, by: Ranking | str = Ranking.DEGREE
    ) -> ResultList[ActorMetrics]:
        """The ``n`` actors highest by ``degree`` (hubs), ``betweenness`` (brokers) or
        ``activities``.

        Raises
        ------
        ChoiceError
            If ``n`` is below 1 or ``by`` is no :class:`~andtsgraph.enums.Ranking`.
        """
        _check_top(n, "n")
        ranking = choose(Ranking, by, "by")
        key = {
            Ranking.DEGREE: lambda m: (-m.degree, -m.weighted_degree, -m.activities, m.label),
            Ranking.BETWEENNESS: lambda m: (-m.betweenness, -m.degree, m.label),
            Ranking.ACTIVITIES: lambda m: (-m.activities, -m.degree, m.label),
        }[ranking]
        ranked = sorted(self.actors, key=key)
        return ResultList(ranked if n is None else ranked[:n])


def _check_top(n: int | None, parameter: str) -> None:
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise ChoiceError(_msg("errors.whole_or_none", parameter=parameter, n=n))


def analyse(kg: KnowledgeGraph, plan: str | None = None, seed: int = SEED) -> NetworkSummary:
    """Build the collaboration network of a plan (or all plans) and compute its metrics.

    Examples
    --------
    >>> import andtsgraph
    >>> summary = analyse(andtsgraph.load(), plan="vasteras")
    >>> summary.top(1)[0].label
    'Nämnden för idrott, fritid och förebyggande'
    """
    bipartite = collaboration_graph(kg, plan)
    projection = actor_network(bipartite)
    between, how = betweenness(projection, seed)
    community = communities(projection, seed) if projection.number_of_nodes() else {}
    metrics = []
    for actor in sorted(projection.nodes):
        roles = [bipartite.edges[actor, p]["role"] for p in bipartite.neighbors(actor)]
        # One meaning of "activity" across the library: an andts:Activity, not an area.
        activity_roles = [
            bipartite.edges[actor, p]["role"]
            for p in bipartite.neighbors(actor)
            if bipartite.nodes[p]["kind"] == "activity"
        ]
        plans = sorted({bipartite.nodes[p]["plan"] for p in bipartite.neighbors(actor)})
        node = projection.nodes[actor]
        metrics.append(
            ActorMetrics(
                iri=actor,
                label=node.get("label", actor),
                kind=node.get("kind", ""),
                degree=projection.degree(actor),
                weighted_degree=int(projection.degree(actor, weight="weight")),
                activities=len(activity_roles),
                parts=len(roles),
                responsible=sum(r in ("lead", "responsible") for r in activity_roles),
                betweenness=round(between.get(actor, 0.0), 6),
                community=community.get(actor, -1),
                plans=plans,
            )
        )
    return NetworkSummary(
        plan=None if plan is None else kg.plan(plan).id,
        actors=ResultList(metrics),
        parts=sum(1 for _, d in bipartite.nodes(data=True) if d["bipartite"] == 0),
        edges=projection.number_of_edges(),
        density=round(nx.density(projection), 6) if projection.number_of_nodes() > 1 else 0.0,
        communities=len(set(community.values())),
        isolated=sorted(n for n in projection.nodes if projection.degree(n) == 0),
        betweenness_method=how,
        bipartite=bipartite,
        projection=projection,
    )


def hubs(
    kg: KnowledgeGraph, plan: str | None = None, top: int | None = None
) -> ResultList[ActorMetrics]:
    """The actors with the most collaborators (degree), highest first.

    Examples
    --------
    >>> import andtsgraph
    >>> [m.label for m in hubs(andtsgraph.load(), plan="kronoberg", top=2)]
    ['Beredningsgruppen', 'Polisen']
    """
    _check_top(top, "top")
    return analyse(kg, plan).top(top, by=Ranking.DEGREE)


def brokers(
    kg: KnowledgeGraph, plan: str | None = None, top: int | None = None
) -> ResultList[ActorMetrics]:
    """The actors that most often lie on the shortest paths between others (betweenness).

    Examples
    --------
    >>> import andtsgraph
    >>> brokers(andtsgraph.load(), plan="kronoberg", top=1)[0].label
    'Beredningsgruppen'
    """
    _check_top(top, "top")
    return analyse(kg, plan).top(top, by=Ranking.BETWEENNESS)


@dataclass(frozen=True)
class Bridge(Result):
    """An actor that takes part in more than one plan, directly or through a group."""

    iri: str
    label: str
    plans: list[str]
    via: dict[str, list[str]]
    levels: list[str]


def bridges_between_plans(
    kg: KnowledgeGraph, plans: tuple[str, str] | None = None, *, graph: nx.Graph | None = None
) -> ResultList[Bridge]:
    """Actors that connect plans: named in two or more plans, or named in one and a member of
    a group (network, working group, "Kommunerna") that another plan names.

    Parameters
    ----------
    plans : (str, str), optional
        Only bridges between these two plans.
    graph : networkx.Graph, optional
        The :func:`collaboration_graph` of all plans, if already built (it is built when
        omitted).

    Returns
    -------
    ResultList of Bridge
        ``plans`` are the plan ids the actor reaches; ``via`` maps a plan reached through
        membership to the groups it is reached through. Sorted by the number of plans, then
        label.

    Examples
    --------
    >>> import andtsgraph
    >>> kg = andtsgraph.load()
    >>> [b.label for b in bridges_between_plans(kg, ("kronoberg", "vaxjo"))][:2]
    ['Polisen', 'Region Kronoberg']
    """
    if graph is None:
        graph = collaboration_graph(kg)
    direct: dict[str, set[str]] = defaultdict(set)
    for actor in actors_of(graph):
        direct[actor] = {graph.nodes[p]["plan"] for p in graph.neighbors(actor)}
    groups_of: dict[str, set[str]] = defaultdict(set)
    for r in kg.query("memberships"):
        groups_of[r["member"]].add(r["group"])
    labels = {a: graph.nodes[a]["label"] for a in actors_of(graph)}
    plan_kinds = {p.id: p.kind for p in kg.plans}
    wanted = None if plans is None else {kg.plan(plans[0]).id, kg.plan(plans[1]).id}
    found = []
    for actor in sorted(set(direct) | set(groups_of)):
        reached = set(direct.get(actor, set()))
        via: dict[str, list[str]] = defaultdict(list)
        for group in sorted(groups_of.get(actor, ())):
            for plan_id in sorted(direct.get(group, set()) - direct.get(actor, set())):
                via[plan_id].append(labels.get(group, group))
                reached.add(plan_id)
        if not direct.get(actor) or len(reached) < 2:
            continue
        if wanted and not wanted <= reached:
            continue
        found.append(
            Bridge(
                iri=actor,
                label=labels.get(actor, actor),
                plans=sorted(reached),
                via={k: v for k, v in sorted(via.items())},
                levels=sorted({plan_kinds.get(p, "") for p in reached}),
            )
        )
    return ResultList(sorted(found, key=lambda b: (-len(b.plans), len(b.via), b.label)))


def export_network(graph: nx.Graph, path: str | Path, *, force: bool = False) -> Path:
    """Write a network for Gephi and other tools: GraphML (``.graphml``) or GEXF (``.gexf``).

    Raises
    ------
    AndtsError
        For another suffix; :class:`OutputExistsError` if the file exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "net.graphml"
    >>> export_network(nx.path_graph(3), out).suffix
    '.graphml'
    """
    path = Path(path)
    if path.suffix.lower() not in (".graphml", ".gexf"):
        raise AndtsError(_msg("errors.net_suffix", path=path))
    check_outputs([path], force=force)
    clean = nx.Graph()
    for node, data in graph.nodes(data=True):
        clean.add_node(str(node), **{k: _scalar(v) for k, v in data.items()})
    for a, b, data in graph.edges(data=True):
        clean.add_edge(str(a), str(b), **{k: _scalar(v) for k, v in data.items()})
    with staged([path], force=force) as (temporary,):
        if path.suffix.lower() == ".graphml":
            nx.write_graphml(clean, temporary)
        else:
            nx.write_gexf(clean, temporary)
    return path


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return ", ".join(map(str, value))
    return value
