"""Hostile and careless inputs (issue 17): every case ends with the right exit status, one
clear line (never a traceback), nothing written or changed, and no network access.

The CLI runs in-process through :func:`andtsgraph.cli.main` (fast); signals and the terminal's
encoding need a real process and run as subprocesses. Every test here runs with sockets to
anything but loopback refused (tests/conftest.py), and each case checks that none was tried.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REFUSED

import andtsgraph
import andtsgraph.testing.synthetic
from andtsgraph.cli import main
from andtsgraph.errors import AndtsError, DataFileError, OutputExistsError, QueryError
from andtsgraph.output import OutputError, check_outputs, staged, write_text
from andtsgraph.resources import data_dir

# In English: the messages these tests read are English (Swedish is the default;
# test_cli_lang.py checks both languages).
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[1]

SMALL_PLAN = """\
@prefix andts: <https://w3id.org/andtsgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://example.org/plan/testby-2024-2026> a andts:MunicipalPlan ;
    dcterms:title "ANDTS-plan för Testby kommun 2024–2026"@sv .
<https://example.org/plan/testby-2024-2026/a-1> a andts:Activity ;
    andts:inPlan <https://example.org/plan/testby-2024-2026> .
"""


# -- what every case asserts -------------------------------------------------------------------
def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its content (hidden files included)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            try:
                with open(path, "rb") as handle:
                    digest = hashlib.sha256(handle.read()).hexdigest()
            except PermissionError:  # a case's unreadable file: its size and time then
                digest = str((path.lstat().st_size, path.lstat().st_mtime_ns))
            found[str(path.relative_to(folder))] = digest
    return found


@pytest.fixture(scope="module")
def bundled_before():
    return _tree(data_dir())


@pytest.fixture(autouse=True)
def _nothing_leaks(bundled_before):
    """No case reaches the network or changes the bundled data."""
    REFUSED.clear()
    yield
    assert REFUSED == [], f"network access tried: {REFUSED}"
    assert _tree(data_dir()) == bundled_before


def run(argv, capsys) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def one_error_line(err: str, *fragments: str) -> str:
    """The one line of an error (notes aside), with every fragment in it; no traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip() and ": note: " not in line]
    assert len(lines) == 1, err
    assert "internal error" not in lines[0], lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def refused(argv, capsys, folder: Path, *fragments: str, status: int = 2) -> str:
    """Run ``argv``; assert the status, one error line, and that ``folder`` is unchanged."""
    before = _tree(folder)
    got, _, err = run(argv, capsys)
    assert got == status, err
    line = one_error_line(err, *fragments)
    assert _tree(folder) == before, "something was written or changed"
    return line


