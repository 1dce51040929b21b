"""The messages catalog: every text in both languages, with the same fields in each."""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import andtsgraph
from andtsgraph.errors import AndtsError
from andtsgraph.messages import LANGS, catalog, fields, text


def test_every_message_has_both_languages_with_the_same_fields():
    for key, texts in catalog().items():
        assert set(texts) == set(LANGS), key
        sv, en = (texts[lang] for lang in LANGS)
        assert isinstance(sv, tuple) == isinstance(en, tuple), key
        assert fields(sv) == fields(en), key


def test_plural_forms_follow_the_count():
    assert text("term.activity", "sv", n=1) == "1 insats"
    assert text("term.activity", "sv", n=2) == "2 insatser"
    assert text("term.activity", "en", n=0) == "0 activities"


def test_unknown_language_is_an_error_in_both_languages():
    with pytest.raises(AndtsError, match=r"unknown language 'de'.*okänt språk"):
        text("common.rows", "de", n=1)


# -- no text a person reads bypasses the catalog ----------------------------------------------

PACKAGE = Path(andtsgraph.__file__).parent


def _error_classes() -> set[str]:
    """The names of every AndtsError subclass the package defines (every module imported)."""
    for info in pkgutil.walk_packages(andtsgraph.__path__, "andtsgraph."):
        if not info.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(info.name)
    found, todo = set(), [AndtsError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


def _is_sentence(node: ast.expr) -> bool:
    """A literal message: an f-string, a string with a space, or a sum of them."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " " in node.value.strip()
    if isinstance(node, ast.BinOp):
        return _is_sentence(node.left) or _is_sentence(node.right)
    return False


def uncatalogued_raises() -> list[str]:
    """``raise SomeAndtsError("literal text")`` anywhere in the package: file:line."""
    classes = _error_classes()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            arguments = [*node.exc.args, *(k.value for k in node.exc.keywords)]
            if name in classes and any(_is_sentence(a) for a in arguments):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_the_scan_finds_a_literal_message():
    source = 'raise QueryError(f"no plan {x!r}")\nraise QueryError(text("kg.no_plan"))\n'
    raises = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Raise)]
    assert [_is_sentence(r.exc.args[0]) for r in raises] == [True, False]


def test_every_error_a_user_reads_comes_from_the_catalog():
    # A project error's message is a catalog text in the caller's language (sv and en), never
    # a literal: text("room.key", lang, ...). TypeError and ValueError for a programming
    # mistake stay English (docs/conventions.md).
    # The one exception: an unknown language is refused in both languages at once (which one
    # to speak is what is unknown).
    assert [r.split(":")[0] for r in uncatalogued_raises()] == [
        "andtsgraph/messages/__init__.py"
    ] * 2
