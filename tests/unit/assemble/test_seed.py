"""The seed story through the whole embedded pipeline: the events issue 6 names as "done when".

These tests read ../shared (never copied into the repo) and depend on the tag stage (places,
people) and the quantify stage (figures, dates, the 24-hour window) as well as on assemble:
a failure here may come from any of the three, and the message names the event that is wrong.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from tests.conftest import SHARED

from khabar.assemble.assembler import Assembler
from khabar.runner import process_story

pytestmark = pytest.mark.unit

SEED_EVENT_F1_FLOOR = 0.9


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> dict[str, Any]:
    return process_story({"id": "seed", "text": seed_text})


def of_type(doc: dict[str, Any], kind: str, subtype: str | None = None) -> list[dict[str, Any]]:
    return [
        e for e in doc["events"] if e["type"] == kind and (subtype is None or e.get("subtype") == subtype)
    ]


def place(event: dict[str, Any]) -> str:
    return (event.get("location") or {}).get("text", "")


def test_seed_total_casualties_in_aleppo_over_24_hours_with_three_parts(seed_doc):
    events = seed_doc["events"]
    (total,) = [e for e in of_type(seed_doc, "casualties") if "breakdown" in e]
    assert total["killed"] == {"min": 60, "max": None} and "حلب" in place(total)
    assert total["time"]["text"] == "الساعات الاربع والعشرين"
    assert total["source"]["text"] == "المرصد السوري لحقوق الانسان"
    parts = [events[i] for i in total["breakdown"]["parts"]]
    assert [(p["killed"]["min"], p["victims"]) for p in parts] == [
        (28, ["is"]),
        (21, ["regime"]),
        (16, ["rebels"]),
    ]
    assert all(p["part_of"] == events.index(total) and "المرصد" in p["source"]["text"] for p in parts)
    assert "خناصر" in place(parts[0]) and place(parts[2]) == "ريف حلب الجنوبي"
    assert total["breakdown"]["sum"] == {"min": 65, "max": None} and total["breakdown"]["agrees"]


def test_seed_headline_total_is_a_second_mention_of_the_same_event(seed_doc):
    sixty = [e for e in of_type(seed_doc, "casualties") if e["killed"] == {"min": 60, "max": None}]
    assert len(sixty) == 2 and sixty[0]["event_id"] == sixty[1]["event_id"]


def test_seed_lavrov_leads_are_two_mentions_of_one_statement(seed_doc):
    first, second = of_type(seed_doc, "statement")[:2]
    assert "لافروف" in first["speaker"]["text"] and "لافروف" in second["speaker"]["text"]
    assert first["event_id"] == second["event_id"]
    assembler = Assembler()
    assembler.add(seed_doc)
    (record,) = [
        r for r in assembler.records.values() if first["id"] in {m["mention_id"] for m in r["mentions"]}
    ]
    assert second["id"] in {m["mention_id"] for m in record["mentions"]}


def test_seed_russia_jordan_coordination_agreement(seed_doc):
    parties = [[a["text"] for a in e["actors"]] for e in of_type(seed_doc, "agreement")]
    assert ["روسيا", "الاردن"] in parties


def test_seed_offensives_in_south_aleppo_and_north_homs_with_their_start_dates(seed_doc):
    found = {
        place(e): (e["time"].get("month"), e["time"].get("day"), [a["key"] for a in e["actors"]])
        for e in of_type(seed_doc, "offensive")
    }
    assert found == {"ريف حلب الجنوبي": (10, 16, ["regime"]), "ريف حمص الشمالي": (10, 15, ["regime"])}


def test_seed_road_cut_by_the_islamic_state(seed_doc):
    (attack,) = [e for e in of_type(seed_doc, "attack") if e.get("outcome")]
    assert attack["subtype"] == "suicide_bombing" and attack["outcome"]["text"] == "قطع هذه الطريق"
    assert [a["key"] for a in attack["actors"] if a["role"] == "attacker"] == ["is"]


def test_seed_air_strikes_with_their_places(seed_doc):
    places = [place(e) for e in of_type(seed_doc, "attack", "air_strike")]
    assert any("خناصر" in p for p in places)
    assert "ريف حلب الجنوبي" in places
    assert any("كويرس" in p for p in places)


def test_seed_event_f1_with_the_shared_scorer(seed_doc, capsys):
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    result = score.evaluate(score.load_jsonl(SHARED / "eval" / "seed_gold.jsonl"), [seed_doc])
    with capsys.disabled():
        print(f"\nseed events_f1={result['events_f1']:.4f}")
    assert result["events_f1"] >= SEED_EVENT_F1_FLOOR
