"""The messages catalog: every text in both languages, with the same fields in each."""

import pytest

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
