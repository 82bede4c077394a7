"""Span and type rules for Arabic news names: proclitics, merged names, heads kept or left out."""

from __future__ import annotations

import pytest

from khabar.tag.core import process
from khabar.tag.decode import strip_proclitic
from khabar.tag.lexicon import fold_key

from .conftest import FakeTagger

pytestmark = pytest.mark.unit

GLUED_DIGITS = "تقوم فرانس24 بتغطية خاصة."
PLAIN_WORDS = ("بعض", "وادي", "بين")
VALLEY = "دارت معارك شمال وادي الضبوعة الحدودي."
VERB_NOT_VALLEY = "وأدى القصف إلى دمار كبير."
MOUNTAIN = "أعلن الجيش تحرير جبل الحمراء."
TWO_PERSONS = "قال محمد جواد ظريف إن بنيامين نتنياهو كاذب. واتهم ظريف نتنياهو بالخداع."
POLICE_AND_PERSON = "ورافقت الشرطة المالكي إلى المحكمة."
CANAL = "أمم قناة السويس فهاجمته بريطانيا."
NEWS_AGENCY = "اتهمت الوكالة العربية السورية للأنباء (سانا) وصحيفة الوطن المؤيدة للحكومة التحالف."
PARTY = "وفينس من حزب الديمقراطيين الأحرار يقول ذلك."
FOX = "بحسب بيان أصدرته شركة فوكس للقرن 21. وتمتلك فوكس 39 في المئة."
STERLING = "بلغت الصفقة 11 مليار جنيه استرليني."
BARE_ARTICLE = 'من بينها صحيفة الـ"صن" وغيرها.'
DUAL_ADJECTIVE = "وهزت عمليتان انتحاريتان العاصمة."
ADJECTIVE_SYRIAN = "إنها ليست محكمة سورية بل أجنبية. وعاد إلى سورية."
ROAD = "تقدمت القوات على طريق خناصر أثريا."
BANK_BOARD = "وافق مجلس إدارة البنك على توزيع الأرباح. ووافق مجلس إدارة بنك قطر الوطني على الصفقة."
AGENCIES = "وأعلنت وكالة الأنباء الرسمية ذلك. ونقلت وكالة الأنباء السعودية الخبر."
PAPER_AND_OBJECT = "نشرت صحيفة الرسالة تقريرا عن الحرب."



def test_spans_letters_glued_to_digits_keep_their_first_letter(found):
    assert found(GLUED_DIGITS, {"فرانس24": "ORG"}) == [("فرانس24", "ORG")]


def test_spans_common_word_keeps_its_first_letter():
    unknown = lambda key: False  # noqa: E731
    assert [strip_proclitic(fold_key(w), unknown) for w in PLAIN_WORDS] == [0, 0, 0]


def test_spans_geographic_feature_keeps_its_head(found):
    assert found(VALLEY) == [("وادي الضبوعة", "LOC")]
    assert found(MOUNTAIN) == [("جبل الحمراء", "LOC")]
    assert found(VERB_NOT_VALLEY) == []


def test_spans_two_surnames_are_two_persons(found):
    phrases = {"محمد جواد ظريف": "PER", "بنيامين نتنياهو": "PER", "ظريف نتنياهو": "PER"}
    found = found(TWO_PERSONS, phrases)
    assert ("ظريف نتنياهو", "PER") not in found
    assert ("ظريف", "PER") in found and ("نتنياهو", "PER") in found


def test_spans_feminine_head_takes_no_masculine_adjective(found):
    assert found(POLICE_AND_PERSON) == []


def test_spans_name_never_crosses_a_verb_with_fa(found):
    assert ("قناة السويس", "LOC") in found(CANAL)


def test_spans_news_agency_takes_its_lam_complement_and_stance_stays_out(found):
    found = found(NEWS_AGENCY)
    assert ("الوكالة العربية السورية للأنباء", "ORG") in found
    assert ("الوطن", "ORG") in found


def test_spans_generic_organs_and_agencies_are_no_names(found):
    assert found(BANK_BOARD) == [("بنك قطر الوطني", "ORG")]
    assert found(AGENCIES) == [("وكالة الأنباء السعودية", "ORG")]


def test_spans_media_name_stops_before_the_verbs_object(found):
    assert found(PAPER_AND_OBJECT) == [("الرسالة", "ORG")]


def test_spans_broken_plural_adjective_ends_a_party_name(found):
    assert ("حزب الديمقراطيين الأحرار", "ORG") in found(PARTY)


def test_spans_lam_phrase_takes_its_number_but_a_count_stays_out(found):
    found = found(FOX, {"فوكس للقرن": "ORG", "فوكس": "ORG"})
    assert ("فوكس للقرن 21", "ORG") in found and ("فوكس", "ORG") in found


def test_types_currency_bare_article_and_dual_are_not_entities(found):
    assert found(STERLING, {"استرليني": "MISC"}) == []
    assert found(BARE_ARTICLE, {"الـ": "ORG"}) == []
    assert found(DUAL_ADJECTIVE, {"انتحاريتان": "LOC"}) == []


def test_types_nisba_after_indefinite_noun_is_an_adjective(doc_factory, found):
    assert found(ADJECTIVE_SYRIAN) == [("سورية", "LOC")]
    assert doc_factory(ADJECTIVE_SYRIAN).text.count("سورية") == 2


