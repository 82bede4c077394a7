"""The tag core end to end: the seed story's entities, the layer contract, purity."""

from __future__ import annotations

import subprocess
import sys

import pytest

from khabar import schemas, topics
from khabar.doc import Doc, check_spans
from khabar.normalize.core import process as normalize
from khabar.tag import core
from khabar.tag.core import _PRIORITY, process

from .conftest import FakeTagger

pytestmark = pytest.mark.unit

UGLY = "ـــ  وَبِغدادَ 😀 ٢٠٢٤ «الأمم المتحدة» ولسوريا!!"


@pytest.fixture(scope="module")
def seed_doc(seed_text):
    return process(normalize(Doc(id="seed", text=seed_text)))


def _surfaces(doc, typ):
    return {e["text"] for e in doc.entities if e["type"] == typ}


def test_core_seed_people_places_organisations(seed_doc):
    assert {"سيرجي لافروف", "سيرغي لافروف", "لافروف", "بشار الاسد", "جون كيري"} <= _surfaces(seed_doc, "PER")
    assert {"سوريا", "موسكو", "الاردن", "حلب", "حمص", "حماة", "تلبيسة", "فيينا"} <= _surfaces(seed_doc, "LOC")
    orgs = _surfaces(seed_doc, "ORG")
    assert {"الجيش السوري الحر", "المرصد السوري لحقوق الانسان"} <= orgs
    assert "تنظيم الدولة الاسلامية" in orgs


def test_core_seed_places_carry_coordinates(seed_doc):
    for name in ("سوريا", "موسكو", "الاردن", "حلب", "حمص", "حماة", "تلبيسة", "فيينا"):
        place = next(e for e in seed_doc.entities if e["text"] == name)
        assert place["lat"] is not None and place["lon"] is not None and place["geonames_id"], name
    assert {e["country"] for e in seed_doc.entities if e["text"] in ("حلب", "حمص", "تلبيسة")} == {"SY"}


def test_core_seed_lavrov_spellings_share_one_entity(seed_doc):
    ids = {e["id"] for e in seed_doc.entities if "لافروف" in e["text"]}
    assert len(ids) == 1


def test_core_output_is_a_valid_tagged_document(seed_doc):
    seed_doc.mark_layer("entities", "tag", "test")
    document = seed_doc.to_dict()
    assert check_spans(document) == []
    schemas.validate(topics.TAGGED, document)


def test_core_ids_are_deterministic(seed_text, seed_doc):
    again = process(normalize(Doc(id="seed", text=seed_text)))
    assert again.entities == seed_doc.entities


def test_core_ugly_input_keeps_exact_spans(doc_factory):
    doc = process(doc_factory(UGLY), tagger=FakeTagger({"وَبِغدادَ": "LOC"}))
    assert check_spans(doc.to_dict()) == []
    found = {(e["text"], e["type"]) for e in doc.entities}
    assert {("بِغدادَ", "LOC"), ("الأمم المتحدة", "ORG"), ("سوريا", "LOC")} <= found


def test_core_empty_document_gives_empty_layer(doc_factory):
    doc = process(doc_factory("…"), tagger=FakeTagger({}))
    assert doc.entities == []


def test_core_origins_equal_the_schema_enum():
    assert set(_PRIORITY) | {"propagated"} == set(schemas.enum("entity_origin"))


def test_core_does_not_import_the_streaming_stack():
    code = "import sys, khabar.tag.core; sys.exit(any(m in sys.modules for m in ('faust', 'aiokafka')))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
    assert core.process is process


@pytest.mark.parametrize(("text", "org"), [
    ("قال مسؤول إن حزب الله اللبناني رفض المبادرة.", "حزب الله"),
    ("وأعلنت حماس الفلسطينية موافقتها على الهدنة.", "حماس"),
])
def test_core_listed_organisation_drops_a_descriptive_nationality(text, org):
    orgs = _surfaces(process(normalize(Doc(id="x", text=text))), "ORG")
    assert org in orgs
    assert not any(o.endswith(("اللبناني", "الفلسطينية")) for o in orgs)


def test_core_official_nationality_adjective_stays():
    orgs = _surfaces(process(normalize(Doc(id="x", text="وقال الاتحاد الأوروبي إنه يدرس الطلب."))), "ORG")
    assert "الاتحاد الأوروبي" in orgs


@pytest.mark.parametrize("text", [
    "وأوصى مجلس الإدارة بتوزيع أرباح نقدية على المساهمين.",
    "وقال رئيس مجلس الأمناء إن الموازنة أقرت.",
])
def test_core_a_board_named_by_its_role_is_no_organisation(text):
    assert not any("مجلس" in org for org in _surfaces(process(normalize(Doc(id="x", text=text))), "ORG"))


def test_core_a_named_council_stays_an_organisation():
    doc = process(normalize(Doc(id="x", text="وعقد مجلس الأمن جلسة طارئة.")))
    assert "مجلس الأمن" in _surfaces(doc, "ORG")


def test_core_a_word_with_right_or_left_after_it_is_no_name():
    doc = process(normalize(Doc(id="x", text="وسدد اللاعب كرة قوية سكنت الزاوية اليمنى للحارس.")))
    assert "الزاوية" not in {e["text"] for e in doc.entities}
    town = process(normalize(Doc(id="y", text="ووصلت القوات إلى مدينة الزاوية غرب طرابلس.")))
    assert "الزاوية" in _surfaces(town, "LOC")


def test_core_a_listed_name_with_its_own_adjective_is_kept_whole():
    doc = process(normalize(Doc(id="x", text="وقالت القيادة المركزية الأميركية إنها رصدت الهجوم.")))
    orgs = _surfaces(doc, "ORG")
    assert "القيادة المركزية الأميركية" in orgs


def test_core_israeli_parties_are_organisations():
    orgs = _surfaces(process(normalize(Doc(id="x", text="وانتقد زعيم المعارضة حزب كاديما والليكود."))), "ORG")
    assert {"حزب كاديما", "الليكود"} <= orgs
