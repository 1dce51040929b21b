"""Commands for the SPARQL catalog: queries (list or show), query (SELECT, ASK, CONSTRUCT,
DESCRIBE)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from andtsgraph.cli.common import (
    endpoint_options,
    lang_option,
    load_graph,
    parse_params,
    positive_int,
    table,
)
from andtsgraph.errors import AndtsError
from andtsgraph.messages import text
from andtsgraph.namespaces import plan_id_of

__all__ = [
    "add_queries",
    "add_query",
    "cmd_queries",
    "cmd_query",
]


def cmd_queries(args: argparse.Namespace) -> int:
    from andtsgraph.catalog import catalog, get_query

    if args.show:
        print(get_query(args.show).text, end="")
        return 0
    entries = catalog(lang=args.lang)
    if args.json:
        print(entries.to_json())
        return 0
    width = max(len(q.name) for q in entries)
    for q in entries:
        params = " ".join(f"[{p.name}]" for p in q.params)
        print(f"{q.name:<{width}}  {q.title}" + (f"  {params}" if params else ""))
    print("\n" + text("cli.queries_footer", args.lang, n=len(entries)))
    return 0


def add_queries(sub, common) -> None:
    queries = sub.add_parser(
        "queries",
        help="list the SPARQL query catalog",
        description="List the catalog's queries with their titles and parameters, or print one.",
    )
    queries.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {name, title, description, params}",
    )
    queries.add_argument("--show", metavar="NAME", help="print the SPARQL text of this query")
    lang_option(queries)
    queries.set_defaults(func=cmd_queries)


#: The output formats of each kind of answer (the first is the default).
_TABLE_FORMATS = ("table", "csv", "json")
_GRAPH_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def cmd_query(args: argparse.Namespace) -> int:
    from andtsgraph.catalog import resolve_query
    from andtsgraph.sparql_text import query_form

    kg = load_graph(args)
    params = parse_params(args.param)
    form = query_form(resolve_query(args.query).text)
    fmt = args.format
    if form in ("CONSTRUCT", "DESCRIBE"):
        fmt = fmt or "ttl"
        if fmt not in _GRAPH_FORMATS:
            raise AndtsError(
                text("cli.format_triples", format=fmt, form=form, choices=", ".join(_GRAPH_FORMATS))
            )
        # A server has its own deadline (connect(timeout=)).
        graph = kg.construct(args.query, timeout=None if args.endpoint else args.timeout, **params)
        sys.stdout.write(graph.serialize(format=_GRAPH_FORMATS[fmt]))
        return 0
    fmt = fmt or "table"
    if fmt not in _TABLE_FORMATS:
        key = "cli.format_yes_no" if form == "ASK" else "cli.format_rows"
        raise AndtsError(text(key, format=fmt, form=form, choices=", ".join(_TABLE_FORMATS)))
    if form == "ASK":
        answer = kg.ask(args.query, timeout=None if args.endpoint else args.timeout, **params)
        print(json.dumps(answer) if fmt == "json" else text("cli.yes" if answer else "cli.no"))
        return 0
    show = args.show or ("labels" if fmt == "table" else "iris")
    if show == "iris" and fmt in ("csv", "json") and not args.endpoint:
        return _stream(kg, args.query, fmt, args.timeout, params)
    result = _first_rows(kg, args.query, fmt, args.timeout, params)
    columns, records = _shown(kg, result, show, args.lang)
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(r[c]) for c in columns] for r in records)
    elif records:
        print(table(columns, [[_cell(r[c]) for c in columns] for r in records], args.width))
        print("\n" + text("common.rows", args.lang, n=len(records)))
    else:
        print(text("common.no_rows", args.lang))
    return 0


#: Rows a table shows at most: a table is for reading; csv and json stream any number.
TABLE_ROWS = 10_000


def _first_rows(kg, query: str, fmt: str, timeout: float, params: dict[str, str]):
    """The answer, or its first :data:`TABLE_ROWS` rows for a table (announced), so that a
    query with a huge answer cannot fill the memory."""
    from andtsgraph.results import QueryResult

    batches = kg.query_batches(query, timeout=timeout, **params)
    first = next(batches)
    columns, rows = first.columns, list(first.terms)
    for batch in batches:
        rows += batch.terms
        if fmt == "table" and len(rows) > TABLE_ROWS:
            del rows[TABLE_ROWS:]
            batches.close()
            print(text("cli.note", message=text("io.table_cut", n=TABLE_ROWS)), file=sys.stderr)
            break
    return QueryResult(columns, rows)


def _stream(kg, query: str, fmt: str, timeout: float, params: dict[str, str]) -> int:
    """csv and json as the rows come: memory stays bounded however large the answer."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    opened = False
    for i, batch in enumerate(kg.query_batches(query, timeout=timeout, **params)):
        if fmt == "csv":
            if i == 0:
                writer.writerow(batch.columns)
            writer.writerows([_cell(r[c]) for c in batch.columns] for r in batch.to_records())
            continue
        for record in batch.to_records():
            sys.stdout.write(",\n" if opened else "[\n")
            dumped = json.dumps(record, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n".join("  " + line for line in dumped.splitlines()))
            opened = True
    if fmt == "json":
        sys.stdout.write("\n]\n" if opened else "[]\n")
    return 0


def _cell(value: Any) -> str:
    """A value as text: integers as integers, nothing as an empty cell."""
    return "" if value is None else str(value)


def _shown(kg, result, show: str, lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and records to print: by IRI, or by label (a column that only repeats the
    label column after it is left out, the same columns in every language)."""
    if show != "labels":
        return list(result.columns), result.to_records()
    iris = result.iris()
    labelled = result.with_labels(kg.labels_of(iris, lang))
    # Which columns repeat another is decided on the Swedish labels, the plans' own words: the
    # label columns of the catalog are Swedish, so an English label never repeats them.
    reference = labelled if lang == "sv" else result.with_labels(kg.labels_of(iris, "sv"))
    drop = set(_repeated_columns(reference.columns, reference.to_records()))
    columns = [c for c in result.columns if c not in drop]
    records = []
    for record, terms in zip(labelled.to_records(), result.terms, strict=True):
        row = {c: record[c] for c in columns}
        if "plan" in row and terms[result.columns.index("plan")] is not None:
            row["plan"] = plan_id_of(str(terms[result.columns.index("plan")]))  # reads best by id
        records.append(row)
    return columns, records


def _repeated_columns(columns: list[str], records: list[dict[str, Any]]) -> list[str]:
    """Columns that, once resources are shown by label, repeat a later column word for word."""
    if not records:
        return []
    return [
        c
        for i, c in enumerate(columns)
        if any(all(r[c] == r[d] for r in records) for d in columns[i + 1 :])
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
        choices=[*_TABLE_FORMATS, *_GRAPH_FORMATS],
        help="rows (SELECT) and yes/no (ASK): table (default), csv or json; triples (CONSTRUCT, DESCRIBE): ttl (default), nt or jsonld",
    )
    query.add_argument(
        "--show",
        choices=["labels", "iris"],
        help="show resources by label or IRI (default: labels for table, IRIs otherwise)",
    )
    lang_option(query)
    query.add_argument(
        "--width",
        type=positive_int,
        default=60,
        metavar="N",
        help="cut table cells at N characters (default: 60)",
    )
    query.add_argument(
        "--allow-service",
        action="store_true",
        help="let a local query call other servers with SERVICE (refused by default: local work stays off the network)",
    )
    endpoint_options(query, timeout=30.0)
    query.set_defaults(func=cmd_query)
