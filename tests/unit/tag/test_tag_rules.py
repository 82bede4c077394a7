"""Pattern finders: organisation phrases, media names, titled persons, nationality nouns."""

from __future__ import annotations

import pytest

from khabar.tag.core import process

from .conftest import FakeTagger

pytestmark = pytest.mark.unit

OBSERVATORY = "وفق ما افاد المرصد السوري لحقوق الانسان اليوم."
QUOTED_GROUP = 'المحاصر من قبل تنظيم "الدولة الاسلامية".'
MINISTRY = "وقالت وزارة الداخلية العراقية الرسمية في بيان."
GENERIC_FORCES = "تقدمت قوات النظام والقوات الجوية الروسية نحو البلدة."
ARMY = "بدأه الجيش السوري في الريف."
ORGANISING = "تنظيم الانتخابات في موعدها."
CHANNEL = "في مقابلة مع قناة روسيا 1 التلفزيونية."
TITLED = "ويقاتل ضد الرئيس السوري بشار الاسد، لمواجهة التنظيم."
NATIONALITY_NOUNS = "لجمع كل السوريين على طاولة. وقتل 14 فلسطينيا. أن الغربيين يتجهون."
NATIONALITY_ADJECTIVE = "عاد اللاجئين السوريين إلى المدينة."


def _found(doc_factory, text, phrases=None):
    doc = process(doc_factory(text), tagger=FakeTagger(phrases or {}))
    return [(e["text"], e["type"]) for e in doc.entities]


def test_rules_org_phrase_with_lam_complement(doc_factory):
    assert _found(doc_factory, OBSERVATORY) == [("المرصد السوري لحقوق الانسان", "ORG")]


def test_rules_quoted_name_after_ambiguous_head(doc_factory):
    assert _found(doc_factory, QUOTED_GROUP) == [("الدولة الاسلامية", "ORG")]


def test_rules_org_keeps_nationality_drops_descriptor(doc_factory):
    assert _found(doc_factory, MINISTRY) == [("وزارة الداخلية العراقية", "ORG")]


def test_rules_generic_forces_are_not_organisations(doc_factory):
    assert _found(doc_factory, GENERIC_FORCES) == []
    assert _found(doc_factory, ORGANISING) == []


def test_rules_army_named_as_institution_is_org(doc_factory):
    assert _found(doc_factory, ARMY) == [("الجيش السوري", "ORG")]


def test_rules_media_head_stays_outside_the_name(doc_factory):
    assert _found(doc_factory, CHANNEL) == [("روسيا 1", "ORG")]


def test_rules_title_finds_person_without_a_model(doc_factory, monkeypatch):
    from khabar.tag import core

    monkeypatch.setattr(core, "load_tagger", lambda: (None, "none"))
    doc = core.process(doc_factory(TITLED))
    assert [(e["text"], e["type"]) for e in doc.entities] == [("بشار الاسد", "PER")]
    assert doc.meta["tag"]["backend"] == "none"


def test_rules_title_restores_the_start_of_a_model_person(doc_factory):
    assert _found(doc_factory, TITLED, {"الاسد": "PER"}) == [("بشار الاسد", "PER")]


def test_rules_nationality_nouns_are_misc(doc_factory):
    assert _found(doc_factory, NATIONALITY_NOUNS) == [
        ("السوريين", "MISC"), ("14 فلسطينيا", "MISC"), ("الغربيين", "MISC")]


def test_rules_nationality_adjective_is_not_tagged(doc_factory):
    assert _found(doc_factory, NATIONALITY_ADJECTIVE) == []
