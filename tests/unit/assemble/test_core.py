"""The assemble core on hand-made documents: triggers, arguments, links and ids (issue 6)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.unit.assemble.conftest import cardinal, loc, make_doc

from khabar import schemas
from khabar.assemble import lexicon
from khabar.assemble.core import process
from khabar.doc import Doc, check_spans

pytestmark = pytest.mark.unit

# Sentences written for these tests, in wire style.
TOTAL_AND_PARTS = (
    "قتل اكثر من 60 عنصرا من قوات النظام والفصائل المقاتلة وتنظيم الدولة الاسلامية في محافظة حلب، "
    "وفق ما افاد المرصد السوري لحقوق الانسان.\n"
    "وافاد المرصد عن سقوط 28 قتيلا على الاقل من تنظيم الدولة الاسلامية قرب بلدة خناصر.\n"
    "واسفرت الاشتباكات عن مقتل 21 عنصرا على الاقل من قوات النظام، بحسب المرصد.\n"
    "وافاد المرصد عن مقتل 16 عنصرا من الفصائل المقاتلة في ريف حلب الجنوبي."
)
KILLED_AND_INJURED = "مقتل 6 فلسطينيين وإصابة 192 آخرين برصاص الجيش الإسرائيلي شرق مدينة غزة."
SUBSET = "قتل 14 شخصا بينهم 4 أطفال في قصف على بلدة سقبا."
STRIKE_WITH_PLACE = "شنت طائرات التحالف العربي غارات على مدينة الحديدة فجر الأحد."
HYPOTHETICAL = "أعلن الوزير أن بلاده مستعدة لدعم المعارضة بضربات جوية."
CLASH_AS_CAUSE = "قتل 5 مدنيين جراء الاشتباكات في مدينة درعا."
CLASH_REPORTED = "وتدور اشتباكات عنيفة بين قوات النظام والفصائل المقاتلة في محيط مدينة تلبيسة."
STATEMENTS = 'قال وزير الخارجية الروسي سيرغي لافروف ان بلاده مستعدة للحوار.\nواضاف "نحن ندعم الحل السياسي".'
QUOTED_VERB = 'وقال بولتون: "لقد قال الرئيس مرارا أنه مصمم على ذلك".'
AGREEMENT = "أعلنت الحكومة الجمعة عن اتفاق بين روسيا والاردن لتنسيق الغارات."
BACKGROUND_AGREEMENT = "وانتقد الرئيس الاتفاق النووي مرة أخرى."
MEETING = "والتقى لافروف نظيره الاميركي جون كيري في فيينا."
OFFENSIVE = "ويأتي ذلك في اطار الهجوم البري الذي بدأه الجيش السوري في ريف حمص الشمالي في 15 تشرين الاول."
ARREST = "اعتقلت الشرطة 6 أشخاص على الأقل في مدينة طهران."
DISPLACEMENT_WITHOUT_FIGURE = "وتسبب القصف في نزوح السكان من المدينة."


def kinds(doc: Doc) -> list[str]:
    return [e["type"] for e in doc.events]


def only(doc: Doc, kind: str) -> dict:
    found = [e for e in doc.events if e["type"] == kind]
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in doc.events]
    return found[0]


def test_core_imports_no_faust_or_aiokafka():
    code = (
        "import sys, khabar.assemble.core, khabar.assemble.table, khabar.assemble.assembler; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('faust', 'aiokafka')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_subtypes_and_roles_are_the_schema_enums():
    subtypes = {subtype for _, _, subtype in lexicon.INCIDENT_TRIGGERS} | {None}
    assert subtypes <= set(schemas.enum("event_subtype"))
    roles = {"victim", "perpetrator", "attacker", "target", "agent", "party", "speaker"}
    assert set(schemas.enum("actor_role")) == roles


def test_process_survives_empty_layers_and_missing_tokens():
    assert process(Doc(id="e", text="خبر بلا أحداث.")).events == []
    doc = process(Doc(id="e", text="قتل 3 أشخاص في غارة على بلدة سراقب."))
    assert [(e["type"], e["killed"]) for e in doc.events] == [
        ("casualties", {"min": 3, "max": 3}),
        ("attack", None),
    ]


def test_casualties_bounds_come_from_the_quantify_layer():
    doc = process(
        make_doc(
            TOTAL_AND_PARTS,
            [("حلب", loc(geonames_id=170063, lat=36.2, lon=37.16, country="SY"))],
            [
                ("اكثر من 60", cardinal(60, "gt", "عنصر")),
                ("28 قتيلا على الاقل", cardinal(28, "gte", "قتيل")),
                ("21 عنصرا على الاقل", cardinal(21, "gte", "عنصر")),
                ("16", cardinal(16, unit="عنصر")),
            ],
        )
    )
    figures = [e["killed"] for e in doc.events if e["type"] == "casualties"]
    assert figures == [
        {"min": 60, "max": None},
        {"min": 28, "max": None},
        {"min": 21, "max": None},
        {"min": 16, "max": 16},
    ]


def test_breakdown_parts_point_to_their_total_and_the_sum_is_checked():
    doc = process(make_doc(TOTAL_AND_PARTS))
    casualties = [(i, e) for i, e in enumerate(doc.events) if e["type"] == "casualties"]
    (total_i, total), parts = casualties[0], [e for _, e in casualties[1:]]
    assert [p.get("part_of") for p in parts] == [total_i] * 3
    assert total["victims"] == ["is", "rebels", "regime"]
    assert total["breakdown"]["sum"] == {"min": 65, "max": None}
    assert total["breakdown"]["agrees"] and total["breakdown"]["complete"]


def test_attributed_source_from_wfq_and_from_an_absorbed_reporting_verb():
    doc = process(make_doc(TOTAL_AND_PARTS))
    sources = [e["source"]["text"] for e in doc.events if e["type"] == "casualties"]
    assert sources == ["المرصد السوري لحقوق الانسان", "المرصد", "المرصد", "المرصد"]
    assert "statement" not in kinds(doc)  # "وافاد المرصد عن سقوط ..." is attribution, not a statement


def test_killed_and_injured_of_one_clause_are_one_report_with_perpetrator():
    event = only(process(make_doc(KILLED_AND_INJURED, [("غزة", loc())])), "casualties")
    assert (event["killed"], event["injured"]) == ({"min": 6, "max": 6}, {"min": 192, "max": 192})
    assert event["location"]["text"] == "شرق مدينة غزة"
    assert [a["text"] for a in event["actors"] if a["role"] == "perpetrator"] == ["الجيش الإسرائيلي"]


def test_subset_after_baynahum_is_not_an_event():
    doc = process(make_doc(SUBSET))
    assert [e["killed"] for e in doc.events if e["type"] == "casualties"] == [{"min": 14, "max": 14}]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("قتل جندي إسرائيلي في هجوم قرب مدينة نابلس.", {"min": 1, "max": 1}),
        ("وقالت القوات إن جنديين تركيين قتلا في انفجار عبوة ناسفة.", {"min": 2, "max": 2}),
        ("وأسفر القصف عن مصرع عشرات الحوثيين.", None),
    ],
)
def test_casualties_without_a_number(text, killed):
    assert only(process(make_doc(text)), "casualties")["killed"] == killed


def test_location_carries_geonames_coordinates():
    geo = {"geonames_id": 79415, "lat": 14.79, "lon": 42.95, "country": "YE"}
    event = only(process(make_doc(STRIKE_WITH_PLACE, [("الحديدة", loc(**geo))])), "attack")
    start = STRIKE_WITH_PLACE.index("مدينة الحديدة")
    assert event["location"] == {"start": start, "end": start + 13, "text": "مدينة الحديدة", **geo}
    assert event["subtype"] == "air_strike"
    assert [(a["text"], a["key"]) for a in event["actors"] if a["role"] == "attacker"] == [
        ("التحالف العربي", "coalition_ar")
    ]


def test_time_window_from_a_duration_and_published_at():
    text = "قتل 9 جنود خلال الساعات الاربع والعشرين الاخيرة في ولاية غزني."
    duration = {"kind": "duration", "value": 24, "min": None, "max": None, "approx": "exact", "unit": "hour"}
    doc = process(
        make_doc(
            text,
            quantities=[("9", cardinal(9)), ("الساعات الاربع والعشرين", duration)],
            published_at="2018-04-23T08:00:00Z",
        )
    )
    time = only(doc, "casualties")["time"]
    assert (time["text"], time["from"], time["to"]) == ("الساعات الاربع والعشرين", "2018-04-22", "2018-04-23")


def test_hypothetical_strikes_and_clashes_as_a_cause_are_not_attacks():
    assert "attack" not in kinds(process(make_doc(HYPOTHETICAL)))
    assert kinds(process(make_doc(CLASH_AS_CAUSE))) == ["casualties"]
    assert only(process(make_doc(CLASH_REPORTED)), "attack")["subtype"] == "clash"


def test_statement_speaker_content_and_continuation():
    doc = process(make_doc(STATEMENTS, [("سيرغي لافروف", {"type": "PER"})]))
    first, second = doc.events
    assert first["speaker"]["text"] == "سيرغي لافروف" and first["verb"] == "قال"
    assert first["content"]["text"] == "ان بلاده مستعدة للحوار."
    assert second["speaker"]["text"] == "سيرغي لافروف" and second["continuation"]


def test_reporting_verb_inside_a_quote_is_not_a_new_statement():
    assert kinds(process(make_doc(QUOTED_VERB))) == ["statement"]


def test_agreement_needs_a_concluding_verb_or_its_parties():
    event = only(process(make_doc(AGREEMENT, [("روسيا", loc()), ("الاردن", loc())])), "agreement")
    assert [a["text"] for a in event["actors"]] == ["روسيا", "الاردن"]
    assert "agreement" not in kinds(process(make_doc(BACKGROUND_AGREEMENT)))


def test_meeting_parties_and_place():
    doc = process(
        make_doc(MEETING, [("لافروف", {"type": "PER"}), ("جون كيري", {"type": "PER"}), ("فيينا", loc())])
    )
    event = only(doc, "meeting")
    assert [a["text"] for a in event["actors"]] == ["لافروف", "جون كيري"] and event["location"][
        "text"
    ] == "فيينا"


def test_offensive_needs_a_named_actor_and_keeps_its_start_date():
    date = {
        "kind": "date",
        "value": None,
        "min": None,
        "max": None,
        "approx": "exact",
        "unit": None,
        "month": 10,
        "day": 15,
    }
    event = only(
        process(make_doc(OFFENSIVE, [("حمص", loc())], [("15 تشرين الاول", date)], published_at="2015-10-24")),
        "offensive",
    )
    assert [a["text"] for a in event["actors"]] == ["الجيش السوري"]
    assert event["location"]["text"] == "ريف حمص الشمالي"
    assert (event["time"]["from"], event["time"]["to"]) == ("2015-10-15", "2015-10-15")


def test_arrest_figure_and_displacement_needs_one():
    event = only(
        process(make_doc(ARREST, quantities=[("6 أشخاص على الأقل", cardinal(6, "gte", "شخص"))])), "arrest"
    )
    assert event["arrested"] == {"min": 6, "max": None}
    assert "displacement" not in kinds(process(make_doc(DISPLACEMENT_WITHOUT_FIGURE)))


def test_every_span_is_exact_and_ids_are_deterministic(seed_text):
    first = process(make_doc(seed_text, doc_id="seed")).to_dict()
    again = process(make_doc(seed_text, doc_id="seed")).to_dict()
    assert check_spans(first) == []
    assert [e["id"] for e in first["events"]] == [e["id"] for e in again["events"]]
    assert [e["event_id"] for e in first["events"]] == [e["event_id"] for e in again["events"]]
    assert len({e["id"] for e in first["events"]}) == len(first["events"])
    assert all(0 <= e["confidence"] <= 1 and e["evidence"] for e in first["events"])
