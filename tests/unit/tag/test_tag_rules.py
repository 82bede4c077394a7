"""Pattern finders: organisation phrases, media names, titled persons, nationality nouns."""

from __future__ import annotations

import pytest

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



def test_rules_org_phrase_with_lam_complement(found):
    assert found(OBSERVATORY) == [("المرصد السوري لحقوق الانسان", "ORG")]


def test_rules_quoted_name_after_ambiguous_head(found):
    assert found(QUOTED_GROUP) == [("الدولة الاسلامية", "ORG")]


def test_rules_org_keeps_nationality_drops_descriptor(found):
    assert found(MINISTRY) == [("وزارة الداخلية العراقية", "ORG")]


def test_rules_generic_forces_are_not_organisations(found):
    assert found(GENERIC_FORCES) == []
    assert found(ORGANISING) == []


def test_rules_army_named_as_institution_is_org(found):
    assert found(ARMY) == [("الجيش السوري", "ORG")]


def test_rules_media_head_stays_outside_the_name(found):
    assert found(CHANNEL) == [("روسيا 1", "ORG")]


def test_rules_title_finds_person_without_a_model(doc_factory, monkeypatch):
    from khabar.tag import core

    monkeypatch.setattr(core, "load_tagger", lambda: (None, "none"))
    doc = core.process(doc_factory(TITLED))
    assert [(e["text"], e["type"]) for e in doc.entities] == [("بشار الاسد", "PER")]
    assert doc.meta["tag"]["backend"] == "none"


def test_rules_title_restores_the_start_of_a_model_person(found):
    assert found(TITLED, {"الاسد": "PER"}) == [("بشار الاسد", "PER")]


def test_rules_nationality_nouns_are_misc(found):
    assert found(NATIONALITY_NOUNS) == [
        ("السوريين", "MISC"), ("14 فلسطينيا", "MISC"), ("الغربيين", "MISC")]


def test_rules_nationality_adjective_is_not_tagged(found):
    assert found(NATIONALITY_ADJECTIVE) == []


CONSTRUCT_CHAIN = "وصل ساركوزي إلى مقر مكتب مكافحة الفساد في نانتير."
QUOTED_WHOLE = 'قتل زعيم ما يسمى "مجلس شورى مجاهدي درنة وضواحيها" في المدينة.'
QUOTED_DESCRIPTION = 'التي تعتبرها إسرائيل "منظمة إرهابية" منذ سنوات.'
VERB_AFTER_DEFINITE_HEAD = "وسوف تنظر المحكمة القضية غدا."
MILITIA = "تتعمد ميليشيات الحوثي الإيرانية تعطيل السفن. وهاجمت ميليشيا مسلحة القرية."
ACRONYMS = "قال مكتب FBI في بيان لشبكة CNN عند الساعة 10 GMT."


def test_rules_construct_chain_after_indefinite_head(found):
    assert ("مكتب مكافحة الفساد", "ORG") in found(CONSTRUCT_CHAIN)


def test_rules_quoted_headed_name_but_not_a_quoted_description(found):
    assert found(QUOTED_WHOLE) == [("مجلس شورى مجاهدي درنة وضواحيها", "ORG")]
    assert ("منظمة إرهابية", "ORG") not in found(QUOTED_DESCRIPTION)


def test_rules_definite_head_needs_an_adjective(found):
    assert found(VERB_AFTER_DEFINITE_HEAD) == []


def test_rules_militia_head_stays_outside_and_needs_a_definite_name(found):
    assert found(MILITIA) == [("الحوثي", "ORG")]


def test_rules_latin_acronyms_are_organisations(found):
    assert found(ACRONYMS) == [("FBI", "ORG"), ("CNN", "ORG")]


FACILITIES = "قصفت الطائرات مطار كويرس العسكري ومستشفى الشفاء وجسر 14 تموز ومطار التيفور العسكري السوري."
GENERIC_FACILITIES = "أقيم مستشفى ميداني قرب حقل النفط في مخيم للاجئين."
NAMED_MISC = "تسببت العاصفة دانيال وكوفيد-19 في ارتفاع سعر خام برنت."
BRANCH_AND_OPERATIONS = "أعلنت قيادة عمليات بغداد مقتل قيادي في تنظيم الدولة الإسلامية - ولاية خراسان."


def test_rules_named_facilities_keep_their_head(found):
    assert found(FACILITIES) == [("مطار كويرس العسكري", "LOC"), ("مستشفى الشفاء", "LOC"),
                                               ("جسر 14 تموز", "LOC"), ("مطار التيفور العسكري", "LOC")]
    assert found(GENERIC_FACILITIES) == []


def test_rules_storms_diseases_and_benchmarks_are_misc(found):
    assert found(NAMED_MISC) == [("دانيال", "MISC"), ("كوفيد-19", "MISC"), ("خام برنت", "MISC")]


def test_rules_operations_command_and_branch_are_one_org(found):
    assert found(BRANCH_AND_OPERATIONS) == [
        ("قيادة عمليات بغداد", "ORG"), ("تنظيم الدولة الإسلامية - ولاية خراسان", "ORG")]
