"""Pictures with pydot and Graphviz: a plan's hierarchy, the collaboration network, and the
coverage matrix; written as DOT, SVG or PNG.

Node ids are generated (``n0``, ``n1`` …) and the text goes into ``label``: pydot would read an
id such as ``ex:Alice`` as a node with a port.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pydot

from andtsgraph.analysis.gaps import CoverageMatrix
from andtsgraph.analysis.network import NetworkSummary
from andtsgraph.errors import AndtsError
from andtsgraph.knowledge_graph import KnowledgeGraph
from andtsgraph.messages import text
from andtsgraph.messages import text as _msg
from andtsgraph.output import check_outputs, write_bytes

__all__ = [
    "FONT",
    "KIND_STYLE",
    "PALETTE",
    "collaboration_network",
    "coverage_matrix",
    "plan_hierarchy",
    "to_svg",
    "to_svgs",
    "write_picture",
]

#: Community colours (ColorBrewer Set3 and Pastel1, readable under black text).
PALETTE = [
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#d9d9d9",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
    "#fbb4ae",
    "#b3cde3",
    "#decbe4",
    "#fed9a6",
]
KIND_STYLE = {
    "plan": ("#1f4e79", "white", "box", 16),
    "overarching goal": ("#2e75b6", "white", "box", 13),
    "sub-goal": ("#9dc3e6", "black", "box", 12),
    "development area": ("#2e75b6", "white", "box", 13),
    "action area": ("#deebf7", "black", "box", 11),
    "activity": ("white", "black", "note", 10),
}
FONT = "DejaVu Sans"


def _text(value: str, width: int, limit: int | None = None) -> str:
    """Wrap ``value`` for a DOT label (escaped), cut at ``limit`` characters."""
    value = " ".join(str(value).split())
    if limit and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(value, width, break_long_words=False) or [""]
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


def _quoted(text: str) -> str:
    return f'"{text}"'


def plan_hierarchy(
    kg: KnowledgeGraph,
    plan: str,
    *,
    activity_chars: int = 90,
    rows: Iterable[Mapping[str, Any]] | None = None,
) -> pydot.Dot:
    """The tree plan → goals → areas → activities of one plan, left to right.

    Parameters
    ----------
    plan : str
        A plan id or IRI.
    activity_chars : int
        Activity labels are cut at this many characters (the full text is the tooltip).
    rows : iterable of dict, optional
        The plan's rows of the ``plan-hierarchy`` query, if already fetched (a report on
        hundreds of plans asks the query once); the query is run when omitted.

    Examples
    --------
    >>> import andtsgraph
    >>> dot = plan_hierarchy(andtsgraph.load(), "vasteras")
    >>> len(dot.get_nodes()) > 14
    True
    """
    info = kg.plan(plan)
    rows = list(kg.query("plan-hierarchy", plan=info.iri) if rows is None else rows)
    dot = _graph("hierarchy", rankdir="LR", nodesep="0.08", ranksep="0.5")
    ids = {info.iri: "n0"}
    fill, font, shape, size = KIND_STYLE["plan"]
    dot.add_node(
        pydot.Node(
            "n0",
            label=_quoted(_text(info.title, 28)),
            shape=shape,
            style="filled,rounded",
            fillcolor=fill,
            fontcolor=font,
            fontsize=str(size),
        )
    )
    for r in rows:
        ids.setdefault(r["part"], f"n{len(ids)}")
    for r in rows:
        fill, font, shape, size = KIND_STYLE.get(r["kind"], KIND_STYLE["activity"])
        is_activity = r["kind"] == "activity"
        prefix = f"{r['notation']} " if r["notation"] and not is_activity else ""
        label = _text(
            prefix + r["label"], 44 if is_activity else 30, activity_chars if is_activity else 120
        )
        dot.add_node(
            pydot.Node(
                ids[r["part"]],
                label=_quoted(label),
                shape=shape,
                style="filled" if is_activity else "filled,rounded",
                fillcolor=fill,
                fontcolor=font,
                fontsize=str(size),
                tooltip=_quoted(_text(r["label"], 1000)),
            )
        )
    for r in rows:
        if r["parent"] in ids:
            dot.add_edge(
                pydot.Edge(ids[r["parent"]], ids[r["part"]], color="#7f7f7f", arrowsize="0.5")
            )
    return dot


def collaboration_network(
    summary: NetworkSummary, *, label_top: int = 80, max_actors: int = 300, lang: str = "sv"
) -> pydot.Dot:
    """The actor network: node size by betweenness, colour by community, edge width by the
    number of shared activities. The ``label_top`` best-connected actors are labelled in
    full; the others get short labels so the picture stays legible. A network of more than
    ``max_actors`` actors (a national corpus has thousands) is drawn as its ``max_actors``
    best-connected actors and the ties between them, and the legend says so: Graphviz needs
    37 s to lay out all 2,903 actors of a national corpus, and nobody could read the result.

    Examples
    --------
    >>> import andtsgraph
    >>> from andtsgraph.analysis import network
    >>> dot = collaboration_network(network.analyse(andtsgraph.load(), plan="vasteras"))
    >>> dot.get_graph_type()
    'graph'
    """
    shown = summary.top(max_actors) if len(summary.actors) > max_actors else summary.actors
    metrics = {m.iri: m for m in shown}
    top = {m.iri for m in summary.top(label_top)}
    ties = [
        (a, b, data)
        for a, b, data in sorted(summary.projection.edges(data=True))
        if a in metrics and b in metrics
    ]
    dot = pydot.Dot(
        "network",
        graph_type="graph",
        layout="neato",
        overlap="prism",
        overlap_scaling="4",
        sep="+12",
        # Curved edges routed around the nodes read best, but routing takes neato minutes
        # beyond a few hundred ties (100 actors, 542 ties: 10 s; straight: 0.1 s).
        splines="true" if len(ties) <= 400 else "false",
        outputorder="edgesfirst",
        bgcolor="white",
        fontname=FONT,
        pad="0.3",
        label=_quoted(_legend(summary, len(metrics), lang)),
        labelloc="t",
        fontsize="16",
    )
    dot.set_node_defaults(
        fontname=FONT, style="filled", shape="ellipse", color="#404040", penwidth="0.8"
    )
    dot.set_edge_defaults(color="#9a9a9a80")
    ids = {iri: f"n{i}" for i, iri in enumerate(sorted(metrics))}
    biggest = max((m.betweenness for m in summary.actors), default=0) or 1
    for iri, m in sorted(metrics.items()):
        scale = m.betweenness / biggest
        label = _text(m.label, 16, 60) if iri in top else _text(m.label, 14, 24)
        dot.add_node(
            pydot.Node(
                ids[iri],
                label=_quoted(label),
                fillcolor=PALETTE[m.community % len(PALETTE)],
                fontsize=f"{9 + 9 * scale:.1f}",
                width=f"{0.4 + 1.4 * scale:.2f}",
                height=f"{0.3 + 0.8 * scale:.2f}",
                tooltip=_quoted(
                    _text(
                        text(
                            "render.tooltip",
                            lang,
                            label=m.label,
                            partners=text("render.partners", lang, n=m.degree),
                            activities=text("term.activity", lang, n=m.activities),
                            betweenness=m.betweenness,
                        ),
                        1000,
                    )
                ),
            )
        )
    for a, b, data in ties:
        weight = data.get("weight", 1)
        dot.add_edge(
            pydot.Edge(
                ids[a],
                ids[b],
                penwidth=f"{min(0.4 + 0.6 * weight, 6):.1f}",
                style="dashed" if data.get("kind") == "partner–partner" else "solid",
            )
        )
    return dot


def _legend(summary: NetworkSummary, shown: int | None = None, lang: str = "sv") -> str:
    scope = summary.plan or text("render.all_plans", lang)
    part = (
        text("render.shown", lang, shown=shown)
        if shown is not None and shown < len(summary.actors)
        else ""
    )
    legend = text(
        "render.legend",
        lang,
        scope=scope,
        actors=text("term.actor", lang, n=len(summary.actors)),
        edges=text("report.ties", lang, n=summary.edges),
        shown=part,
    )
    return _text(legend, 110)


def coverage_matrix(
    matrix: CoverageMatrix, *, title: str | None = None, lang: str = "sv"
) -> pydot.Dot:
    """The coverage matrix as a table, shaded by the number of activities; empty cells red.

    Examples
    --------
    >>> import andtsgraph
    >>> from andtsgraph.analysis import gaps
    >>> dot = coverage_matrix(gaps.coverage_matrix(andtsgraph.load(), "vaxjo"))
    >>> "Indikerad" in dot.to_string()
    True
    """
    biggest = max(matrix.counts.values(), default=0) or 1
    head = "".join(
        f'<td bgcolor="#1f4e79"><font color="white"><b>{html.escape(label)}</b></font></td>'
        for _, label in matrix.columns
    )
    rows = []
    for r, rl in matrix.rows:
        cells = []
        for c, _ in matrix.columns:
            n = matrix.counts.get((r, c), 0)
            colour = "#f4cccc" if n == 0 else _blue(n / biggest)
            text_colour = "white" if n / biggest > 0.6 else "black"
            cells.append(
                f'<td bgcolor="{colour}" width="90"><font color="{text_colour}">{n}</font></td>'
            )
        rows.append(
            f'<tr><td align="left" bgcolor="#f2f2f2">{html.escape(rl)}</td>{"".join(cells)}</tr>'
        )
    dimension = "substance" if matrix.dimension == "substance" else "group"
    caption = title or text(f"render.matrix_caption.{dimension}", lang, plan=matrix.plan)
    table = (
        f'<<table border="0" cellborder="1" cellspacing="0" cellpadding="6">'
        f'<tr><td colspan="{len(matrix.columns) + 1}" border="0"><b>{html.escape(caption)}</b></td></tr>'
        f'<tr><td bgcolor="#1f4e79"></td>{head}</tr>{"".join(rows)}</table>>'
    )
    dot = _graph("matrix")
    dot.add_node(pydot.Node("matrix", shape="plaintext", label=table))
    return dot


def _blue(share: float) -> str:
    low, high = (222, 235, 247), (8, 69, 148)
    return "#" + "".join(
        f"{round(lo + (hi - lo) * share):02x}" for lo, hi in zip(low, high, strict=True)
    )


def _graph(name: str, **attrs: str) -> pydot.Dot:
    dot = pydot.Dot(name, graph_type="digraph", bgcolor="white", fontname=FONT, **attrs)
    dot.set_node_defaults(fontname=FONT)
    dot.set_edge_defaults(fontname=FONT)
    return dot


def to_svg(dot: pydot.Dot) -> str:
    """Render ``dot`` to SVG text (for inline HTML and notebooks).

    Raises
    ------
    AndtsError
        If Graphviz is not installed.
    """
    return _create(dot, "svg").decode("utf-8")


def to_svgs(dots: Sequence[pydot.Dot], *, workers: int = 2) -> list[str]:
    """Render many pictures to SVG, as :func:`to_svg` would one by one, but with one Graphviz
    process per layout engine and worker instead of one per picture (a national report draws
    600 pictures: the processes and pydot's temporary files cost more than the drawing).

    Examples
    --------
    >>> a, b = pydot.Dot("a"), pydot.Dot("b")
    >>> a.add_node(pydot.Node("x")); b.add_node(pydot.Node("y"))
    >>> [svg.count("<svg") for svg in to_svgs([a, b])]
    [1, 1]
    """
    if not dots:
        return []
    _require_graphviz()
    batches: dict[str, list[int]] = {}
    for i, dot in enumerate(dots):
        batches.setdefault(dot.get_attributes().get("layout", "dot"), []).append(i)
    jobs = []
    for prog, indices in batches.items():
        size = -(-len(indices) // workers)
        jobs += [(prog, indices[start : start + size]) for start in range(0, len(indices), size)]
    svgs: list[str] = [""] * len(dots)
    with ThreadPoolExecutor(max_workers=workers) as pool:  # Graphviz runs outside the GIL
        for indices, drawn in pool.map(
            lambda job: (job[1], _run_graphviz(job[0], [dots[i] for i in job[1]])), jobs
        ):
            for i, svg in zip(indices, drawn, strict=True):
                svgs[i] = svg
    return svgs


def _run_graphviz(prog: str, dots: list[pydot.Dot]) -> list[str]:
    """One Graphviz process drawing several graphs; its output is one SVG document per graph."""
    source = "\n".join(dot.to_string() for dot in dots).encode("utf-8")
    done = subprocess.run([prog, "-Tsvg"], input=source, capture_output=True, check=False)
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        raise AndtsError(_msg("errors.graphviz_failed", reason=message))
    text = done.stdout.decode("utf-8")
    # Graphviz numbers the second and later graphs of one run as pages ("page0,1_graph0");
    # drop that, so each picture is exactly what drawing it alone gives.
    text = re.sub(r'id="page\d+,\d+_', 'id="', text)
    documents = ["<?xml" + part for part in text.split("<?xml")[1:]]
    if len(documents) != len(dots):
        raise AndtsError(_msg("errors.graphviz_count", n=len(documents), total=len(dots)))
    return documents


def _require_graphviz() -> None:
    if shutil.which("dot") is None:
        raise AndtsError(_msg("errors.no_dot"))


def _create(dot: pydot.Dot, fmt: str) -> bytes:
    _require_graphviz()
    prog = dot.get_attributes().get("layout", "dot")
    try:
        drawn: object = dot.create(prog=prog, format=fmt)
    except Exception as exc:  # Graphviz reports layout problems on stderr
        raise AndtsError(
            _msg("errors.graphviz_one", reason=" ".join(str(exc).split())[:200])
        ) from None
    # pydot 4 annotates create() as str, but without an encoding it returns Graphviz's bytes.
    if not isinstance(drawn, bytes):
        raise TypeError(f"pydot returned {type(drawn).__name__}, not the picture's bytes")
    return drawn


def write_picture(dot: pydot.Dot, path: str | Path, *, force: bool = False) -> Path:
    """Write a picture as DOT source, SVG or PNG, chosen by the file's suffix.

    Raises
    ------
    OutputExistsError
        If ``path`` exists and ``force`` is false.
    AndtsError
        For another suffix, or if Graphviz is missing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pydot.Dot("g"); d.add_node(pydot.Node("a"))
    >>> write_picture(d, pathlib.Path(tempfile.mkdtemp()) / "g.dot").read_text().startswith("digraph")
    True
    """
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("dot", "svg", "png"):
        raise AndtsError(_msg("errors.picture_suffix", path=path))
    check_outputs([path], force=force)
    data = dot.to_string().encode("utf-8") if suffix == "dot" else _create(dot, suffix)
    return write_bytes(path, data, force=force)
