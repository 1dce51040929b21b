"""The ``andtsgraph`` command: a thin layer over the library's public functions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from andtsgraph import __version__
from andtsgraph.backends import STORES
from andtsgraph.errors import AndtsError, OutputExistsError
from andtsgraph.knowledge_graph import EXPORT_FORMATS, KnowledgeGraph, load
from andtsgraph.namespaces import plan_graph, plan_id_of
from andtsgraph.remote import TOKEN_ENV, connect, push

EXIT_USAGE = 2


def _load(args: argparse.Namespace) -> KnowledgeGraph:
    return load(args.with_files or None, store=args.store)


def cmd_info(args: argparse.Namespace) -> int:
    kg = _load(args)
    plans = kg.plans
    if args.json:
        data = {
            "plans": [p.as_dict() for p in plans],
            "triples": len(kg),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(plans)} plans, {len(kg)} triples in {len(kg.graph_names())} named graphs ({kg.backend.name} store)\n"
    )
    for p in plans:
        period = f"{p.valid_from or '?'} – {p.valid_until or '?'}"
        print(f"{p.id}  [{p.kind}]  {period}")
        print(f"  {p.title}")
        if p.publisher:
            print(f"  issued by {p.publisher}" + (f", {p.identifier}" if p.identifier else ""))
        parts = [
            f"{p.goals} goals",
            f"{p.development_areas} development areas",
            f"{p.action_areas} action areas",
            f"{p.activities} activities",
            f"{p.indicators} indicators",
            f"{p.actors} actors",
        ]
        print("  " + ", ".join(parts) + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    kg = _load(args)
    if args.plan or args.format == "xlsx":
        return _export_plan(kg, args)
    if args.output:
        kg.serialize(args.format, args.output, force=args.force)
        print(f"wrote {args.output} ({args.format}, {len(kg)} triples)", file=sys.stderr)
    else:
        sys.stdout.write(kg.serialize(args.format) or "")
    return 0


def _export_plan(kg: KnowledgeGraph, args: argparse.Namespace) -> int:
    """export --plan: one plan's named graph as RDF, or as a filled-in template (xlsx)."""
    if args.format == "xlsx":
        from andtsgraph.spreadsheet import export_plan

        if not (args.plan and args.output):
            raise AndtsError(
                "--format xlsx writes one plan as a template: give --plan ID and -o FILE.xlsx"
            )
        written = export_plan(kg, args.plan, args.output, force=args.force)
        print(
            f"wrote {written} (plan {kg.plan(args.plan).id} as a filled-in template)",
            file=sys.stderr,
        )
        return 0
    graph = plan_graph(kg.plan(args.plan).id)
    if args.output:
        kg.serialize(args.format, args.output, force=args.force, graphs=[graph])
        print(
            f"wrote {args.output} ({args.format}, {len(kg.graph(graph))} triples)", file=sys.stderr
        )
    else:
        sys.stdout.write(kg.serialize(args.format, graphs=[graph]) or "")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from andtsgraph.spreadsheet import write_template

    written = write_template(args.output, _load(args), force=args.force)
    print(
        f"wrote {written}: an empty plan template; fill it in, then: andtsgraph import {written} -o plan.ttl",
        file=sys.stderr,
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from andtsgraph.errors import TemplateError
    from andtsgraph.spreadsheet import import_plan

    try:
        result = import_plan(args.template, _load(args))
    except TemplateError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"andtsgraph: {len(exc.problems)} problems in {exc.path}; nothing written",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for line in result.report_lines(
        result.write(args.output, links_path=args.links, force=args.force)
    ):
        print(line)
    return 0


def _add_template(sub, common) -> None:
    parser = sub.add_parser(
        "template",
        parents=[common],
        help="write an empty plan template (.xlsx) to fill in",
        description="Write an empty plan template: a workbook with one sheet per part of a plan (Plan, Mål, Områden, Insatser, Indikatorer …), a comment on every column and drop-down lists of the vocabularies. A path without .xlsx gets a folder of CSV files instead.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="the file to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(func=cmd_template)


def _add_import(sub, common) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="read a filled-in plan template (.xlsx or CSV folder) into RDF",
        description="Read a filled-in plan template into a plan graph: actors are matched to the actor registry (names that match nothing become new actors, listed), targets are read from the indicators' text, and every problem is reported with its sheet, row and column (exit status 2, nothing written). Curated links go to a second file (FILE-links.ttl, or --links), or into the same file for .trig and .nq.",
    )
    parser.add_argument(
        "template", type=Path, metavar="FILE.xlsx|DIR", help="the filled-in template"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the plan as RDF: .ttl, .nt, .jsonld, or .trig/.nq with the links",
    )
    parser.add_argument(
        "--links",
        type=Path,
        metavar="FILE",
        help="where the curated links go (default: FILE-links beside the output)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the output files if they exist"
    )
    parser.set_defaults(func=cmd_import)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are two short lines, not a wrapped usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def _common_options() -> argparse.ArgumentParser:
    """Options every command that loads the graph accepts."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--with",
        dest="with_files",
        action="append",
        metavar="FILE",
        type=Path,
        help="also load this RDF file, folder of RDF files, or plan template (.xlsx, or a folder of CSV files); repeatable",
    )
    common.add_argument(
        "--store",
        default="oxigraph",
        choices=list(STORES),
        help="embedded store: oxigraph (default, fast) or memory (rdflib)",
    )
    return common


def _add_info(sub, common) -> None:
    info = sub.add_parser(
        "info",
        parents=[common],
        help="list the loaded plans and what they hold",
        description="List the loaded plans with their metadata and the number of goals, areas, activities, indicators and actors.",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    info.set_defaults(func=cmd_info)


def _add_export(sub, common) -> None:
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write the whole graph (or one plan) as RDF, or one plan as a spreadsheet",
        description="Write the knowledge graph as RDF. trig, nq and jsonld keep each plan's named graph; ttl and nt write the union. --plan ID writes only that plan's graph; --format xlsx --plan ID -o FILE.xlsx writes the plan as a filled-in template, which 'andtsgraph import' reads back to the same graph.",
    )
    export.add_argument(
        "--format",
        default="trig",
        choices=[*sorted(EXPORT_FORMATS), "xlsx"],
        help="RDF format (default: trig), or xlsx for one plan as a filled-in template (needs --plan)",
    )
    export.add_argument("--plan", metavar="ID", help="only this plan's named graph")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(func=cmd_export)


def _auth(args: argparse.Namespace) -> tuple[str, str] | None:
    """Basic-auth credentials: the user from --user, the password from an environment variable
    (never from the command line, where other users of the machine could read it)."""
    if not args.user:
        return None
    import os

    password = os.environ.get(args.password_env)
    if password is None:
        raise AndtsError(
            f"--user given but the environment variable {args.password_env} holding the password is not set"
        )
    return args.user, password


def _parse_params(pairs: list[str] | None) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise AndtsError(f"--param {pair!r}: write it as NAME=VALUE")
        params[name.strip()] = value
    return params


def cmd_queries(args: argparse.Namespace) -> int:
    from andtsgraph.catalog import catalog

    entries = catalog()
    if args.json:
        print(json.dumps([q.as_dict() for q in entries], ensure_ascii=False, indent=2))
        return 0
    width = max(len(q.name) for q in entries)
    for q in entries:
        params = " ".join(f"[{p.name}]" for p in q.params)
        print(f"{q.name:<{width}}  {q.title}" + (f"  {params}" if params else ""))
    print(f"\n{len(entries)} queries. Run one with: andtsgraph query NAME [--param NAME=VALUE]")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    if args.endpoint:
        kg = connect(
            args.endpoint, auth=_auth(args), token_env=args.token_env, timeout=args.timeout
        )
    else:
        kg = _load(args)
    show = args.show or ("labels" if args.format == "table" else "iris")
    result = kg.query(
        args.query, labels=show == "labels", lang=args.lang, **_parse_params(args.param)
    )
    frame = result.to_dataframe()
    if show == "labels":
        # A column whose label column follows would only repeat it; a plan reads best by its id.
        frame = frame.drop(columns=_repeated_columns(frame))
        if "plan" in frame.columns:
            frame["plan"] = [
                plan_id_of(str(row[result.columns.index("plan")]))
                if row[result.columns.index("plan")]
                else None
                for row in result.terms
            ]
    if args.format == "json":
        records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        print(json.dumps(records, ensure_ascii=False, indent=2, default=str))
    elif args.format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif len(frame):
        print(_table(list(frame.columns), frame.fillna("").astype(str).values.tolist(), args.width))
        print(f"\n{len(frame)} rows")
    else:
        print("(no rows)")
    return 0


def _repeated_columns(frame) -> list[str]:
    """Columns that, once resources are shown by label, repeat a later column word for word."""
    columns = list(frame.columns)
    return [
        c
        for i, c in enumerate(columns)
        if len(frame) and any(frame[c].equals(frame[d]) for d in columns[i + 1 :])
    ]


def _table(columns: list[str], rows: list[list[str]], width: int) -> str:
    """Left-aligned text table, cells cut at ``width`` characters."""

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(c) for c in columns], *([cut(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cmd_push(args: argparse.Namespace) -> int:
    kg = _load(args)
    pushed = push(
        kg,
        args.endpoint,
        update_endpoint=args.update,
        gsp_endpoint=args.gsp,
        auth=_auth(args),
        token_env=args.token_env,
        timeout=args.timeout,
        replace=args.replace,
    )
    for graph in pushed:
        print(f"{graph.graph}  {graph.triples} triples ({graph.method})")
    print(f"pushed {len(pushed)} graphs, {sum(g.triples for g in pushed)} triples", file=sys.stderr)
    return 0


def _server_options(parser: argparse.ArgumentParser, *, timeout: float) -> None:
    parser.add_argument(
        "--user", help="HTTP basic-auth user (the password is read from --password-env)"
    )
    parser.add_argument(
        "--password-env",
        default="ANDTSGRAPH_PASSWORD",
        metavar="VAR",
        help="environment variable holding the basic-auth password (default: ANDTSGRAPH_PASSWORD)",
    )
    parser.add_argument(
        "--token-env",
        metavar="VAR",
        help=f"environment variable holding a bearer token (e.g. {TOKEN_ENV})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=timeout,
        metavar="SECONDS",
        help=f"give up after this long (default: {timeout:g})",
    )


def _add_queries(sub, common) -> None:
    queries = sub.add_parser(
        "queries",
        help="list the SPARQL query catalog",
        description="List the catalog's queries with their titles and parameters.",
    )
    queries.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {name, title, description, params}",
    )
    queries.set_defaults(func=cmd_queries)


def _add_query(sub, common) -> None:
    query = sub.add_parser(
        "query",
        parents=[common],
        help="run a catalog query, a .rq file, or SPARQL text",
        description="Run a query locally, or on a SPARQL server with --endpoint. Parameters are bound as values, never pasted into the query.",
    )
    query.add_argument(
        "query",
        metavar="NAME|FILE.rq|SPARQL",
        help="a catalog name (see 'andtsgraph queries'), a .rq file, or SPARQL text",
    )
    query.add_argument(
        "--param",
        "-p",
        action="append",
        metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (an IRI, prefix:name, plan id or text); repeatable",
    )
    query.add_argument(
        "--endpoint", metavar="URL", help="run on this SPARQL server instead of the embedded store"
    )
    query.add_argument(
        "--format",
        default="table",
        choices=["table", "csv", "json"],
        help="output format (default: table)",
    )
    query.add_argument(
        "--show",
        choices=["labels", "iris"],
        help="show resources by label or IRI (default: labels for table, IRIs otherwise)",
    )
    query.add_argument(
        "--lang", default="sv", choices=["sv", "en"], help="language of labels (default: sv)"
    )
    query.add_argument(
        "--width",
        type=int,
        default=60,
        metavar="N",
        help="cut table cells at N characters (default: 60)",
    )
    _server_options(query, timeout=30.0)
    query.set_defaults(func=cmd_query)


def _add_push(sub, common) -> None:
    push_parser = sub.add_parser(
        "push",
        parents=[common],
        help="upload the graph to a SPARQL server, each plan in its own named graph",
        description="Upload the ontology, vocabularies, actors, curated links and each plan into named graphs on a SPARQL server (Graph Store Protocol, or SPARQL Update). Graphs that already hold data are left alone unless --replace is given.",
    )
    push_parser.add_argument(
        "endpoint",
        metavar="ENDPOINT",
        help="the query endpoint, or the base URL of an Oxigraph server (derives /query, /update, /store)",
    )
    push_parser.add_argument("--update", metavar="URL", help="SPARQL Update endpoint")
    push_parser.add_argument("--gsp", metavar="URL", help="Graph Store Protocol endpoint")
    push_parser.add_argument(
        "--replace", action="store_true", help="replace graphs that already hold data on the server"
    )
    _server_options(push_parser, timeout=120.0)
    push_parser.set_defaults(func=cmd_push)


def cmd_validate(args: argparse.Namespace) -> int:
    # Imported here so that the other commands do not pay for it.
    from andtsgraph.validation import validate

    # Validate at every severity once: what is shown (--severity) and what fails the run
    # (--fail-on) are two views of the same report.
    files = [*args.files, *(args.with_files or [])]
    report = validate(files or None, lang=args.lang)
    shown = report.at_least(args.severity)
    if args.format == "json":
        print(shown.to_json())
    elif args.format == "ttl":
        sys.stdout.write(shown.graph.serialize(format="turtle"))
    else:
        sys.stdout.write(shown.to_text(examples=None if args.all else 3))
    return 0 if report.at_least(args.fail_on).conforms else 1


def _add_validate(sub, common) -> None:
    from andtsgraph.validation import LANGS, SEVERITIES

    validate_parser = sub.add_parser(
        "validate",
        help="check plans against the structural and EDPQS quality rules (SHACL)",
        description="Check plans against the SHACL shapes in ontology/shapes: structural rules (violations) and the quality questions of the European drug prevention quality standards (warnings, info). Without FILE the bundled plans are checked; with FILEs, those files are checked together with the bundled ontology, vocabularies, actors and plans. Exit status: 0 when no result reaches --fail-on, 1 when one does, 2 for a usage or input error.",
    )
    validate_parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="RDF files to check (Turtle, N-Triples, TriG, JSON-LD, RDF/XML) or filled templates (.xlsx, a folder of CSV); default: the bundled plans",
    )
    validate_parser.add_argument(
        "--with",
        dest="with_files",
        action="append",
        type=Path,
        metavar="FILE",
        help="the same as giving FILE (as for the other commands); repeatable",
    )
    validate_parser.add_argument(
        "--lang", default="sv", choices=LANGS, help="language of the report (default: sv)"
    )
    validate_parser.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "ttl"],
        help="text for people, json for programs, ttl for the standard SHACL report (default: text)",
    )
    validate_parser.add_argument(
        "--fail-on",
        default="violation",
        choices=["violation", "warning"],
        help="exit with status 1 when a result of this severity or graver is found (default: violation)",
    )
    validate_parser.add_argument(
        "--severity",
        default="info",
        choices=SEVERITIES,
        help="show results of this severity and graver (default: info, i.e. all)",
    )
    validate_parser.add_argument(
        "--all",
        "--details",
        dest="all",
        action="store_true",
        help="list every node under each rule, not only the first three",
    )
    validate_parser.set_defaults(func=cmd_validate)


def cmd_gaps(args: argparse.Namespace) -> int:
    from andtsgraph.analysis import gaps

    kg = _load(args)
    found = gaps.all_gaps(kg, args.plan)
    if args.kind:
        found = [g for g in found if g.kind in args.kind]
    if args.json:
        print(json.dumps([g.as_dict() for g in found], ensure_ascii=False, indent=2, default=str))
        return 0
    current = None
    for g in found:
        if (g.plan, g.kind) != current:
            current = (g.plan, g.kind)
            count = sum(1 for x in found if (x.plan, x.kind) == current)
            print(f"\n{g.plan}  {g.kind} ({count})")
        print(f"  - {g.label}")
    if not found:
        print("no gaps found")
    return 0


def cmd_hubs(args: argparse.Namespace) -> int:
    from andtsgraph.analysis import network

    kg = _load(args)
    summary = network.analyse(kg, args.plan)
    ranked = summary.top(args.top, by=args.by)
    if args.export:
        graph = summary.projection if args.export_graph == "actors" else summary.bipartite
        network.export_network(graph, args.export, force=args.force)
        print(f"wrote {args.export}", file=sys.stderr)
    if args.json:
        print(json.dumps([m.as_dict() for m in ranked], ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(summary.actors)} actors, {summary.edges} ties, density {summary.density:.3f}, "
        f"{summary.communities} communities; betweenness {summary.betweenness_method}\n"
    )
    rows = [
        [
            m.label,
            str(m.degree),
            str(m.weighted_degree),
            str(m.activities),
            f"{m.betweenness:.3f}",
            str(m.community),
        ]
        for m in ranked
    ]
    print(
        _table(["actor", "degree", "weighted", "activities", "betweenness", "community"], rows, 60)
    )
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from andtsgraph import render
    from andtsgraph.analysis import gaps, network

    kg = _load(args)
    if args.kind == "hierarchy":
        if not args.plan:
            raise AndtsError("render hierarchy needs --plan ID")
        dot = render.plan_hierarchy(kg, args.plan)
    elif args.kind == "network":
        dot = render.collaboration_network(network.analyse(kg, args.plan))
    else:
        if not args.plan:
            raise AndtsError(f"render {args.kind} needs --plan ID")
        dimension = "substance" if args.kind == "matrix" else "target-group"
        dot = render.coverage_matrix(gaps.coverage_matrix(kg, args.plan, dimension))
    render.write_picture(dot, args.output, force=args.force)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from andtsgraph.ontology_docs import make_ontology_docs

    written = make_ontology_docs(args.output, lang=args.lang, force=args.force)
    print(f"wrote {written} (ontology documentation, {args.lang})", file=sys.stderr)
    return 0


def cmd_synthetic(args: argparse.Namespace) -> int:
    from andtsgraph.synthetic import synthetic_corpus

    if args.plans < 1 or args.activities < 1:
        print("andtsgraph: error: --plans and --activities must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    corpus = synthetic_corpus(args.plans, seed=args.seed, activities_per_plan=args.activities)
    written = corpus.write(args.output, force=args.force)
    print(
        f"wrote {len(written)} files to {args.output}: {args.plans} invented plans (marked "
        f"synthetic) of {args.activities} activities; use them with --with {args.output}",
        file=sys.stderr,
    )
    return 0


def _add_synthetic(sub, common) -> None:
    # No ``common`` parent: nothing is loaded to write a corpus.
    parser = sub.add_parser(
        "synthetic",
        help="write a synthetic national corpus of invented plans (for benchmarks and tests)",
        description="Write N invented ANDTS plans (seeded: the same arguments give the same files) in the project's model: goals, areas, activities with actors, indicators and targets, curated links. 311 gives Sweden's 21 regions and 290 municipalities. Every name says Syntet… and every node is marked dcterms:source \"synthetic\"; never mix them up with real plans.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="the folder to write"
    )
    parser.add_argument("--plans", type=int, default=311, help="how many plans (default: 311)")
    parser.add_argument(
        "--activities", type=int, default=50, help="activities per plan (default: 50)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")
    parser.set_defaults(func=cmd_synthetic)


def cmd_report(args: argparse.Namespace) -> int:
    from andtsgraph import report

    kg = _load(args)
    if args.html and args.html.exists() and not args.force:
        raise OutputExistsError(f"{args.html} exists; use --force to overwrite it")
    built = report.build_report(kg, args.plan, args.lang)
    print(report.to_text(built))
    if args.html:
        report.write_html(built, kg, args.html, force=args.force)
        print(f"\nwrote {args.html}", file=sys.stderr)
    return 0


def _add_gaps(sub, common) -> None:
    parser = sub.add_parser(
        "gaps",
        parents=[common],
        help="what plans leave uncovered: risk factors, national goals, indicators …",
        description="List the gaps of one plan or all plans: risk and protective factors no activity addresses (per the curated links), national goals without aligned parts, goals and areas without activities, activities without indicator or responsible, empty substance × prevention level cells.",
    )
    parser.add_argument("--plan", metavar="ID", help="one plan (an id from 'andtsgraph info')")
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="only gaps of this kind (risk-factor, protective-factor, national-goal, no-indicator …); repeatable",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {kind, plan, iri, label, explanation, query, details}",
    )
    parser.set_defaults(func=cmd_gaps)


def _add_hubs(sub, common) -> None:
    parser = sub.add_parser(
        "hubs",
        parents=[common],
        help="who carries the work: hubs, brokers and communities of the collaboration network",
        description="Rank the actors of the collaboration network by degree (hubs) or betweenness (brokers), with their community.",
    )
    parser.add_argument(
        "--plan",
        metavar="ID",
        help="one plan; all plans (joined through the actor registry) when omitted",
    )
    parser.add_argument("--top", type=int, metavar="N", help="only the N highest")
    parser.add_argument(
        "--by",
        choices=["degree", "betweenness", "activities"],
        default="degree",
        help="ranking (default: degree)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {iri, label, degree, weighted_degree, betweenness, community, …}",
    )
    parser.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help="also write the network as .graphml or .gexf (for Gephi)",
    )
    parser.add_argument(
        "--export-graph",
        choices=["actors", "bipartite"],
        default="actors",
        help="which network to export (default: actors)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the export file if it exists"
    )
    parser.set_defaults(func=cmd_hubs)


def _add_render(sub, common) -> None:
    parser = sub.add_parser(
        "render",
        parents=[common],
        help="draw a plan's hierarchy, the collaboration network or a coverage matrix",
        description="Draw a picture with Graphviz: a plan's hierarchy (plan → goals → areas → activities), the collaboration network, or the substance (matrix) / target group (matrix-groups) × prevention level matrix. The suffix of -o chooses DOT, SVG or PNG.",
    )
    parser.add_argument("kind", choices=["hierarchy", "network", "matrix", "matrix-groups"])
    parser.add_argument("--plan", metavar="ID", help="the plan (required except for network)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="FILE.svg, FILE.png or FILE.dot",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(func=cmd_render)


def _add_report(sub, common) -> None:
    parser = sub.add_parser(
        "report",
        parents=[common],
        help="the main job: validate, find gaps, analyse collaboration; print and write HTML",
        description="Load the graph, validate it, run the gap and network analysis and print a summary; with --html also write one self-contained HTML page (inline SVG, opens offline).",
    )
    parser.add_argument("--plan", metavar="ID", help="one plan; all plans when omitted")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write the report as HTML")
    parser.add_argument("--lang", choices=["sv", "en"], default="sv", help="language (default: sv)")
    parser.add_argument("--force", action="store_true", help="overwrite the HTML file if it exists")
    parser.set_defaults(func=cmd_report)


def _add_docs(sub, common) -> None:
    # No ``common`` parent: the page is made from the ontology file alone, no graph is loaded.
    parser = sub.add_parser(
        "docs",
        help="write the ontology's documentation as one HTML page (pyLODE)",
        description="Write browsable documentation of the ontology (ontology/andts.ttl): every class and property with its label, definition, domain and range, as one self-contained HTML page made by pyLODE (pip install 'andtsgraph[docs]'). One language per page.",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.html",
        help="the page to write, e.g. docs/ontology.html",
    )
    parser.add_argument(
        "--lang",
        choices=["en", "sv"],
        default="en",
        help="language of labels and definitions (default: en)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(func=cmd_docs)


#: Each command adds its own sub-parser; the order here is the order of ``--help``.
COMMANDS = [
    _add_report,
    _add_info,
    _add_gaps,
    _add_hubs,
    _add_render,
    _add_export,
    _add_template,
    _add_import,
    _add_queries,
    _add_query,
    _add_push,
    _add_validate,
    _add_docs,
    _add_synthetic,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``andtsgraph`` command."""
    parser = _Parser(
        prog="andtsgraph",
        description="Swedish ANDTS prevention plans as a knowledge graph: load, query, validate, analyse, export.",
    )
    parser.add_argument("--version", action="version", version=f"andtsgraph {__version__}")
    common = _common_options()
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in COMMANDS:
        add_command(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except OutputExistsError as exc:
        print(f"andtsgraph: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AndtsError as exc:
        print(f"andtsgraph: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("andtsgraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
