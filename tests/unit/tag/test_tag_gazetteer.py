"""The place gazetteer: its build rules, what counts as a place, and disambiguation by story context."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from khabar.tag.core import process
from khabar.tag.gazetteer import GAZETTEER_PATH, default_gazetteer

from .conftest import FakeTagger

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
SMALL_TOWN = "تدور اشتباكات في محيط مدينة تلبيسة في ريف حمص، وتسيطر الفصائل على تلبيسة منذ 2012."
ADJECTIVE_NOT_COUNTRY = "قالت الحكومة السعودية إن الأراضي السعودية آمنة."
JORDAN_STORY = "وصل الوزير إلى عمان قادما من الأردن."
OMAN_STORY = "زار الوزير سلطنة عمان ثم عمان."
COMMON_WORD_CITIES = "ظهرت صور جديدة. وقال خبر سار إن هوية الرجل معروفة."


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_file_is_small_and_attributes_geonames():
    head = GAZETTEER_PATH.read_text(encoding="utf-8")[:400]
    assert "GeoNames" in head and "CC BY 4.0" in head
    assert GAZETTEER_PATH.stat().st_size < 5_000_000


def test_gazetteer_rejects_persian_urdu_and_uyghur_spellings():
    build = _build_script()
    assert build.is_arabic_name("تلبيسة")
    assert not build.is_arabic_name("ماسکو")  # Persian kaf
    assert not build.is_arabic_name("عمان شہر")  # Urdu heh goal
    assert not build.is_arabic_name("ءابيتان قالاشىعى")  # Uyghur
    keys = default_gazetteer().by_key
    assert not any(set(k) & set("پچژگکیۀ") for k in keys)


@pytest.mark.parametrize("name", ["سوريا", "موسكو", "الاردن", "حلب", "حمص", "حماه", "تلبيسه", "فيينا"])
def test_gazetteer_resolves_seed_places_with_coordinates(name):
    place = default_gazetteer().resolve(name, Counter({"SY": 3}))
    assert place is not None and place.lat is not None and place.lon is not None and place.geonames_id


def test_gazetteer_prefers_the_capital_over_a_bigger_context_free_namesake():
    assert default_gazetteer().resolve("موسكو", Counter({"US": 1})).country == "RU"


def test_gazetteer_uses_story_countries_to_disambiguate(doc_factory):
    jordan = process(doc_factory(JORDAN_STORY), tagger=FakeTagger({"عمان": "LOC"}))
    amman = next(e for e in jordan.entities if e["text"] == "عمان")
    assert amman["country"] == "JO"
    oman = process(doc_factory(OMAN_STORY), tagger=FakeTagger({}))
    assert {e["country"] for e in oman.entities if e["type"] == "LOC"} == {"OM"}


def test_gazetteer_small_town_needs_a_designator_then_propagates(doc_factory):
    doc = process(doc_factory(SMALL_TOWN), tagger=FakeTagger({}))
    towns = [e for e in doc.entities if e["text"] == "تلبيسة"]
    assert len(towns) == 2 and {e["origin"] for e in towns} == {"gazetteer", "propagated"}
    assert towns[0]["country"] == "SY" and towns[0]["id"] == towns[1]["id"]


def test_gazetteer_skips_nisba_adjectives_and_common_words(doc_factory):
    assert process(doc_factory(ADJECTIVE_NOT_COUNTRY), tagger=FakeTagger({})).entities == []
    assert process(doc_factory(COMMON_WORD_CITIES), tagger=FakeTagger({})).entities == []


COORDINATED_TOWNS = "سيطرت القوات على حمص وتلبيسة والبريقة."


def test_gazetteer_weak_place_joins_a_coordinated_place(doc_factory):
    doc = process(doc_factory(COORDINATED_TOWNS), tagger=FakeTagger({}))
    assert [(e["text"], e["origin"]) for e in doc.entities] == [
        ("حمص", "gazetteer"), ("تلبيسة", "gazetteer"), ("البريقة", "gazetteer")]
    assert doc.entities[2]["country"] == "LY"  # the Libyan oil port, not the Yemeni village


AMMAN_BY_ADJECTIVE = "التقى وزير الخارجية المصري نظيره الأردني في عمان لبحث التطورات."
TRIPOLI_LEBANON = "وقعت اشتباكات في طرابلس بين أنصار الأحزاب اللبنانية."


def test_gazetteer_nationality_adjectives_vote_for_a_country(doc_factory):
    amman = process(doc_factory(AMMAN_BY_ADJECTIVE), tagger=FakeTagger({"عمان": "LOC"})).entities
    assert [(e["text"], e["country"]) for e in amman if e["type"] == "LOC"] == [("عمان", "JO")]
    tripoli = process(doc_factory(TRIPOLI_LEBANON), tagger=FakeTagger({"طرابلس": "LOC"})).entities
    assert [e["country"] for e in tripoli] == ["LB"]


REGIONS_AND_VARIANTS = "جولة في الشرق الأوسط شملت الولايات المتحدة الأمريكية والخرطوم."


def test_gazetteer_regions_cldr_cities_and_preferred_names(doc_factory):
    doc = process(doc_factory(REGIONS_AND_VARIANTS), tagger=FakeTagger({}))
    found = {e["text"]: e for e in doc.entities}
    assert found["الشرق الأوسط"]["lat"] is not None and found["الشرق الأوسط"]["country"] is None
    assert found["الولايات المتحدة الأمريكية"]["canonical"] == "الولايات المتحدة"  # CLDR's name
    assert found["الخرطوم"]["country"] == "SD"  # CLDR exemplar city; GeoNames has no Arabic name


SOUTHERN_COUNTRIES = "زار رئيس جنوب أفريقيا جوبا عاصمة جنوب السودان، ثم قصفت الطائرات جنوب سوريا."


def test_gazetteer_a_country_named_by_a_direction_keeps_it(doc_factory):
    doc = process(doc_factory(SOUTHERN_COUNTRIES), tagger=FakeTagger({}))
    found = {e["text"]: e.get("country") for e in doc.entities if e["type"] == "LOC"}
    assert found["جنوب أفريقيا"] == "ZA" and found["جنوب السودان"] == "SS"
    assert "جنوب سوريا" not in found and found["سوريا"] == "SY"  # a direction, not a name


AIRPORT_AND_CITY = "هبطت الطائرة في مطار الحديدة ثم توجه الوفد إلى الحديدة."


def test_gazetteer_facility_takes_coordinates_not_identity_of_its_town(doc_factory):
    doc = process(doc_factory(AIRPORT_AND_CITY), tagger=FakeTagger({}))
    airport, city = doc.entities
    assert (airport["text"], city["text"]) == ("مطار الحديدة", "الحديدة")
    assert airport["lat"] == city["lat"] and airport["country"] == "YE"
    assert airport["id"] != city["id"] and airport["geonames_id"] == city["geonames_id"]
