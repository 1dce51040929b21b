"""Every command that prints speaks one language: Swedish by default and with ``--lang sv``,
English with ``--lang en`` (issue 14, "One messages module").

Each command runs in-process twice; a line of its output (standard output and standard
error) that holds a word which gives the other language away fails the test. The plans' own
words are Swedish in both languages (their labels are the sources' words), so the Swedish
give-aways are words of the interface only, never of the data.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from andtsgraph.catalog import catalog
from andtsgraph.cli import build_parser, main

FIXTURES = Path(__file__).parent / "fixtures"
SJOBY = FIXTURES / "sjoby.xlsx"

#: Words that give English away in a Swedish output, and Swedish in an English one.
GIVE_AWAY = {
    "sv": [
        r"\bwrote\b",
        r"\bthe\b",
        r"\bactivities\b",
        r"\bactors?\b(?!:)",  # not the prefix actor: of an IRI
        r"\bgoals\b",
        r"\bindicators?\b",
        r"\btriples\b",
        r"\bdensity\b",
        r"\bcommunit(y|ies)\b",
        r"\bproblems?\b in\b",
        r"\bnothing written\b",
        r"\bshared actor\b",
        r"\bnew actor\b",
        r"\bwarning\b",
        r"\bissued by\b",
        r"\bcolumn\b",
        r"\brow \d",
        r"\bexact\b",
        r"\bnone\b",
    ],
    "en": [
        r"\bskrev\b",
        r"\btäthet\b",
        r"\bgrupper\b",
        r"\bRiskfaktorer som\b",
        r"\bsaknar\b",
        r"\bny aktör\b",
        r"\bdelad aktör\b",
        r"\btripplar\b",
        r"\bnamngivna grafer\b",
        r"\butgiven av\b",
        r"\bkolumn\b",  # (not "rad 4": "Insatser rad 4" is a section the plan's data names)
        r"\binget skrevs\b",
        r"\bUpplysning\b",
        r"\bVarning\b",
        r"\bexakt\b",
        r"\bsamverkansband\b",
        r"\bLuckor\b",
    ],
}


def commands(tmp: Path) -> dict[str, list[str]]:
    """Every command that prints, with arguments that make it print."""
    return {
        "report": ["report", "--with", str(SJOBY), "--plan", "sjoby-2025-2028"],
        "info": ["info", "--with", str(SJOBY)],
        "gaps": ["gaps", "--with", str(SJOBY), "--plan", "sjoby-2025-2028"],
        "hubs": ["hubs", "--with", str(SJOBY), "--top", "5"],
        "render": ["render", "network", "--plan", "vasteras", "-o", str(tmp / "n.dot")],
        "template": ["template", "-o", str(tmp / "t.xlsx")],
        "import": ["import", str(SJOBY), "-o", str(tmp / "p.trig")],
        "import-mistakes": ["import", str(FIXTURES / "mistakes.xlsx"), "-o", str(tmp / "m.trig")],
        "import-refused": ["import", str(SJOBY), "-o", str(tmp / "p.ttl")],
        "export": ["export", "--plan", "vasteras", "--format", "ttl", "-o", str(tmp / "v.ttl")],
        "validate": ["validate", str(SJOBY)],
        "queries": ["queries"],
        "queries-json": ["queries", "--json"],
        "query": ["query", "plans", "-p", "plan=vaxjo"],
        "query-none": ["query", "activities-without-responsible", "-p", "plan=vasteras"],
        "query-ask": ["query", "ASK { ?s a andts:Plan }"],
        "query-error": ["query", "plams"],
        "links": ["links", "suggest", "--plan", "vaxjo", "--kind", "factor", "--top", "1"],
        "usage-error": ["hubs", "--top", "0"],
    }


#: Names that are identifiers, the same in both languages: the catalog's query and parameter
#: names (``actor-activities``, ``[actor]``, ``"name": "actor"``).
_IDENTIFIERS = re.compile(
    "|".join(
        [
            *(re.escape(q.name) for q in sorted(catalog(), key=lambda q: -len(q.name))),
            r"\[\w+\]",
            r'"name": "[^"]*"',
            r"\?\w+",
        ]
    )
)


def scrub(line: str) -> str:
    """The line without the identifiers that are no language's words."""
    return _IDENTIFIERS.sub("", line)


def run(args: list[str], capsys) -> list[str]:
    with contextlib.suppress(SystemExit):  # a usage error, told by argparse's parser
        main(args)
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", list(commands(Path("."))))
def test_every_printing_command_speaks_one_language(tmp_path, capsys, name, lang):
    args = commands(tmp_path)[name]
    lines = run([*args, "--lang", lang], capsys)
    assert lines, "the command printed nothing"
    other = [
        line
        for line in lines
        if any(re.search(w, scrub(line), re.IGNORECASE) for w in GIVE_AWAY[lang])
    ]
    assert not other, "\n".join(other[:10])
    if lang == "sv":  # Swedish is the default: the same output without --lang
        for path in tmp_path.iterdir():
            path.unlink()
        assert run(args, capsys) == lines


def _commands(parser, prefix=""):
    """Every command and sub-command that runs (``links suggest``), by its full name."""
    sub = next((a for a in parser._actions if a.dest in ("command", "action")), None)
    if sub is None:
        yield prefix, parser
        return
    for name, command in sub.choices.items():
        yield from _commands(command, f"{prefix} {name}".strip())


def test_every_command_that_prints_takes_lang():
    found = dict(_commands(build_parser()))
    assert {"links suggest", "queries", "query", "report"} <= set(found)
    without = sorted(
        name
        for name, command in found.items()
        if not any("--lang" in action.option_strings for action in command._actions)
    )
    assert without == []
