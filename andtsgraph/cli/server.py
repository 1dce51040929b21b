"""Commands for shared SPARQL servers: push (and its undo, push --remove)."""

from __future__ import annotations

import argparse
import sys

from andtsgraph.cli.common import auth, lang_option, load_graph, max_bytes, server_options
from andtsgraph.errors import AndtsError
from andtsgraph.messages import text
from andtsgraph.remote import Endpoint, PushedGraph, PushError, push, remove

__all__ = [
    "add_push",
    "cmd_push",
]


def cmd_push(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    endpoint = Endpoint.from_url(
        args.target,
        update=args.update,
        gsp=args.gsp,
        auth=auth(args),
        token_env=args.token_env,
        timeout=args.timeout,
        max_bytes=max_bytes(args),
    )
    lang = args.lang
    if args.remove:
        if args.replace or args.resume:
            raise AndtsError(text("cli.push_remove", lang))
        removed = remove(kg, endpoint)
        for name in removed:
            print(text("server.removed_graph", lang, graph=name))
        print(text("server.removed", lang, n=len(removed)), file=sys.stderr)
        return 0

    def progress(graph: PushedGraph) -> None:
        key = "server.kept_graph" if graph.method == "kept" else "server.pushed_graph"
        print(text(key, lang, graph=graph.graph, n=graph.triples, method=graph.method), flush=True)

    try:
        pushed = push(kg, endpoint, replace=args.replace, resume=args.resume, progress=progress)
    except PushError as exc:
        command = _same_command(args)
        print(
            text(
                "server.push_stopped",
                lang,
                graph=exc.failed,
                reason=exc.reason,
                n=len(exc.written),
                left=len(exc.remaining) + 1,
            ),
            file=sys.stderr,
        )
        print(text("server.push_finish", lang, command=command), file=sys.stderr)
        return 2
    written = [g for g in pushed if g.method != "kept"]
    print(
        text(
            "server.pushed",
            lang,
            n=len(written),
            triples=sum(g.triples for g in written),
            kept=len(pushed) - len(written),
        ),
        file=sys.stderr,
    )
    return 0


def _same_command(args: argparse.Namespace) -> str:
    """The push command again, as typed (no credential is ever on it)."""
    words = ["andtsgraph", "push", args.target]
    for option, value in (("--update", args.update), ("--gsp", args.gsp), ("--user", args.user)):
        if value:
            words += [option, value]
    if args.token_env:
        words += ["--token-env", args.token_env]
    for path in args.with_files or []:
        words += ["--with", str(path)]
    return " ".join(words)


def add_push(sub, common) -> None:
    push_parser = sub.add_parser(
        "push",
        parents=[common],
        help="upload the graph to a SPARQL server, each plan in its own named graph",
        description="Upload the ontology, vocabularies, actors, curated links and each plan into named graphs on a SPARQL server (Graph Store Protocol, or SPARQL Update), one graph per request, listing each graph as it is written. Graphs that already hold data are left alone unless --replace is given; no other graph on the server is ever touched. If a request fails part way, the graphs written so far are listed, with how to finish (--resume) or undo (--remove).",
    )
    push_parser.add_argument(
        # Not "endpoint": that name means --endpoint (read from a server) to load_graph().
        "target",
        metavar="ENDPOINT",
        help="the query endpoint, or the base URL of an Oxigraph server (derives /query, /update, /store)",
    )
    push_parser.add_argument("--update", metavar="URL", help="SPARQL Update endpoint")
    push_parser.add_argument("--gsp", metavar="URL", help="Graph Store Protocol endpoint")
    mode = push_parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--replace", action="store_true", help="replace graphs that already hold data on the server"
    )
    mode.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted push: keep the graphs already written whole, write the rest",
    )
    mode.add_argument(
        "--remove",
        action="store_true",
        help="undo a push: remove from the server every graph this push writes (and no other)",
    )
    lang_option(push_parser)
    server_options(push_parser, timeout=120.0)
    push_parser.set_defaults(func=cmd_push)
