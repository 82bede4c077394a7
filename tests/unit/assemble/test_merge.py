"""Merge rules, event keys and the merged record, one rule per test (issue 6)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from khabar.assemble.merge import compatible, event_id_of, event_key, mention_record, merge

pytestmark = pytest.mark.unit

_IDS = itertools.count()


def mention(
    kind: str = "casualties",
    story: str = "a",
    version: int = 1,
    published_at: str | None = "2015-10-24",
    seen: str | None = None,
    **event: Any,
) -> dict[str, Any]:
    """A mention record of a hand-made event (only the fields the rule under test needs)."""
    base = {
        "id": f"{story}:ev:{next(_IDS)}",
        "type": kind,
        "actors": [],
        "evidence": [{"start": 0, "end": 1}],
        "killed": None,
        "injured": None,
        "location": None,
        "source": None,
        "speaker": None,
        "time": None,
    }
    base.update(event)
    record = mention_record({"id": story, "version": version, "published_at": published_at}, base, seen)
    record["event_id"] = event_id_of(event_key(record))
    return record


def place(text: str, **geo: Any) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text, **geo}


def killed(low: int, high: int | None = None) -> dict[str, Any]:
    return {"min": low, "max": high}


def test_rule_1_types_must_match():
    a = mention(location=place("حلب"), killed=killed(5, 5))
    assert not compatible(a, mention("attack", story="b", location=place("حلب")))


def test_rule_2_time_windows_must_overlap_within_a_day():
    a = mention(location=place("حلب"), published_at="2015-10-24")
    assert compatible(a, mention(story="b", location=place("حلب"), published_at="2015-10-25"))
    assert not compatible(a, mention(story="b", location=place("حلب"), published_at="2015-10-28"))
    assert compatible(a, mention(story="b", location=place("حلب"), published_at=None))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("محافظة حلب", "حلب", True),
        ("محافظة حلب", "ريف حلب الجنوبي", True),
        ("ريف حلب الجنوبي", "ريف حلب الجنوب الشرقي", False),
        ("حلب", "حمص", False),
        ("مطار كويرس العسكري", "محيط مطار كويرس", True),
    ],
)
def test_rule_3_same_or_contained_place(first, second, same):
    assert compatible(mention(location=place(first)), mention(story="b", location=place(second))) is same


def test_rule_3_geonames_ids_decide_over_spelling():
    a = mention(location=place("حلب", geonames_id=170063))
    assert compatible(a, mention(story="b", location=place("مدينة حلب", geonames_id=170063)))
    assert not compatible(a, mention(story="b", location=place("حلب", geonames_id=1)))


def test_rule_3_located_types_need_places_across_stories():
    assert not compatible(mention(killed=killed(5, 5)), mention(story="b", killed=killed(5, 5)))
    assert compatible(mention(killed=killed(5, 5)), mention(killed=killed(5, 5)))  # one story, same figure


def test_rule_4_victim_groups_and_breakdown_parts():
    total = mention(location=place("حلب"), victims=["is", "rebels", "regime"], killed=killed(60))
    part = mention(location=place("حلب"), victims=["is"], killed=killed(28))
    assert not compatible(total, part)
    same_groups = mention(
        story="b", location=place("حلب"), victims=["is", "rebels", "regime"], killed=killed(62)
    )
    assert compatible(total, same_groups)
    part["part_of_mention"] = total["mention_id"]
    part["victims"] = []
    assert not compatible(total, part)


def test_rule_4_attackers_must_overlap_when_both_are_named():
    def strike(story: str, key: str | None) -> dict[str, Any]:
        actors = [{"text": key, "role": "attacker", "key": key}] if key else []
        return mention("attack", story=story, subtype="air_strike", location=place("دوما"), actors=actors)

    assert compatible(strike("a", "ru_forces"), strike("b", None))
    assert not compatible(strike("a", "ru_forces"), strike("b", "il_army"))


def test_rule_4_statements_need_the_speaker_and_similar_content():
    def said(story: str, speaker: str, content: str) -> dict[str, Any]:
        return mention(
            "statement",
            story=story,
            speaker={"text": speaker},
            content={"start": 0, "end": len(content), "text": content},
        )

    lead = said("a", "سيرجي لافروف", "أن بلاده مستعدة لدعم الجيش السوري الحر بضربات جوية")
    other_lead = said("b", "سيرغي لافروف", "ان القوات الجوية الروسية مستعدة لتقديم غطاء للجيش السوري الحر")
    assert compatible(lead, other_lead)
    assert not compatible(lead, said("b", "لافروف", "ان الغربيين يتجهون نحو فهم أفضل للوضع"))
    assert not compatible(lead, said("b", "جون كيري", "أن بلاده مستعدة لدعم الجيش السوري الحر بضربات جوية"))


def test_rule_4_agreements_need_a_shared_party():
    def agreed(story: str, *parties: str) -> dict[str, Any]:
        return mention(
            "agreement", story=story, actors=[{"text": p, "role": "party", "key": p} for p in parties]
        )

    assert compatible(agreed("a", "روسيا", "الاردن"), agreed("b", "الأردن"))
    assert not compatible(agreed("a", "روسيا", "الاردن"), agreed("b", "تركيا"))


def test_rule_5_figures_must_agree_within_a_story_not_across():
    a = mention(location=place("حلب"), killed=killed(40, 40))
    assert not compatible(a, mention(location=place("حلب"), killed=killed(60)))
    assert compatible(a, mention(story="b", location=place("حلب"), killed=killed(60)))


def test_event_key_is_story_independent_when_robust_and_story_bound_otherwise():
    a = mention(location=place("محافظة حلب"), victims=["regime"])
    b = mention(story="b", location=place("محافظة حلب"), victims=["regime"])
    assert event_key(a) == event_key(b) and a["event_id"] == b["event_id"]
    loose_a, loose_b = mention(published_at=None), mention(story="b", published_at=None)
    assert event_key(loose_a) != event_key(loose_b)


def test_merge_is_order_independent_and_keeps_history():
    reports = [
        mention(
            story="afp",
            location=place("دوما"),
            killed=killed(40, 40),
            source={"text": "المرصد"},
            seen="2018-04-07T20:00",
        ),
        mention(
            story="rtr",
            location=place("دوما"),
            killed=killed(70, 70),
            source={"text": "الدفاع المدني"},
            seen="2018-04-08T09:00",
        ),
        mention(
            story="afp",
            version=2,
            location=place("دوما"),
            killed=killed(48, 48),
            source={"text": "المرصد"},
            seen="2018-04-08T10:00",
        ),
    ]
    records = []
    for order in itertools.permutations(reports):
        state = None
        for m in order:
            state = merge(state, m)
        records.append(state["record"])
    assert all(r == records[0] for r in records)
    record = records[0]
    assert record["killed"] == {"min": 48, "max": 48}  # most recent attributed figure
    assert [(h["story_id"], h["version"]) for h in record["history"]] == [("afp", 1), ("rtr", 1), ("afp", 2)]
    assert record["revisions"][0]["from"] == {"min": 70, "max": 70}
    assert "lower than" in record["revisions"][0]["reason"]
    assert [m["story_id"] for m in record["mentions"]] == ["rtr", "afp"]  # afp v1 superseded by v2


def test_most_recent_attributed_figure_beats_a_newer_unattributed_one():
    state = merge(
        None,
        mention(
            location=place("كابل"),
            killed=killed(25, 25),
            source={"text": "وزارة الصحة"},
            seen="2018-08-15T10:00",
        ),
    )
    state = merge(
        state, mention(story="b", location=place("كابل"), killed=killed(30, 30), seen="2018-08-15T11:00")
    )
    assert state["record"]["killed"] == {"min": 25, "max": 25}
