"""Sources anyone can cite: every plan names its publication, and no file in the repository
carries a path of a development machine or the file name of a text extraction.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from andtsgraph.namespaces import plan_graph

ROOT = Path(__file__).resolve().parent.parent

# Built from parts so that this file does not match itself.
_SLASH = "/"
MACHINE_PATH = re.compile(
    "(?<![\\w.:/-])"  # not inside a URL or a longer path
    + _SLASH
    + "(?:work|home|root|Users)"
    + _SLASH
    + "|(?<![\\w.:/-])"
    + _SLASH
    + "tmp"
    + _SLASH
    + "[A-Za-z0-9_]"
)
EXTRACT_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


def _tracked_text_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    files = []
    for name in out.decode("utf-8").split("\0"):
        path = ROOT / name
        if not name or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:4096]:
            continue  # binary (images, workbooks)
        files.append(path)
    return files


def test_the_scan_finds_what_it_looks_for():
    # The patterns are not vacuous: they match the kinds of string they are meant to catch and
    # leave URLs and relative paths alone.
    assert MACHINE_PATH.search("source: " + _SLASH + "work" + _SLASH + "shared/seeds")
    assert MACHINE_PATH.search("cd " + _SLASH + "tmp" + _SLASH + "d20")
    assert not MACHINE_PATH.search("https://example.org/work/items and data/plans/x.ttl")
    assert EXTRACT_NAME.search("see 001_" + "b392bdcf71c5a8e3.txt")


def test_no_tracked_file_has_a_machine_path_or_an_extract_file_name():
    files = _tracked_text_files()
    assert len(files) > 50
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line) or EXTRACT_NAME.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


def test_every_plan_is_derived_from_a_citable_publication(kg):
    for plan in kg.plans:
        rows = kg.query(f"""
            SELECT ?pub ?title ?publisher ?citation WHERE {{ GRAPH <{plan_graph(plan.id)}> {{
              <{plan.iri}> prov:wasDerivedFrom ?pub .
              ?pub a dcterms:BibliographicResource ; dcterms:title ?title ;
                   dcterms:publisher ?publisher ; dcterms:bibliographicCitation ?citation }} }}""")
        assert len(rows) == 1, plan.id
        assert not EXTRACT_NAME.search(rows[0]["citation"]), plan.id
        sources = kg.query(f"""SELECT ?d WHERE {{ <{plan.iri}> andts:sourceDocument ?d }}""")
        assert list(sources) == [], plan.id


def test_publications_carry_the_decision_as_printed(kg):
    rows = kg.query("""SELECT ?id ?date ?ref WHERE { plan:vaxjo-2022-2027 prov:wasDerivedFrom ?p .
        ?p dcterms:identifier ?id ; dcterms:issued ?date ; andts:decisionReference ?ref }""")
    # "Fastställd/Upprättad Kommunfullmäktige 2022-12-13 § 219 … Dnr KS/2014-00627"
    assert [(r["id"], str(r["date"]), str(r["ref"])) for r in rows] == [
        ("KS/2014-00627", "2022-12-13", "Kommunfullmäktige 2022-12-13 § 219")
    ]
    rows = kg.query("""SELECT ?id ?src WHERE { plan:national-2022-2025 prov:wasDerivedFrom ?p .
        ?p dcterms:identifier ?id ; dcterms:source ?src }""")
    assert {r["id"] for r in rows} == {"Skr. 2021/22:213"}
    assert "https://www.regeringen.se/rattsliga-dokument/skrivelse/2022/03/skr.-202122213" in {
        str(r["src"]) for r in rows
    }
