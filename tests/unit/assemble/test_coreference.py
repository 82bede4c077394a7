"""Within-story coreference: a later definite mention of an attack is folded into the first one."""

from __future__ import annotations

import pytest
from tests.unit.assemble.conftest import loc, make_doc

from khabar.assemble.core import process
from khabar.doc import check_spans

pytestmark = pytest.mark.unit

# Sentences written for these tests.
STRIKE_THEN_ANAPHOR = "شنت طائرات حربية غارة على مدينة سراقب صباح الأحد.\nوأدت الغارة إلى تدمير مبنى سكني."
STRIKE_THEN_RELATIVE = (
    "استهدف تفجير انتحاري سوقا في مدينة كابل.\nوقالت الشرطة إن الهجوم الذي استهدف السوق كان الأعنف هذا العام."
)
TWO_PLACES = "شنت طائرات حربية غارة على مدينة سراقب.\nواستهدفت الغارة الثانية مدينة حلب."
DUAL = "شنت طائرات حربية غارة على مدينة سراقب.\nوأدت الغارتين إلى تدمير مبنيين."


def attacks(text: str, entities=()) -> list[dict]:
    doc = process(make_doc(text, entities))
    assert check_spans(doc.to_dict()) == []
    return [e for e in doc.events if e["type"] == "attack"]


def test_a_definite_strike_later_in_the_story_is_the_strike_told_before():
    found = attacks(STRIKE_THEN_ANAPHOR, [("سراقب", loc())])
    assert len(found) == 1
    assert [s["text"] for s in found[0]["evidence"]] == ["غارة", "الغارة"]
    assert found[0]["location"]["text"].endswith("سراقب")


def test_a_relative_clause_anaphor_joins_the_bombing():
    found = attacks(STRIKE_THEN_RELATIVE, [("كابل", loc())])
    assert len(found) == 1 and found[0]["subtype"] == "suicide_bombing"
    assert "الهجوم" in [s["text"] for s in found[0]["evidence"]]


def test_a_different_place_or_a_count_keeps_the_mentions_apart():
    assert len(attacks(TWO_PLACES, [("سراقب", loc()), ("حلب", loc())])) == 2
    assert len(attacks(DUAL, [("سراقب", loc())])) == 2


def test_folding_is_deterministic_and_keeps_one_event_id_per_record():
    first = process(make_doc(STRIKE_THEN_ANAPHOR, [("سراقب", loc())])).events
    again = process(make_doc(STRIKE_THEN_ANAPHOR, [("سراقب", loc())])).events
    assert first == again
    ids = [e["event_id"] for e in first if e["type"] == "attack"]
    assert len(ids) == len(set(ids)) == 1
