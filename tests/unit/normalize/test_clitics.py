"""The light clitic split: strips on evidence, never cuts a name."""

from __future__ import annotations

import pytest

from khabar.doc import Doc
from khabar.normalize.clitics import find_enclitic, split_clitics
from khabar.normalize.core import process
from khabar.normalize.tokens import fold

pytestmark = pytest.mark.unit

STORY_WITH_EVIDENCE = "زار لافروف سوريا. وقال ولافروف إن بسوريا وبالقاهرة والأمم المتحدة للحوثيين وسيعقد يعقد"


def split(word: str, vocabulary: frozenset[str] = frozenset()):
    return split_clitics(word, fold(word), vocabulary)


@pytest.mark.parametrize(("word", "pre", "base", "det"), [
    ("الجيش", "", "الجيش", True),
    ("وبالقاهرة", "وب", "القاهره", True),
    ("كالعادة", "ك", "العاده", True),
    ("والأمم", "و", "الامم", True),
    ("للحوثيين", "ل", "الحوثيين", True),
    ("وللتعاون", "ول", "التعاون", True),
    ("وقال", "و", "قال", False),
    ("فإن", "ف", "ان", False),
    ("لأن", "ل", "ان", False),
    ("وتمكن", "و", "تمكن", False),
])
def test_clitics_split_on_article_or_known_word(word, pre, base, det):
    found = split(word)
    assert (found.pre, found.base, found.det) == (pre, base, det)


@pytest.mark.parametrize("word", ["بغداد", "بشار", "لبنان", "فرنسا", "بريطانيا", "ليبيا", "كندا", "سيرغي",
                                  "وزير", "وكالة", "واشنطن", "وليد", "وفاة", "وقف", "والدة", "إلى", "الى",
                                  "كامل", "كانت", "فهم", "بيان", "فصائل"])
def test_clitics_never_cut_a_root_word(word):
    found = split(word)
    assert found.pre == "" and not (found.det and word in ("إلى", "الى"))


def test_clitics_attested_remainder_allows_a_prepositional_split():
    assert split("بسوريا").pre == ""
    assert split("بسوريا", frozenset({"سوريا"})).pre == "ب"
    assert split("بسوريا", frozenset({"السوريا"})).pre == "ب"
    assert split("سيعقد", frozenset({"يعقد"})).pre == "س"
    assert split("سوريا", frozenset({"وريا"})).pre == ""  # future س needs an imperfect prefix: ي ت ن ا


def test_clitics_in_a_story_point_base_start_at_the_entity():
    doc = process(Doc(id="x", text=STORY_WITH_EVIDENCE))
    bases = {t["text"]: doc.text[t["base_start"]:t["end"]] for t in doc.tokens if t["pre"]}
    assert bases == {"وقال": "قال", "ولافروف": "لافروف", "بسوريا": "سوريا", "وبالقاهرة": "القاهرة",
                     "والأمم": "الأمم", "للحوثيين": "حوثيين", "وسيعقد": "يعقد"}


def test_clitics_base_start_skips_a_diacritized_proclitic():
    doc = process(Doc(id="x", text="وَبِالقاهرة"))
    token = doc.tokens[0]
    assert (token["pre"], doc.text[token["base_start"]:token["end"]]) == ("وب", "القاهرة")


@pytest.mark.parametrize(("norm", "vocabulary", "enclitic"), [
    ("قواتهم", (), "هم"),
    ("منها", (), "ها"),
    ("عليه", (), "ه"),
    ("بلاده", ("بلاد",), "ه"),
    ("بلاده", (), ""),
    ("حكومته", ("حكومه",), "ه"),
    ("مدرسة", ("مدرس",), ""),
    ("كورونا", (), ""),
    ("فيينا", (), ""),
    ("أستانا", (), ""),
    ("تفاهم", (), ""),
    ("بلادنا", ("بلاد",), "نا"),
])
def test_clitics_enclitic_pronouns(norm, vocabulary, enclitic):
    assert find_enclitic(norm, fold(norm), frozenset(vocabulary)) == enclitic


def test_clitics_enclitic_stays_in_base():
    token = process(Doc(id="x", text="قواتهم")).tokens[0]
    assert (token["base"], token["enc"]) == ("قواتهم", "هم")
