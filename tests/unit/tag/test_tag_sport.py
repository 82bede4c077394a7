"""Sports clubs named after cities: ORG in a sports report, LOC elsewhere (CONVENTIONS ORG)."""

from __future__ import annotations

import pytest

from khabar.tag.core import process

pytestmark = pytest.mark.unit



def test_sport_club_prefix_takes_the_city(found):
    found = found("سحق ريال مدريد ضيفه دينامو كييف في المباراة.")
    assert ("دينامو كييف", "ORG") in found
    assert ("كييف", "LOC") not in found


def test_sport_club_after_team_word(found):
    found = found("تعرض فريق برشلونة لضربة قوية قبل المباراة.", {"برشلونة": "LOC"})
    assert ("برشلونة", "ORG") in found


def test_sport_club_before_nationality_adjective(found):
    found = found("فاز سسكا موسكو على هامبورغ الالماني 1 - صفر.", {"هامبورغ": "LOC"})
    assert ("هامبورغ", "ORG") in found


def test_sport_club_beaten_side(found):
    found = found("استعاد سلتيك توازنه بفوزه على كوبنهاغن 1 - صفر.", {"سلتيك": "ORG"})
    assert ("كوبنهاغن", "ORG") in found


def test_sport_results_line_with_country_in_brackets(found):
    text = "نتائج مباريات الدوري.\nسلتيك ( اسكتلندا ) - كوبنهاغن ( الدنمارك ) 1 - صفر.\nوفاز الفريق."
    found = found(text, {"سلتيك": "ORG"})
    assert ("كوبنهاغن", "ORG") in found
    assert ("الدنمارك", "LOC") in found


def test_sport_venue_after_fi_stays_loc(found):
    found = found("فاز سلتيك على ملعبه في برشلونة في المباراة.",
                   {"سلتيك": "ORG", "برشلونة": "LOC"})
    assert ("برشلونة", "LOC") in found


def test_sport_club_found_once_is_the_club_elsewhere_in_the_report(found):
    text = "تعرض فريق برشلونة لضربة في المباراة. وسيفتقد برشلونة مهاجمه في مباراة قمة."
    found = found(text, {"برشلونة": "LOC"})
    assert ("برشلونة", "ORG") in found
    assert ("برشلونة", "LOC") not in found


def test_city_without_sports_context_stays_loc(found):
    text = "وصل الفريق أول الى برشلونة ثم زار هامبورغ الالمانية."
    found = found(text, {"برشلونة": "LOC", "هامبورغ": "LOC"})
    assert ("برشلونة", "LOC") in found
    assert ("هامبورغ", "LOC") in found


def test_country_in_sports_report_stays_loc(found):
    found = found("فاز منتخب فرنسا على اسبانيا الاوروبية في المباراة.")
    assert ("اسبانيا", "LOC") in found


def test_region_in_guillemets_is_the_newspaper(found):
    found = found("وقال ل « الشرق الأوسط » ان الوضع في الشرق الأوسط خطير.")
    assert ("الشرق الأوسط", "ORG") in found
    assert ("الشرق الأوسط", "LOC") in found


def test_country_in_guillemets_stays_loc(found):
    found = found("وقال ان « سوريا » لن تشارك.")
    assert ("سوريا", "LOC") in found


class _FirstOnly:
    """A tagger that calls the first "برشلونة" of the story ORG and the others LOC."""

    def predict(self, sentences):
        out, done = [], False
        for words in sentences:
            labels = ["O"] * len(words)
            if "برشلونة" in words:
                labels[words.index("برشلونة")], done = "B-LOC" if done else "B-ORG", True
            out.append(labels)
        return out


def test_sport_city_the_model_made_a_club_is_the_club_again(doc_factory):
    text = ("تعرض فريقه برشلونة لخسارة في المباراة أمس.\n"
            "وسيفتقد برشلونة جهود مهاجمه في الدوري.\n"
            "وتقام المباراة المقبلة في برشلونة.")
    doc = process(doc_factory(text), tagger=_FirstOnly())
    types = [e["type"] for e in doc.entities if e["text"] == "برشلونة"]
    assert types == ["ORG", "ORG", "LOC"]  # the venue after في stays a place


def test_sport_listed_clubs_everyday_words_only_in_a_sports_sentence(found):
    assert found("فاز الأهلي على الزمالك في مباراة الدوري.") == [("الأهلي", "ORG"), ("الزمالك", "ORG")]
    assert found("تغلب أرسنال على تشيلسي.") == [("أرسنال", "ORG"), ("تشيلسي", "ORG")]
    assert found("وقع البنك الأهلي اتفاقا مع الحكومة.") == [("البنك الأهلي", "ORG")]  # the bank, no club
    assert found("أعلن الهلال الأحمر وصول المساعدات.") == [("الهلال الأحمر", "ORG")]
