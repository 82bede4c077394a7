"""Sentence boundaries, token shapes and the language flag."""

from __future__ import annotations

import pytest

from khabar.doc import Doc
from khabar.normalize.core import process
from khabar.normalize.sentences import find_sentences
from khabar.normalize.tokens import SHAPES, find_tokens, token_shape

pytestmark = pytest.mark.unit

MIXED_DIGITS = "قتل ١٢ شخصا و15 جريحا، وارتفع المؤشر 1.5%."
NO_ARABIC = "Breaking: the talks in Geneva resumed on Monday, the UN said."
EMPTYISH_ARABIC = "!!! 😀 2020"


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in find_sentences(text)]


def test_sentences_break_on_stops_and_lines_not_numbers():
    assert sentences_of("نما 1.5 في المئة. وقال!\nسطر؟ آخر… نهاية") == [
        "نما 1.5 في المئة.", "وقال!", "سطر؟", "آخر…", "نهاية"]


def test_sentences_keep_abbreviations_inside():
    assert len(sentences_of("قال د. محمد و Gen. Smith و J. Kerry إن (أ.ف.ب) ذكرت.")) == 1


def test_sentences_of_empty_and_blank_text():
    assert find_sentences("") == [] and find_sentences(" \n\t ") == []


def test_tokens_shapes_cover_the_contract():
    doc = process(Doc(id="x", text="قتل 12.5 F16 CNN ، 😀 https://t.co/x $"))
    assert [t["shape"] for t in doc.tokens] == ["arabic", "digit", "mixed", "latin", "punct", "other",
                                                "other", "other"]
    assert {t["shape"] for t in doc.tokens} <= set(SHAPES)


def test_tokens_keep_decimals_and_split_digit_systems_from_letters():
    doc = process(Doc(id="x", text=MIXED_DIGITS))
    assert [t["norm"] for t in doc.tokens] == ["قتل", "12", "شخصا", "و", "15", "جريحا", "،", "وارتفع",
                                               "المؤشر", "1.5", "%", "."]
    assert doc.tokens[1]["text"] == "١٢"


def test_tokens_found_within_bounds():
    text = "أ ب ج"
    assert [text[s:e] for s, e in find_tokens(text, 2, 5)] == ["ب", "ج"]
    assert token_shape("...") == "punct" and token_shape("€") == "other"


@pytest.mark.parametrize(("text", "lang"), [
    (MIXED_DIGITS, "ar"), (NO_ARABIC, "en"), (EMPTYISH_ARABIC, "und"),
    ("Les négociations reprennent à Genève selon les Nations unies", "fr"),
])
def test_lang_flag_never_drops_a_story(text, lang):
    doc = process(Doc(id="x", text=text))
    assert doc.lang == lang
    assert doc.tokens  # still tokenized, still passed on
