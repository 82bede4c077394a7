"""The measured traps of the libraries Khabar builds on, and that Khabar gets them right (issue 3)."""

from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charmap import CharMapper

from khabar.doc import Doc
from khabar.normalize.charmap import EXPANSIONS, LOOKALIKES, SUBSTITUTIONS
from khabar.normalize.clean import normalize_text
from khabar.normalize.core import process
from khabar.normalize.tokens import fold

pytestmark = pytest.mark.unit

ARCLEAN = CharMapper.builtin_mapper("arclean")
FOREIGN_SCRIPTS = "Reuters Путин 习近平 😀"
PERCENT_EASTERN = "١٢٫٥٪"


def test_trap_arclean_deletes_foreign_scripts_but_khabar_keeps_them():
    assert ARCLEAN(FOREIGN_SCRIPTS).split() == ["Reuters"]  # the trap, as measured
    assert normalize_text(FOREIGN_SCRIPTS)[0] == FOREIGN_SCRIPTS


def test_trap_arclean_misreads_arabic_separators_but_khabar_reads_numbers():
    assert ARCLEAN("١٢٫٥ و١٣٬٥٠٠") == "12,5 و13'500"
    assert normalize_text("١٢٫٥ و١٣٬٥٠٠")[0] == "12.5 و13,500"


def test_trap_simple_word_tokenize_splits_a_percentage_but_khabar_does_not():
    assert len(simple_word_tokenize(PERCENT_EASTERN)) == 4
    tokens = process(Doc(id="x", text=PERCENT_EASTERN)).tokens
    assert [t["norm"] for t in tokens] == ["12.5", "%"]
    assert [t["text"] for t in tokens] == ["١٢٫٥", "٪"]


def test_trap_pyarabic_normalize_alef_turns_ila_into_illa_but_khabar_does_not():
    # pyarabic's normalize_alef gives الا for إلى (a different word, "except"); Khabar's view keeps
    # إلى and its fold is الي, never الا, and never an article.
    token = process(Doc(id="x", text="إلى")).tokens[0]
    assert (token["norm"], token["fold"], token["det"]) == ("إلى", "الي", False)


def test_charmap_agrees_with_arclean_on_presentation_letters():
    # where arclean maps an Arabic presentation form to a letter, we unfold to the same letter,
    # except keheh/farsi-yeh forms (arclean: ى, us: ي) and lam-alef ligatures (the same pair)
    checked = 0
    for form, letter in SUBSTITUTIONS.items():
        if 0xFE80 <= ord(form) <= 0xFEFC:
            assert ARCLEAN(form) == letter, (hex(ord(form)), letter, ARCLEAN(form))
            checked += 1
    for form, letters in EXPANSIONS.items():
        if 0xFEF5 <= ord(form) <= 0xFEFC:
            assert ARCLEAN(form) == letters
            checked += 1
    assert checked > 100


def test_charmap_lookalikes_map_to_arabic_letters():
    assert normalize_text("".join(LOOKALIKES))[0] == "ييككهههةة%"


def test_fold_is_for_matching_only():
    doc = process(Doc(id="x", text="أعلنت الحكومة إلى آخره"))
    assert doc.normalized == doc.text
    assert [t["fold"] for t in doc.tokens] == ["اعلنت", "الحكومه", "الي", "اخره"]
    assert fold("مسؤول") == "مسؤول" and fold("مسؤول", hamza=True) == "مسوول"
    assert fold("رئيس", hamza=True) == "رييس"
