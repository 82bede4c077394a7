"""Schemas are the single source of truth; the stage table is consistent with them."""

from __future__ import annotations

import pytest

from khabar import schemas, topics
from khabar.errors import SchemaError, StageOrderError
from khabar.stages import STAGES, Stage, check_order, get_stage

pytestmark = pytest.mark.unit


def test_every_topic_has_a_valid_schema():
    for topic in topics.ALL_TOPICS:
        assert schemas.validator(topic) is not None


def test_schema_enums_are_the_contract():
    assert schemas.enum("entity_type") == ("PER", "LOC", "ORG", "MISC")
    assert set(schemas.enum("approx")) == {"exact", "about", "gt", "gte", "lt", "lte", "range"}
    assert {"casualties", "attack", "statement", "agreement", "meeting", "offensive", "arrest",
            "displacement"} <= set(schemas.enum("event_type"))
    assert "identifier" in schemas.enum("quantity_kind")


def test_raw_schema_rejects_empty_text_and_missing_id():
    schemas.validate(topics.RAW, {"id": "a", "text": "خبر"})
    with pytest.raises(SchemaError, match="story a"):
        schemas.validate(topics.RAW, {"id": "a", "text": "   "})
    with pytest.raises(SchemaError):
        schemas.validate(topics.RAW, {"text": "خبر"})


def test_stages_chain_topics_in_order():
    assert STAGES[0].input_topic == topics.RAW
    assert STAGES[-1].output_topic == topics.EVENTS
    for before, after in zip(STAGES, STAGES[1:], strict=False):
        assert before.output_topic == after.input_topic
    assert [s.name for s in STAGES] == ["normalize", "tag", "quantify", "assemble"]


def test_check_order_refuses_reading_unwritten_layer():
    with pytest.raises(StageOrderError):
        check_order([get_stage("tag"), get_stage("normalize")])
    bogus = Stage("x", "khabar.tag.core:process", topics.RAW, topics.TAGGED, needs=("events",), adds=())
    with pytest.raises(StageOrderError):
        check_order([*STAGES[:1], bogus])