# -- 1. RDF files that are broken, in another encoding, or reach outside -----------------------
BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    "missing-prefix": ("a.ttl", b"<urn:a> ex:p <urn:b> .\n", "line 1"),
    "unterminated-string": ("a.ttl", b'<urn:a> <urn:p> "open .\n', "turtle"),
    "bad-ntriples-line": ("a.nt", b"<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> .\n", "line 2"),
    "bad-trig": ("a.trig", b"<urn:g> { <urn:a> <urn:p> }\n", "trig"),
    "bad-nquads": ("a.nq", b"<urn:a> <urn:p> <urn:b> <urn:g>\n", "a.nq"),
    "bad-json": ("a.jsonld", b'{"@context": {', "JSON error"),
    "bad-rdfxml": ("a.rdf", b"<rdf:RDF xmlns:rdf='x'><rdf:Description>", "RDF/XML"),
    "remote-context": (
        "a.jsonld",
        b'{"@context": "https://schema.org/", "@id": "urn:a", "name": "x"}',
        "context 'https://schema.org/' is outside the file",
    ),
    "file-context": (
        "a.jsonld",
        b'{"@context": "file:///etc/passwd", "@id": "urn:a"}',
        "context 'file:///etc/passwd' is outside the file",
    ),
    "relative-context": (
        "a.jsonld",
        b'{"@context": "ctx.jsonld", "@id": "urn:a"}',
        "context 'ctx.jsonld' is outside the file",
    ),
    "context-list": (
        "a.jsonld",
        b'{"@context": [{"ex": "urn:ex:"}, "http://example.org/ctx"], "@id": "urn:a"}',
        "context 'http://example.org/ctx'",
    ),
    "scoped-context": (
        "a.jsonld",
        b'{"@context": {"p": {"@id": "urn:p", "@context": "http://example.org/s"}}, "@id": "urn:a"}',
        "context 'http://example.org/s'",
    ),
    "import-context": (
        "a.jsonld",
        b'{"@context": {"@version": 1.1, "@import": "http://example.org/i"}, "@id": "urn:a"}',
        "context 'http://example.org/i'",
    ),
    "context-in-graph": (
        "a.jsonld",
        b'{"@graph": [{"@context": "http://example.org/deep", "@id": "urn:a"}]}',
        "context 'http://example.org/deep'",
    ),
    "utf16-bom": ("a.ttl", '<urn:a> <urn:p> "Växjö" .\n'.encode("utf-16"), "UTF-16"),
    "utf16-no-bom": ("a.ttl", '<urn:a> <urn:p> "x" .\n'.encode("utf-16-le"), "UTF-16"),
    "windows-1252": ("a.ttl", '<urn:a> <urn:p> "Växjö" .\n'.encode("cp1252"), "Windows-1252"),
    "cp1252-hole": ("a.ttl", b'<urn:a> <urn:p> "\x81" .\n', "byte 0x81"),
    "binary-as-ttl": ("a.ttl", b"\x00\x01\x02PK\x03\x04" * 10, "binary"),
    "unknown-suffix": ("a.docx", b"PK\x03\x04 binary", "unknown RDF format"),
    "unknown-content": ("a", b"hello world", "unknown RDF format"),
    "iri-with-brace": ("a.nt", b"<urn:a{> <urn:p> <urn:b> .\n", "a.nt"),
    "deep-json": ("a.jsonld", b"[" * 100_000 + b"]" * 100_000, "a.jsonld"),
    "json-not-rdf": ("a.jsonld", b'"just a string"', "a.jsonld"),
    "not-a-file-suffix": ("a.owl", b"this is not xml", "RDF/XML"),
}


def _bad(tmp_path: Path, case: str) -> Path:
    name, content, _ = BAD_FILES[case]
    path = tmp_path / "in" / name
    path.parent.mkdir()
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_rdf_file_with_info(case, tmp_path, capsys):
    path = _bad(tmp_path, case)
    refused(["info", "--with", path], capsys, tmp_path, str(path), BAD_FILES[case][2])


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_rdf_file_with_validate(case, tmp_path, capsys):
    path = _bad(tmp_path, case)
    refused(["validate", path], capsys, tmp_path, str(path))


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_rdf_file_in_python(case, tmp_path):
    path = _bad(tmp_path, case)
    with pytest.raises(DataFileError) as info:
        andtsgraph.load(path, bundled=False)
    assert BAD_FILES[case][2] in str(info.value)
    assert "\n" not in str(info.value)


def test_xml_entity_is_not_read_from_disk(tmp_path):
    # The external entity must not pull a file into the graph: the parser refuses or drops it.
    path = tmp_path / "a.rdf"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="urn:a"><rdf:value>&e;</rdf:value></rdf:Description></rdf:RDF>'
    )
    try:
        kg = andtsgraph.load(path, bundled=False)
    except DataFileError:
        return
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "-"
    assert all(hostname not in str(q[2]) for q in kg.dataset().quads((None, None, None, None)))


