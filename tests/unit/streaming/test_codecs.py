"""Every topic carries raw bytes: what a producer sends is exactly what a shell reads.

`agent.test_context()` hands values to the agent without the topic's deserializer, so
the codec round trip is proven here, on the topics the shells actually declare.
"""

from __future__ import annotations

import orjson
import pytest

from khabar import schemas, topics
from khabar.pipeline import DeadLetter
from khabar.runner import process_story
from khabar.settings import Settings
from khabar.stages import STAGES, get_stage
from khabar.streaming.app_factory import create_app, raw_topic

pytestmark = pytest.mark.unit

#: Bytes that are not UTF-8 at all: the DLQ must still get them back unchanged.
NOT_UTF8 = b"\xff\xfe\x00\xd8 \xd9\x82\xd8\xb5\xd9"
#: Tatweel, Eastern digits, an emoji and a clitic in one key.
UGLY_KEY = "قـــصف-٣٣-🔥-وبغداد".encode()


def documents_by_topic(story: dict) -> dict[str, bytes]:
    """A real document for every topic: the seed story after each stage, a dead letter, an assembled event."""
    docs = {topics.RAW: story}
    for i, stage in enumerate(STAGES, start=1):
        docs[stage.output_topic] = process_story(story, STAGES[:i])
    letter = DeadLetter("tag", "not_json", "not valid UTF-8 JSON", NOT_UTF8)
    docs[topics.DLQ] = letter.to_dict(topics.NORMALIZED, 0, 7)
    seen = "2018-02-23T10:37:34+00:00"
    docs[topics.ASSEMBLED] = {"event_id": "e1", "type": schemas.enum("event_type")[0],
                              "mentions": [{"story_id": story["id"]}], "first_seen": seen, "last_seen": seen}
    return {topic: orjson.dumps(doc) for topic, doc in docs.items()}


def decode(app, topic, wire_key: bytes, wire_value: bytes) -> tuple[bytes, bytes]:
    """What a consumer of `topic` hands the agent: the topic's own key and value deserializers."""
    key = app.serializers.loads_key(topic.key_type, wire_key, serializer=topic.key_serializer)
    value = app.serializers.loads_value(topic.value_type, wire_value, serializer=topic.value_serializer)
    return key, value


def encode(topic, key: bytes, value: bytes) -> tuple[bytes, bytes]:
    """What a producer to `topic` puts on the wire."""
    return topic.prepare_key(key, None)[0], topic.prepare_value(value, None)[0]


@pytest.fixture(scope="module")
def encoded_documents(seed_story) -> dict[str, bytes]:
    return documents_by_topic(seed_story)


@pytest.fixture(scope="module")
def codec_app():
    return create_app(get_stage("tag"), Settings(topic_prefix="codec-"))


@pytest.mark.parametrize("topic_name", topics.ALL_TOPICS)
def test_topic_codec_round_trips_documents_byte_for_byte(codec_app, encoded_documents, topic_name):
    topic = raw_topic(codec_app, Settings(topic_prefix="codec-"), topic_name)
    value = encoded_documents[topic_name]
    wire = encode(topic, b"seed", value)
    assert wire == (b"seed", value)
    assert decode(codec_app, topic, *wire) == (b"seed", value)
    schemas.validate(topic_name, orjson.loads(value))


@pytest.mark.parametrize("payload", [NOT_UTF8, b"not json", b"", "{\"id\": \"\u0640\"}".encode()])
def test_topic_codec_passes_malformed_bytes_through_unchanged(codec_app, payload):
    topic = raw_topic(codec_app, Settings(), topics.RAW)
    assert decode(codec_app, topic, *encode(topic, b"k", payload)) == (b"k", payload)


def test_topic_codec_keeps_arabic_keys_exact(codec_app):
    topic = raw_topic(codec_app, Settings(), topics.RAW)
    assert decode(codec_app, topic, *encode(topic, UGLY_KEY, b"{}")) == (UGLY_KEY, b"{}")


def test_topic_name_carries_the_settings_prefix(codec_app):
    topic = raw_topic(codec_app, Settings(topic_prefix="t-42-"), topics.EVENTS)
    assert topic.get_topic_name() == "t-42-khabar.events.v1"
