"""`khabar ingest`, `khabar tail` and the topic admin against the real broker, no workers."""

from __future__ import annotations

import subprocess

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from tests.kafka.conftest import BIN, TopicReader, produce, read_until

from khabar import topics
from khabar.streaming.admin import ensure_topics

pytestmark = [pytest.mark.kafka]

#: Three stdin lines: a wire story with an RFC 2822 date, a broken line, a second story.
STDIN_LINES = [
    orjson.dumps({"id": "sk-1", "text": "قُتل ٣ أشخاص في حلب.", "date": "Fri, 23 Feb 2018 10:37:34 GMT"}),
    b'{"id": "sk-2", "text": ',
    orjson.dumps({"id": "sk-3", "text": "وصل وزير الخارجية إلى بغداد."}),
]


def khabar(space, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "khabar"), *args], env=space.env, input=stdin, capture_output=True,
                          timeout=60)


async def test_ingest_stdin_publishes_stories_keyed_by_id_and_names_bad_lines(kafka_space_factory):
    space = await kafka_space_factory("ingest")
    done = khabar(space, "ingest", "-", stdin=b"\n".join(STDIN_LINES) + b"\n")
    assert done.returncode == 0, done.stderr
    assert b"-:2: not_json:" in done.stderr
    assert b"2 stories published, 1 lines rejected" in done.stderr
    async with TopicReader(space, topics.RAW) as raw:
        await read_until(lambda: len(raw.records) >= 2, [raw], 30)
    stories = {record.key: orjson.loads(record.value) for record in raw.records}
    assert set(stories) == {b"sk-1", b"sk-3"}
    assert stories[b"sk-1"]["published_at"] == "2018-02-23T10:37:34+00:00"


async def test_ingest_missing_file_fails_without_a_traceback(kafka_space_factory):
    space = await kafka_space_factory("ingest-missing")
    done = khabar(space, "ingest", str(space.workdir / "nope.jsonl"))
    assert done.returncode == 1
    assert b"input file not found" in done.stderr and b"Traceback" not in done.stderr


async def test_tail_prints_each_value_on_its_own_line(kafka_space_factory):
    space = await kafka_space_factory("tail")
    values = [orjson.dumps({"id": f"e{i}", "text": "خبر"}) for i in range(3)]
    await produce(space, topics.EVENTS, [(b"e", value) for value in values])  # one key, so one partition
    done = khabar(space, "tail", topics.EVENTS, "--from-beginning", "--max", "3")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == values


async def test_tail_stops_after_idle_timeout_on_an_empty_topic(kafka_space_factory):
    space = await kafka_space_factory("tail-idle")
    done = khabar(space, "tail", topics.DLQ, "--from-beginning", "--timeout", "1")
    assert (done.returncode, done.stdout) == (0, b"")


async def test_ensure_topics_is_idempotent_and_compacts_assembled(kafka_space_factory):
    space = await kafka_space_factory("admin")  # the factory already created every topic
    assert await ensure_topics(space.settings) == []
    admin = AIOKafkaAdminClient(bootstrap_servers=space.settings.bootstrap_servers)
    await admin.start()
    try:
        described = await admin.describe_topics([space.topic(name) for name in topics.ALL_TOPICS])
        [configs] = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, space.topic(topics.ASSEMBLED))])
    finally:
        await admin.close()
    assert {len(topic["partitions"]) for topic in described} == {space.settings.partitions}
    entries = {entry[0]: entry[1] for entry in configs.resources[0][4]}
    assert entries["cleanup.policy"] == "compact"