def test_types_model_name_after_road_head_is_the_road(found):
    assert found(ROAD, {"خناصر أثريا": "MISC"}) == [("طريق خناصر أثريا", "LOC")]


def test_places_capital_beats_small_namesake_in_a_story_about_israel(doc_factory):
    doc = process(doc_factory("قتل صحافيون في كابول. وقالت إسرائيل إنها تدين ذلك."), tagger=FakeTagger({}))
    assert {e["text"]: e["country"] for e in doc.entities}["كابول"] == "AF"


MAURITANIAN = "التقى حمودي ولد بالوفد. وقال ولد الشيخ إن المحادثات جيدة."


def test_spans_a_name_connector_is_never_a_surname_of_its_own(found):
    # the model cut "حمودي ولد المصطفى" after ولد: its last word is no surname to spread
    assert found(MAURITANIAN, {"حمودي ولد": "PER"}) == [("حمودي ولد", "PER")]


FACILITIES = ("استهدفت طائرات مسيرة قاعدة حميميم الجوية. وتقدمت القوات في سهل الغاب. "
              "وانسحبت القوات من قاعدة التنف.")
EVERYDAY_HEADS = "هذه قاعدة مهمة في اللغة. ويقع سهل تحيط به الجبال."
SECRETARY_GENERAL = "قال الأمين العام لحزب الله إن الحزب مستعد."


def test_spans_ambiguous_facility_heads_need_a_name(found):
    assert found(FACILITIES) == [("قاعدة حميميم الجوية", "LOC"), ("سهل الغاب", "LOC"), ("قاعدة التنف", "LOC")]
    assert found(EVERYDAY_HEADS) == []


def test_spans_a_title_never_turns_the_models_organisation_into_a_person(found):
    assert found(SECRETARY_GENERAL, {"لحزب الله": "ORG"}) == [("حزب الله", "ORG")]


PRIZE = "فاز الكاتب بجائزة نوبل للآداب."


def test_types_a_name_after_prize_names_the_prize(found):
    assert found(PRIZE, {"نوبل": "PER"}) == [("نوبل", "MISC")]


ENVOY = "قال المبعوث الدولي ستافان دي ميستورا إن المحادثات مستمرة. وأضاف دي ميستورا أن الوفد وصل."
MINISTER_OF_A_PLACE = "وقال رئيس الوزراء حيدر العبادي إن حركة أمل شاركت."


def test_types_the_models_organisation_after_a_persons_title_is_the_person(found):
    ents = found(ENVOY, {"ستافان دي ميستورا": "ORG", "دي ميستورا": "ORG"})
    assert ents == [("ستافان دي ميستورا", "PER"), ("دي ميستورا", "PER")]
    assert ("حركة أمل", "ORG") in found(MINISTER_OF_A_PLACE, {"حيدر العبادي": "PER", "حركة أمل": "ORG"})


def test_spans_a_surname_particle_belongs_to_the_name(found):
    assert found("سجل فان نيستلروي هدفا.", {"نيستلروي": "PER"}) == [("فان نيستلروي", "PER")]


def test_spans_the_name_ali_is_not_the_preposition_ala(found):
    # Folding merges ى into ي: "علي" spelled with ya is the name; "على" stays a stopword.
    assert found("وقال الحسن بن علي إن الاتفاق تم.", {"الحسن بن علي": "PER"}) == [("الحسن بن علي", "PER")]
    assert found("ووصل جون كيري على متن طائرة.", {"جون كيري على": "PER"}) == [("جون كيري", "PER")]


def test_spans_a_title_that_is_also_a_family_name_ends_the_name(found):
    assert found("وسجل طارق السيد هدفا.", {"طارق السيد": "PER"}) == [("طارق السيد", "PER")]
    assert found("قال السيد عمرو موسى إن الوفد وصل.", {"السيد عمرو موسى": "PER"}) == [("عمرو موسى", "PER")]
    son = "وقال يوسف الشاهد نجل الرئيس إن الوفد وصل."
    assert found(son, {"يوسف الشاهد نجل": "PER"}) == [("يوسف الشاهد", "PER")]


def test_spans_a_pious_formula_is_not_part_of_the_person(found):
    text = "واستقبل الشيخ زايد بن سلطان آل نهيان حفظه الله الوفد."
    assert found(text, {"زايد بن سلطان آل نهيان حفظه الله": "PER"}) == [("زايد بن سلطان آل نهيان", "PER")]
    assert found("وأكد رئيس الدولة حفظه الله دعمه.", {"حفظه الله": "PER"}) == []


def test_spans_a_group_word_before_a_headed_organisation_name_stays_out(found):
    assert found("بدأ الهجوم على قوات حزب الله منذ أسبوعين.", {}) == [("حزب الله", "ORG")]
    assert ("جماعة الإخوان المسلمين", "ORG") in found("وحظرت الحكومة جماعة الإخوان المسلمين.", {})


def test_spans_a_known_organisation_stops_before_a_purpose_clause(found):
    assert found("وتسعى الدول في مجلس الأمن للحصول على قرار.", {}) == [("مجلس الأمن", "ORG")]
    assert found("وقال المرصد السوري لحقوق الإنسان إن القصف تواصل.", {}) == [
        ("المرصد السوري لحقوق الإنسان", "ORG")]
