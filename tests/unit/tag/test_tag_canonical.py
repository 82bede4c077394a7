"""Grouping one story's mentions into entities: spelling variants, surnames, headless ORG names."""

from __future__ import annotations

import pytest

from khabar.tag.canonical import entity_id, group_mentions, name_key
from khabar.tag.core import process

from .conftest import FakeTagger

pytestmark = pytest.mark.unit

LAVROV = "أعلن سيرجي لافروف موقفه.\nقال سيرغي لافروف السبت.\nوقال لافروف في مقابلة.\nوأكد سيرغي لافروف."
TWO_KERRYS = "التقى جون كيري نظيره.\nوقال كيري إن المحادثات مفيدة."


SPELLING_VARIANTS = [("سيرجي لافروف", "سيرغي لافروف"), ("ترامب", "ترمب"), ("نتنياهو", "نتانياهو"),
                     ("الأسد", "الاسد"), ("أسامة", "اسامه"), ("بوتين", "بوتن")]


@pytest.mark.parametrize("a, b", SPELLING_VARIANTS)
def test_name_key_unifies_transliteration_variants(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("جون كيري") != name_key("جون كيلي")


def test_canonical_groups_spellings_and_surname(doc_factory):
    doc = process(doc_factory(LAVROV, "s1"), tagger=FakeTagger({"سيرجي لافروف": "PER", "سيرغي لافروف": "PER",
                                                               "لافروف": "PER"}))
    people = [e for e in doc.entities if e["type"] == "PER"]
    assert [e["text"] for e in people] == ["سيرجي لافروف", "سيرغي لافروف", "لافروف", "سيرغي لافروف"]
    assert len({e["id"] for e in people}) == 1
    assert {e["canonical"] for e in people} == {"سيرغي لافروف"}  # the most frequent full spelling
    assert people[0]["id"].startswith("s1:ent:")


def test_canonical_surname_found_again_without_the_model(doc_factory):
    doc = process(doc_factory(TWO_KERRYS), tagger=FakeTagger({"جون كيري": "PER"}))
    assert [(e["text"], e["origin"]) for e in doc.entities] == [("جون كيري", "model"), ("كيري", "propagated")]
    assert doc.entities[0]["id"] == doc.entities[1]["id"]


def test_canonical_headless_org_joins_headed_form():
    groups = group_mentions([("ORG", surface, None, None) for surface in (
        "تنظيم الدولة الاسلامية", "الدولة الاسلامية", "الجيش السوري", "الجيش السوري الحر")])
    assert groups[0] is groups[1]
    assert groups[2] is not groups[3]  # the Syrian army is not the Free Syrian Army


def test_entity_id_is_deterministic_and_type_scoped():
    assert entity_id("d", "PER", "k") == entity_id("d", "PER", "k")
    assert entity_id("d", "PER", "k") != entity_id("d", "ORG", "k")
    assert entity_id("d", "PER", "k") != entity_id("e", "PER", "k")


SHORT_NAME_COLLISION = "قال جان إنه التقى كلود غيان.\nوأضاف غيان أن اللقاء كان مفيدا."
CONTRACTED_CANONICAL = "قدم الوفد طلبا للأمم المتحدة. وردت الأمم المتحدة بالرفض."
COMPOUND_NAME = "قال زياد تقي الدين إن الدين لا علاقة له بالأمر."


def test_canonical_short_names_do_not_link_by_skeleton(doc_factory):
    doc = process(doc_factory(SHORT_NAME_COLLISION), tagger=FakeTagger({"جان": "PER", "كلود غيان": "PER"}))
    ids = {e["text"]: e["id"] for e in doc.entities}
    assert ids["جان"] != ids["كلود غيان"] and ids["غيان"] == ids["كلود غيان"]


def test_canonical_restores_the_article_after_lam_lam(doc_factory):
    doc = process(doc_factory(CONTRACTED_CANONICAL), tagger=FakeTagger({}))
    assert [e["text"] for e in doc.entities] == ["أمم المتحدة", "الأمم المتحدة"]
    assert {e["canonical"] for e in doc.entities} == {"الأمم المتحدة"}


def test_canonical_compound_name_tail_is_no_surname(doc_factory):
    doc = process(doc_factory(COMPOUND_NAME), tagger=FakeTagger({"زياد تقي الدين": "PER"}))
    assert [e["text"] for e in doc.entities] == ["زياد تقي الدين"]
