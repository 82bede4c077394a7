"""Decoding BIO labels into spans with CONVENTIONS' boundaries (clitics, designators, directions)."""

from __future__ import annotations

import pytest

from khabar.tag.decode import decode_bio, strip_proclitic
from khabar.tag.words import original_offset, proclitic_variants

pytestmark = pytest.mark.unit

CLITIC_CITY = "قصفت الطائرات وبغداد والاردن اليوم."
CONTRACTED_ARTICLE = "وجه لافروف رسالة للجيش السوري الحر."
COUNTRYSIDE = "اشتباكات في ريف حلب الجنوب الشرقي."
MIDDLE_EAST = "جولة في الشرق الأوسط."
DIACRITIC_CLITIC = "وصل إلى وَبغداد أمس."



def test_decode_bio_opens_spans_on_stray_inside_labels():
    labels = ["I-ORG", "I-ORG", "B-ORG", "O", "I-PERS"]
    assert decode_bio(labels) == [(0, 2, "ORG"), (2, 3, "ORG"), (4, 5, "PER")]


def test_decode_strips_proclitics_from_model_spans(found):
    found = found(CLITIC_CITY, {"وبغداد": "LOC", "والاردن": "LOC"})
    assert ("بغداد", "LOC") in found and ("الاردن", "LOC") in found


def test_decode_contracted_article_starts_after_lam_lam(found):
    found = found(CONTRACTED_ARTICLE, {"للجيش السوري الحر": "ORG"})
    assert ("جيش السوري الحر", "ORG") in found


def test_decode_drops_designators_and_directions_from_loc(found):
    found = found(COUNTRYSIDE, {"ريف حلب الجنوب الشرقي": "LOC"})
    assert found == [("حلب", "LOC")]


def test_decode_keeps_region_made_of_direction_words(found):
    assert found(MIDDLE_EAST, {"الشرق الأوسط": "LOC"}) == [("الشرق الأوسط", "LOC")]


def test_decode_drops_a_lone_designator(found):
    assert found(COUNTRYSIDE, {"ريف": "LOC"}) == [("حلب", "LOC")]


def test_strip_proclitic_keeps_names_that_start_with_clitic_letters():
    known = {"بغداد", "واشنطن", "بشار"}.__contains__
    assert strip_proclitic("بشار", known) == 0
    assert strip_proclitic("واشنطن", known) == 0
    assert strip_proclitic("وبغداد", known) == 1
    assert strip_proclitic("لبغداد", known) == 1
    assert strip_proclitic("للجيش", known) == 2
    assert strip_proclitic("ولافروف", lambda w: False) == 1
    assert strip_proclitic("وليد", lambda w: False) == 0


def test_original_offset_counts_diacritics_on_the_clitic():
    start = DIACRITIC_CLITIC.index("وَبغداد")
    assert DIACRITIC_CLITIC[start + original_offset("وَبغداد", 1):].startswith("بغداد")


def test_proclitic_variants_restore_the_article_after_lam_lam():
    assert (2, "الجيش") in proclitic_variants("للجيش")
    assert (1, "الاردن") in proclitic_variants("والاردن")


CURRENCY_AND_GOD = "ارتفع الدولار أمام اليورو. وقال إن الله معنا."
COUNTRY_AS_ACTOR = "وأعربت روسيا عن أملها بالنجاح."
TITLED_MULLAH = "قتل الملا فضل الله في ضربة جوية."


def test_decode_drops_misc_that_conventions_do_not_tag(found):
    phrases = {"الدولار": "MISC", "اليورو": "MISC", "الله": "MISC"}
    assert found(CURRENCY_AND_GOD, phrases) == []


def test_decode_country_is_loc_even_when_the_model_says_org(found):
    assert found(COUNTRY_AS_ACTOR, {"روسيا": "ORG"}) == [("روسيا", "LOC")]


def test_decode_title_completes_a_name_the_model_mistyped(found):
    assert found(TITLED_MULLAH, {"الله": "MISC"}) == [("فضل الله", "PER")]


NATIONALITY_ADJECTIVES = "وقال التركي إن الروسي غادر، وأكد السوريين ذلك."


def test_decode_drops_nationality_adjectives_the_model_tagged(found):
    phrases = {"التركي": "PER", "الروسي": "MISC", "السوريين": "LOC"}
    found = found(NATIONALITY_ADJECTIVES, phrases)
    assert ("التركي", "PER") not in found and ("الروسي", "MISC") not in found
    assert ("السوريين", "LOC") not in found  # the nationality finder may still call it MISC
