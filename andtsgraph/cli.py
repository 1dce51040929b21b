"""The ``andtsgraph`` command: a thin layer over the library's public functions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from andtsgraph import __version__
from andtsgraph.errors import AndtsError, OutputExistsError
from andtsgraph.knowledge_graph import EXPORT_FORMATS, KnowledgeGraph, load
from andtsgraph.namespaces import plan_id_of
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
            "graphs": kg.graph_names(),
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
    if args.output:
        kg.serialize(args.format, args.output, force=args.force)
        print(f"wrote {args.output} ({args.format}, {len(kg)} triples)", file=sys.stderr)
    else:
        sys.stdout.write(kg.serialize(args.format) or "")
    return 0


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
        help="also load this RDF file (a plan of your own, say); repeatable",
    )
    common.add_argument(
        "--store", default="memory", choices=["memory"], help="embedded store (default: memory)"
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
        help="write the whole graph as RDF",
        description="Write the knowledge graph as RDF. trig, nq and jsonld keep each plan's named graph; ttl and nt write the union.",
    )
    export.add_argument(
        "--format",
        default="trig",
        choices=sorted(EXPORT_FORMATS),
        help="RDF format (default: trig)",
    )
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


#: Each command adds its own sub-parser; the order here is the order of ``--help``.
COMMANDS = [_add_info, _add_export, _add_queries, _add_query, _add_push]


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