@pytest.mark.parametrize("parser", ["auto", "rdflib"])
def test_deeply_nested_collection_loads_or_is_one_line(parser, tmp_path):
    path = tmp_path / "deep.ttl"
    path.write_bytes(b"<urn:a> <urn:p> " + b"(" * 5000 + b")" * 5000 + b" .")
    try:
        kg = andtsgraph.load(path, bundled=False, parser=parser)
    except DataFileError as exc:
        assert "deep.ttl" in str(exc) and "\n" not in str(exc)
    else:
        assert len(kg) > 0


@pytest.mark.parametrize(
    "name, content",
    [
        ("bom.ttl", b"\xef\xbb\xbf" + SMALL_PLAN.encode()),
        ("crlf.ttl", SMALL_PLAN.replace("\n", "\r\n").encode()),
        ("cr-only.ttl", SMALL_PLAN.replace("\n", "\r").encode()),
        ("plan.nt", None),
    ],
)
def test_careless_but_readable_files_load(name, content, tmp_path):
    path = tmp_path / name
    if content is None:  # N-Triples with CR-only line ends
        from rdflib import Graph

        text = Graph().parse(data=SMALL_PLAN, format="turtle").serialize(format="nt")
        content = text.replace("\n", "\r").encode()
    path.write_bytes(content)
    kg = andtsgraph.load(path, bundled=False)
    assert [p.id for p in kg.plans] == ["testby-2024-2026"]
    assert len(kg) == 4


def test_missing_file(tmp_path, capsys):
    refused(["info", "--with", tmp_path / "nope.ttl"], capsys, tmp_path, "nope.ttl", "no such file")


