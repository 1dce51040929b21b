"""Commands for the SPARQL catalog: queries, query."""

from __future__ import annotations

import argparse
import json
import sys

from andtsgraph.cli.common import endpoint_options, load_graph, parse_params, table
from andtsgraph.namespaces import plan_id_of


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


def add_queries(sub, common) -> None:
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


def cmd_query(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    show = args.show or ("labels" if args.format == "table" else "iris")
    result = kg.query(
        args.query, labels=show == "labels", lang=args.lang, **parse_params(args.param)
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
        print(table(list(frame.columns), frame.fillna("").astype(str).values.tolist(), args.width))
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


def add_query(sub, common) -> None:
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
    endpoint_options(query, timeout=30.0)
    query.set_defaults(func=cmd_query)
