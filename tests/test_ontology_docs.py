"""Ontology documentation (issue 8): ``andtsgraph docs`` writes one HTML page per language with
an entry for every class of the ontology under its label, the committed pages in ``docs/`` are
what the command makes now, and the page renders in a real headless browser."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from browser import not_blank, screenshot
from cli_runner import run_cli
from rdflib import OWL, RDF, RDFS, Graph

from andtsgraph.namespaces import ANDTS
from andtsgraph.ontology_docs import make_ontology_docs
from andtsgraph.resources import ontology_dir

REPOSITORY = Path(__file__).resolve().parents[1]
COMMITTED = {
    "en": REPOSITORY / "docs" / "ontology.html",
    "sv": REPOSITORY / "docs" / "ontology.sv.html",
}

#: A pyLODE 3.3 entry: the heading, the "c" mark of a class, then the IRI in the first row.
CLASS_ENTRY = re.compile(
    r'<h3>([^<]+?)\s*<sup class="sup-c" title="OWL/RDFS Class">c</sup>\s*</h3>\s*<table>\s*'
    r"<tr>\s*<th>IRI</th>\s*<td>\s*<code>([^<]+)</code>",
)


def docs(*args: str) -> subprocess.CompletedProcess:
    return run_cli("docs", *args)


def ontology_classes(lang: str) -> dict[str, str]:
    """Every owl:Class in the andts: namespace → its label in ``lang``."""
    graph = Graph().parse(ontology_dir() / "andts.ttl", format="turtle")
    classes = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(str(ANDTS)):
            labels = [
                str(label) for label in graph.objects(cls, RDFS.label) if label.language == lang
            ]
            assert len(labels) == 1, f"{cls} has {len(labels)} labels in {lang}"
            classes[str(cls)] = labels[0]
    return classes


def documented_classes(page: str) -> dict[str, str]:
    """The class entries of a pyLODE page: IRI → heading."""
    return {iri: html.unescape(heading) for heading, iri in CLASS_ENTRY.findall(page)}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The English page made by the command, the Swedish one by the library function."""
    folder = tmp_path_factory.mktemp("ontology-docs")
    proc = docs("-o", str(folder / "ontology.html"))
    assert proc.returncode == 0, proc.stderr
    return {
        "en": folder / "ontology.html",
        "sv": make_ontology_docs(folder / "ontology.sv.html", lang="sv"),
    }


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_class_has_an_entry_under_its_label(pages, lang):
    expected = ontology_classes(lang)
    assert len(expected) >= 35  # plans, components, actors, concepts, links, targets …
    documented = documented_classes(pages[lang].read_text(encoding="utf-8"))
    assert {iri: documented.get(iri) for iri in expected} == expected


def test_each_page_keeps_to_its_language(pages):
    english, swedish = ontology_classes("en"), ontology_classes("sv")
    headings = {
        lang: set(documented_classes(pages[lang].read_text(encoding="utf-8")).values())
        for lang in pages
    }
    assert "Development area" in headings["en"] and "Utvecklingsområde" in headings["sv"]
    only_swedish = set(swedish.values()) - set(english.values())
    assert not headings["en"] & only_swedish
    assert not headings["sv"] & (set(english.values()) - set(swedish.values()))


def test_the_page_is_self_contained(pages):
    page = pages["en"].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lstrip().lower().startswith("<!doctype html")
    # Opens offline: no script, stylesheet or picture fetched from elsewhere.
    assert not re.search(r"""<(script|link|img)\b[^>]*(src|href)=["']https?:""", page)
    assert str(REPOSITORY) not in page and tempfile.gettempdir() + "/" not in page


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_committed_pages_are_what_the_command_makes_now(pages, lang):
    made = pages[lang].read_text(encoding="utf-8")
    assert COMMITTED[lang].read_text(encoding="utf-8") == made, (
        f"docs/{COMMITTED[lang].name} is out of date; regenerate it with: "
        f"andtsgraph docs -o docs/{COMMITTED[lang].name} --lang {lang} --force"
    )


def test_docs_command_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "ontology.html"
    out.write_text("mine", encoding="utf-8")
    refused = docs("-o", str(out))
    assert refused.returncode == 2 and "använd --force" in refused.stderr  # Swedish by default
    assert out.read_text(encoding="utf-8") == "mine"
    forced = docs("-o", str(out), "--lang", "sv", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Utvecklingsområde" in out.read_text(encoding="utf-8")


def test_docs_command_is_documented():
    listed = run_cli("--help")
    assert re.search(r"^\s+docs\s+write the ontology's documentation", listed.stdout, re.M)
    own = docs("--help")
    assert own.returncode == 0
    assert "usage: andtsgraph docs [-h] -o FILE.html [--force] [--lang {en,sv}]" in own.stdout


def test_headless_chromium_renders_the_page(pages, tmp_path):
    shot = screenshot(pages["en"], tmp_path / "shot.png", (1400, 1000))
    assert not_blank(shot)