def test_folder_without_rdf_is_announced_not_silent(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    status, _, err = run(["info", "--with", tmp_path / "empty"], capsys)
    assert status == 2
    one_error_line(err, "empty")


def _unreadable(monkeypatch, path: Path) -> None:
    """Make ``path`` unreadable: by its mode, or (for an administrator, whom modes do not
    stop) by refusing to open it, as the operating system would."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    original = Path.read_bytes

    def read_bytes(self):
        if self == path or path in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_unreadable_rdf_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "plan.ttl"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    _unreadable(monkeypatch, path)
    refused(["info", "--with", path], capsys, tmp_path, "plan.ttl", "ermission denied")


def test_unreadable_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "plan.ttl").write_text(SMALL_PLAN, encoding="utf-8")
    if os.geteuid() != 0:
        folder.chmod(0)
    else:
        original = Path.iterdir

        def iterdir(self):
            if self == folder:
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
    try:
        refused(["info", "--with", folder], capsys, tmp_path, "corpus", "ermission denied")
    finally:
        folder.chmod(0o755)


def test_a_plan_given_twice_is_refused(tmp_path, capsys):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    a.write_text(SMALL_PLAN, encoding="utf-8")
    b.write_text(SMALL_PLAN, encoding="utf-8")
    refused(["info", "--with", a, "--with", b], capsys, tmp_path, "already loaded")


# -- 2. Plan templates: CSV folders and workbooks ------------------------------------------------
@pytest.fixture(scope="module")
def csv_template(tmp_path_factory, kg):
    """The Västerås plan exported as a CSV template (the import reads it back whole)."""
    folder = tmp_path_factory.mktemp("template") / "vasteras"
    andtsgraph.export_plan(kg, "vasteras", folder)
    return folder


def _copy(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "template"
    shutil.copytree(template, folder)
    return folder


def _rewrite(folder: Path, sheet: str, change) -> None:
    path = folder / f"{sheet}.csv"
    path.write_bytes(change(path.read_bytes()))


TEMPLATE_CASES = {
    "cr-only": (lambda b: b.replace(b"\r\n", b"\r").replace(b"\n", b"\r"), 0, None),
    "crlf": (lambda b: b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), 0, None),
    "utf8-bom": (lambda b: b"\xef\xbb\xbf" + b, 0, None),
    "swedish-excel-cp1252": (lambda b: b.decode("utf-8").encode("cp1252"), 0, None),
    "utf16": (lambda b: b.decode("utf-8").encode("utf-16"), 2, "UTF-16"),
    "cp1252-hole": (lambda b: b.replace(b"Effektiv", b"Eff\x81ktiv", 1), 2, "byte 0x81"),
    "nul-byte": (lambda b: b.replace(b"Effektiv", b"Eff\x00ktiv", 1), 2, "binary"),
    "huge-field": (
        lambda b: b.replace(b"Effektiv och samordnad alkoholtillsyn", b"x" * 200_000, 1),
        0,
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(TEMPLATE_CASES))
def test_csv_template_encodings_and_line_ends(case, csv_template, tmp_path, capsys):
    change, status, fragment = TEMPLATE_CASES[case]
    folder = _copy(csv_template, tmp_path)
    _rewrite(folder, "Insatser", change)
    out = tmp_path / "out" / "plan.trig"  # the plan and its links in one file
    out.parent.mkdir()
    if status:
        refused(["import", folder, "-o", out], capsys, tmp_path, "Insatser.csv", fragment)
        return
    got, stdout, err = run(["import", folder, "-o", out, "--lang", "en"], capsys)
    assert got == 0, err
    # The whole plan and its links, as from the untouched template.
    assert "14 activities, 24 indicators, 35 curated links (977 triples)" in stdout + err
    assert "Traceback" not in err


def test_csv_field_over_the_raised_limit_is_one_line(csv_template, tmp_path, capsys, monkeypatch):
    from andtsgraph.spreadsheet import workbook

    monkeypatch.setattr(workbook, "CSV_FIELD_LIMIT", 1000)
    import csv

    limit = csv.field_size_limit()
    csv.field_size_limit(1000)
    try:
        folder = _copy(csv_template, tmp_path)
        _rewrite(folder, "Insatser", lambda b: b.replace(b"Effektiv", b"y" * 5000, 1))
        refused(
            ["import", folder, "-o", tmp_path / "p.ttl"], capsys, tmp_path, "Insatser.csv", "line"
        )
    finally:
        csv.field_size_limit(limit)


def test_empty_template_folder(tmp_path, capsys):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "notes.csv").write_text("", encoding="utf-8")
    status, _, err = run(["import", folder, "-o", tmp_path / "p.ttl"], capsys)
    assert status == 2
    assert "Traceback" not in err
    assert not (tmp_path / "p.ttl").exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.xlsx", b""),
        ("text.xlsx", b"ID,Titel\n1,x\n"),
        ("zip.xlsx", None),
        ("truncated.xlsx", b"PK\x03\x04\x14\x00\x00\x00"),
    ],
)
def test_broken_workbook(name, content, tmp_path, capsys):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    else:
        path.write_bytes(content)
    refused(["import", path, "-o", tmp_path / "p.ttl"], capsys, tmp_path, name, "workbook")


def test_control_characters_are_cleaned_on_xlsx_export(kg, tmp_path, capsys):
    # Text pasted from Word carries U+000B (a manual line break); openpyxl refuses it.
    plan = tmp_path / "word.ttl"
    plan.write_text(
        SMALL_PLAN.replace(
            "andts:inPlan <https://example.org/plan/testby-2024-2026> .",
            'andts:inPlan <https://example.org/plan/testby-2024-2026> ;\n    dcterms:description "rad ett\\u000Brad två\\u0007" .',
        ),
        encoding="utf-8",
    )
    out = tmp_path / "word.xlsx"
    status, _, err = run(
        ["export", "--with", plan, "--plan", "testby", "--format", "xlsx", "-o", out], capsys
    )
    assert status == 0, err
    assert "control characters" in err and "Traceback" not in err
    from openpyxl import load_workbook

    cells = [
        str(cell.value)
        for sheet in load_workbook(out, read_only=True).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value and "rad ett" in str(cell.value)
    ]
    assert cells and all("\x0b" not in c and "\x07" not in c for c in cells)
    assert any("rad ett\nrad två" in c for c in cells)


# -- 3. Queries: files, text, parameters, SERVICE -------------------------------------------------
QUERY_FILES = {
    "binary": (b"\x00\x01\x02\x03SELECT", "binary"),
    "utf16": ("SELECT * WHERE { ?s ?p ?o }".encode("utf-16"), "UTF-16"),
    "cp1252": ("# Växjö\nSELECT * WHERE { ?s ?p ?o }".encode("cp1252"), "Windows-1252"),
    "empty": (b"", "not a SPARQL query"),
    "syntax": (b"SELECT WHERE {", "syntax error at line 1"),
}


@pytest.mark.parametrize("case", sorted(QUERY_FILES))
def test_bad_query_file(case, tmp_path, capsys):
    content, fragment = QUERY_FILES[case]
    path = tmp_path / "q.rq"
    path.write_bytes(content)
    refused(["query", path], capsys, tmp_path, fragment)


@pytest.mark.parametrize(
    "query, fragment",
    [
        ("missing.rq", "no such query file"),
        ("no-such-catalog-query", "no-such-catalog-query"),
        ("SELECT * WHERE { ?s ?p }", "syntax error"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { service <https://dbpedia.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        (
            "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
            "SERVICE",
        ),
        ("SELECT * WHERE { ?s ?p ?o . { SERVICE ?endpoint { ?s ?p ?o } } }", "SERVICE"),
        ("ASK { ?s ?p", "syntax error"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
        ("DELETE WHERE { ?s ?p ?o }", "read-only"),
    ],
)
def test_bad_query_text(query, fragment, tmp_path, capsys):
    refused(["query", query], capsys, tmp_path, fragment)


def test_service_in_a_comment_or_string_is_not_refused(capsys):
    status, out, err = run(
        [
            "query",
            'SELECT ?x WHERE { BIND("SERVICE" AS ?x) } # SERVICE <http://x/>',
            "--format",
            "csv",
        ],
        capsys,
    )
    assert status == 0, err
    assert out.splitlines() == ["x", "SERVICE"]


def test_service_allowed_explicitly_reaches_only_what_it_names(capsys):
    # Allowed, SERVICE goes out: here to a closed loopback port, which refuses at once.
    status, _, err = run(
        [
            "query",
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "--allow-service",
        ],
        capsys,
    )
    assert status == 2
    one_error_line(err, "failed")


def test_service_is_refused_in_python_too(kg):
    with pytest.raises(QueryError, match="SERVICE"):
        kg.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    memory = andtsgraph.load(store="memory")
    with pytest.raises(QueryError, match="SERVICE"):
        memory.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


@pytest.mark.parametrize(
    "param, fragment",
    [
        ("plan", "NAME=VALUE"),
        ("=x", "NAME=VALUE"),
        ("nosuch=1", "no parameter 'nosuch'"),
        ("plan=stockholm", "no plan 'stockholm'"),
        ("plan=https://example.org/x> } ; DROP ALL ; #", "plan"),
        ("plan=<urn:x>", "plan"),
    ],
)
def test_bad_query_parameter(param, fragment, tmp_path, capsys):
    refused(["query", "activities", "--param", param], capsys, tmp_path, fragment)


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("http://127.0.0.1:99999/query", "Port out of range"),
        ("http://127.0.0.1:port/query", "Port could not be cast"),
        ("http://[::1/query", "Invalid IPv6 URL"),
        ("http://]x[/query", "not"),
        ("ftp://127.0.0.1/query", "not an http(s) URL"),
        ("http:///query", "not an http(s) URL"),
        ("127.0.0.1:7878", "not an http(s) URL"),
        ("http://user:s3cret@127.0.0.1:99999/query", "Port out of range"),
        ("http://user:s3cret@[::1/query", "Invalid IPv6 URL"),
    ],
)
def test_bad_endpoint_url(url, fragment, tmp_path, capsys):
    line = refused(["query", "plans", "--endpoint", url], capsys, tmp_path, fragment)
    assert "s3cret" not in line


def test_negative_timeout_is_an_immediate_clear_stop(tmp_path, capsys):
    refused(
        ["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--timeout", "-1"],
        capsys,
        tmp_path,
        "did not finish",
    )


def test_timeout_in_python_on_both_stores(kg):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(andtsgraph.QueryError, match=r"did not finish within 0\.5 s"):
        kg.query(cross, timeout=0.5)
    memory = andtsgraph.load(store="memory")
    with pytest.raises(andtsgraph.QueryError, match=r"did not finish within 0\.5 s"):
        memory.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.5)


def test_query_batches_stay_bounded_and_stop_when_closed(kg):
    batches = kg.query_batches("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=60)
    first = next(batches)
    assert 0 < len(first) <= 2000
    batches.close()  # the worker stops at its next row


def test_empty_answer_keeps_its_columns(capsys):
    status, out, _ = run(
        ["query", "SELECT ?x ?y WHERE { ?x a <urn:none> }", "--format", "csv"], capsys
    )
    assert status == 0 and out.splitlines() == ["x,y"]
    status, out, _ = run(
        ["query", "SELECT ?x WHERE { ?x a <urn:none> }", "--format", "json"], capsys
    )
    assert status == 0 and json.loads(out) == []


def test_a_huge_table_is_cut_with_a_note(capsys, monkeypatch):
    import andtsgraph.cli.query

    monkeypatch.setattr(andtsgraph.cli.query, "TABLE_ROWS", 50)
    status, out, err = run(["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"], capsys)
    assert status == 0
    assert "showing the first 50 rows" in err
    assert out.splitlines()[-1] == "50 rows"


# -- 4. Output files: every command that writes ---------------------------------------------------
def _read_only_folder(tmp_path: Path) -> Path:
    """A folder no file can be made in: by its mode, or (for an administrator) /sys."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


#: Each writing command, with its output as ``{out}``.
WRITERS = {
    "export": ["export", "-o", "{out}.ttl"],
    "export-plan": ["export", "--plan", "vaxjo", "-o", "{out}.ttl"],
    "export-xlsx": ["export", "--plan", "vaxjo", "--format", "xlsx", "-o", "{out}.xlsx"],
    "template": ["template", "-o", "{out}.xlsx"],
    "render": ["render", "hierarchy", "--plan", "vaxjo", "-o", "{out}.dot"],
    "report": ["report", "--plan", "vaxjo", "--html", "{out}.html"],
    "hubs": ["hubs", "--plan", "vaxjo", "--export", "{out}.graphml"],
    "docs": ["docs", "-o", "{out}.html"],
    "import": ["import", "{template}", "-o", "{out}.ttl"],
}


def _argv(command: str, out: Path, template: Path) -> list[str]:
    # Messages are Swedish by default; these cases read the English ones. (docs' --lang is
    # the language of the page it writes.)
    argv = [a.format(out=out, template=template) for a in WRITERS[command]]
    return argv if command == "docs" else [*argv, "--lang", "en"]


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_output_into_a_missing_folder(command, csv_template, tmp_path, capsys):
    argv = _argv(command, tmp_path / "no" / "such" / "out", csv_template)
    refused(argv, capsys, tmp_path, "does not exist")


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_output_into_a_read_only_folder(command, csv_template, tmp_path, capsys):
    argv = _argv(command, _read_only_folder(tmp_path) / "out", csv_template)
    refused(argv, capsys, tmp_path, "read-only")


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_output_that_is_a_folder(command, csv_template, tmp_path, capsys):
    argv = _argv(command, tmp_path / "out", csv_template)
    target = Path(argv[argv.index(next(a for a in argv if "/out." in a))])
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    refused(argv, capsys, tmp_path, "is a folder")


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_output_that_exists_is_kept(command, csv_template, tmp_path, capsys):
    argv = _argv(command, tmp_path / "out", csv_template)
    target = Path(next(a for a in argv if "/out." in a))
    target.write_text("mine", encoding="utf-8")
    refused(argv, capsys, tmp_path, "exists; use --force")
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("command", sorted(set(WRITERS) - {"docs", "import"}))
def test_output_inside_the_bundled_data(command, csv_template, tmp_path, capsys):
    argv = [*_argv(command, data_dir() / "plans" / "out", csv_template), "--force"]
    refused(argv, capsys, tmp_path, "is also an input")


def test_export_over_its_own_input(tmp_path, capsys):
    plan = tmp_path / "plan.ttl"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    refused(
        ["export", "--with", plan, "--plan", "testby", "-o", plan, "--force"],
        capsys,
        tmp_path,
        "is also an input",
    )


def test_import_plan_and_links_to_one_file(csv_template, tmp_path, capsys):
    same = tmp_path / "same.ttl"
    refused(
        ["import", csv_template, "-o", same, "--links", same, "--lang", "en"],
        capsys,
        tmp_path,
        "given twice",
    )


def test_import_links_over_the_source_workbook(kg, tmp_path, capsys):
    book = tmp_path / "mine.xlsx"
    andtsgraph.export_plan(kg, "vasteras", book)
    refused(
        ["import", book, "-o", tmp_path / "p.ttl", "--links", book, "--force", "--lang", "en"],
        capsys,
        tmp_path,
        "is also an input",
    )


def test_import_output_into_the_template_folder(csv_template, tmp_path, capsys):
    folder = _copy(csv_template, tmp_path)
    refused(
        ["import", folder, "-o", folder / "plan.ttl", "--lang", "en"],
        capsys,
        tmp_path,
        "is also an input",
    )


def test_synthetic_into_a_file(tmp_path, capsys):
    target = tmp_path / "corpus"
    target.write_text("mine", encoding="utf-8")
    refused(
        ["synthetic", "-o", target, "--plans", "2"], capsys, tmp_path, "is a file, not a folder"
    )


def test_synthetic_into_a_read_only_folder(tmp_path, capsys):
    refused(
        ["synthetic", "-o", _read_only_folder(tmp_path) / "c", "--plans", "2"],
        capsys,
        tmp_path,
        "read-only",
    )


def test_report_checks_its_output_before_any_work(tmp_path, capsys, monkeypatch):
    import andtsgraph.report

    def no_work(*args, **kwargs):
        raise AssertionError("the report was built before the output was checked")

    monkeypatch.setattr(andtsgraph.report, "build_report", no_work)
    refused(
        ["report", "--html", tmp_path / "no" / "r.html", "--lang", "en"],
        capsys,
        tmp_path,
        "does not exist",
    )


def test_a_failed_render_leaves_nothing(tmp_path, capsys, monkeypatch):
    import andtsgraph.render

    def fail(*args, **kwargs):
        raise AndtsError("Graphviz could not draw the picture: simulated")

    monkeypatch.setattr(andtsgraph.render, "_create", fail)
    refused(
        ["render", "hierarchy", "--plan", "vaxjo", "-o", tmp_path / "h.svg"],
        capsys,
        tmp_path,
        "simulated",
    )


def test_staged_leaves_nothing_on_failure_or_interrupt(tmp_path):
    for error in (ValueError("half way"), KeyboardInterrupt()):
        with pytest.raises(type(error)), staged([tmp_path / "a.ttl", tmp_path / "b.ttl"]) as (a, b):
            a.write_text("whole", encoding="utf-8")
            b.write_text("half", encoding="utf-8")
            raise error
        assert list(tmp_path.iterdir()) == []


def test_staged_refuses_a_file_that_appeared_meanwhile(tmp_path):
    target, other = tmp_path / "report.html", tmp_path / "other.ttl"
    appeared = pytest.raises(OutputExistsError, match="appeared while the run was working")
    with appeared, staged([other, target]) as (o, t):
        o.write_text("1", encoding="utf-8")
        t.write_text("2", encoding="utf-8")
        target.write_text("another run's", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "another run's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # nothing else moved


def test_staged_with_force_replaces(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    write_text(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_check_outputs_same_file_by_two_names(tmp_path):
    real = tmp_path / "a.ttl"
    real.write_text("x", encoding="utf-8")
    link = tmp_path / "b.ttl"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="given twice"):
        check_outputs([real, link], force=True)
    with pytest.raises(OutputError, match="is also an input"):
        check_outputs([link], inputs=[real], force=True)


def test_folder_output_written_whole(tmp_path):
    corpus = andtsgraph.testing.synthetic.synthetic_corpus(2, activities_per_plan=2)
    folder = tmp_path / "corpus"
    corpus.write(folder)
    with pytest.raises(OutputExistsError):
        corpus.write(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(corpus.documents)


# -- 5. Signals, encodings and locales: real processes ------------------------------------------
def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "andtsgraph", *args]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env["ANDTSGRAPH_LANG"] = "en"  # the messages below are English
    env.update(extra)
    return env


def _wait_for_import(proc: subprocess.Popen, library: str) -> None:
    """Wait until the process has loaded ``library`` (a compiled module andtsgraph imports
    early): it is then importing, before the command has begun."""
    maps = Path(f"/proc/{proc.pid}/maps")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if library in maps.read_text():
                return
        except OSError:
            pass
        time.sleep(0.005)


# "imports": while andtsgraph's libraries are still being imported (before that the
# interpreter itself is starting, before any of andtsgraph's code runs); then at two moments
# of the work.
@pytest.mark.parametrize("delay", ["imports", 0.5, 1.5])
def test_ctrl_c_at_any_moment_exits_130_without_traceback(delay, tmp_path):
    out = tmp_path / "r.html"
    proc = subprocess.Popen(
        _command("report", "--html", str(out)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=_env(),
    )
    if delay == "imports":
        _wait_for_import(proc, "pyoxigraph")
    else:
        time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    text = err.decode("utf-8", "replace")
    if proc.returncode == 0:  # it finished first: then the report is whole
        assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")
        return
    assert proc.returncode == 130, text
    assert "Traceback" not in text
    assert text.strip().splitlines()[-1] == "andtsgraph: interrupted"
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_ctrl_c_stops_a_running_local_query(tmp_path):
    proc = subprocess.Popen(
        _command("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    time.sleep(3)  # imported, loaded, and in the query (which would take hours)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err


def test_query_timeout_3_over_a_cross_product_stops(tmp_path):
    # Issue 17's "Done when": the cross product of the bundled graph with itself three times
    # is ~10^11 rows; --timeout 3 ends it with a clear error (the bound is generous on purpose).
    proc = subprocess.run(
        _command(
            "query",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "--format",
            "csv",
            "--timeout",
            "3",
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=30,
    )
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        "andtsgraph: error: the query did not finish within 3 s (--timeout / timeout=)"
    ]


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LANG": "C", "LC_ALL": "C"},
    ],
    ids=["ascii", "latin-1", "C"],
)
def test_output_works_in_any_locale(env):
    proc = subprocess.run(
        _command("info"), capture_output=True, env=_env(**env), timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert b"vaxjo-2022-2027" in proc.stdout
    assert (
        b"V\xc3\xa4xj\xc3\xb6" in proc.stdout
        or b"V\xe4xj\xf6" in proc.stdout
        or b"\\xe4" in proc.stdout
    )


def test_closed_pipe_is_quiet():
    proc = subprocess.Popen(
        _command("query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--format", "csv"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    proc.stdout.read(1000)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert b"Traceback" not in err and b"Exception ignored" not in err
