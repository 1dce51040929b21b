"""Commands for the SPARQL catalog: queries, query."""

from __future__ import annotations

import argparse
import json
import sys

from andtsgraph.cli.common import auth, load_graph, parse_params, server_options, table
from andtsgraph.messages import text
from andtsgraph.namespaces import plan_id_of
from andtsgraph.remote import connect


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


#: Rows a table shows at most: a table is for reading; csv and json stream any number.
TABLE_ROWS = 10_000


def cmd_query(args: argparse.Namespace) -> int:
    if args.endpoint:
        kg = connect(args.endpoint, auth=auth(args), token_env=args.token_env, timeout=args.timeout)
    else:
        kg = load_graph(args)
        kg.backend.allow_service = args.allow_service
    show = args.show or ("labels" if args.format == "table" else "iris")
    params = parse_params(args.param)
    if show == "iris" and args.format in ("csv", "json") and not args.endpoint:
        return _stream(kg, args, params)
    result = _first_rows(kg, args, params, labels=show == "labels")
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


def _first_rows(kg, args: argparse.Namespace, params: dict[str, str], labels: bool):
    """The answer, or its first :data:`TABLE_ROWS` rows for a table (announced), so that a
    query with a huge answer cannot fill the memory."""
    from andtsgraph.results import QueryResult

    if args.endpoint:
        return kg.query(args.query, labels=labels, lang=args.lang, **params)
    batches = kg.query_batches(args.query, timeout=args.timeout, **params)
    first = next(batches)
    columns, rows = first.columns, list(first.terms)
    for batch in batches:
        rows += batch.terms
        if args.format == "table" and len(rows) > TABLE_ROWS:
            del rows[TABLE_ROWS:]
            batches.close()
            print(f"andtsgraph: note: {text('io.table_cut', 'en', n=TABLE_ROWS)}", file=sys.stderr)
            break
    result = QueryResult(columns, rows)
    return result.with_labels(kg.labels_of(result.iris(), args.lang)) if labels else result


def _stream(kg, args: argparse.Namespace, params: dict[str, str]) -> int:
    """csv and json as the rows come: memory stays bounded however large the answer."""
    header, opened = True, False
    for batch in kg.query_batches(args.query, timeout=args.timeout, **params):
        frame = batch.to_dataframe()
        if args.format == "csv":
            sys.stdout.write(frame.to_csv(index=False, header=header))
            header = False
            continue
        records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        for record in records:
            sys.stdout.write(",\n" if opened else "[\n")
            text = json.dumps(record, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n".join("  " + line for line in text.splitlines()))
            opened = True
    if args.format == "json":
        sys.stdout.write("\n]\n" if opened else "[]\n")
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
    query.add_argument(
        "--allow-service",
        action="store_true",
        help="let a local query call other servers with SERVICE (refused by default: local work stays off the network)",
    )
    server_options(query, timeout=30.0)
    query.set_defaults(func=cmd_query)
