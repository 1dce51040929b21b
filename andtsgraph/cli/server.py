"""Commands for shared SPARQL servers: push."""

from __future__ import annotations

import argparse
import sys

from andtsgraph.cli.common import auth, load_graph, server_options
from andtsgraph.remote import push

__all__ = [
    "add_push",
    "cmd_push",
]


def cmd_push(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    pushed = push(
        kg,
        args.endpoint,
        update_endpoint=args.update,
        gsp_endpoint=args.gsp,
        auth=auth(args),
        token_env=args.token_env,
        timeout=args.timeout,
        replace=args.replace,
    )
    for graph in pushed:
        print(f"{graph.graph}  {graph.triples} triples ({graph.method})")
    print(f"pushed {len(pushed)} graphs, {sum(g.triples for g in pushed)} triples", file=sys.stderr)
    return 0


def add_push(sub, common) -> None:
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
    server_options(push_parser, timeout=120.0)
    push_parser.set_defaults(func=cmd_push)
