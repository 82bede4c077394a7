"""The assemble stage's table agents without a broker: the same records as the embedded `Assembler`.

Driven through `agent.test_context()` with every `send` mocked; the tables are the app's own
(in memory). Kafka tests compare the real topics (tests/kafka/test_pipeline_kafka.py).
"""

from __future__ import annotations

import base64
import importlib
from types import SimpleNamespace
from unittest.mock import AsyncMock

import orjson
import pytest

from khabar import schemas, topics
from khabar.assemble.assembler import Assembler
from khabar.pipeline import DeadLetter
from khabar.runner import process_story
from khabar.streaming.assembly import arrival_time

pytestmark = pytest.mark.unit

#: 2015-10-24T09:00:00Z, when the seed story's version "reached khabar.events.v1".
ARRIVAL_S = 1445677200.0


@pytest.fixture
def assemble_app(monkeypatch) -> SimpleNamespace:
    module = importlib.import_module("khabar.assemble.app")
    sends = SimpleNamespace(buckets=AsyncMock(), assembled=AsyncMock(), dlq=AsyncMock())
    monkeypatch.setattr(module.buckets, "send", sends.buckets)
    monkeypatch.setattr(module.assembled, "send", sends.assembled)
    monkeypatch.setattr(module.dead_letters, "send", sends.dlq)
    return SimpleNamespace(module=module, sends=sends)


@pytest.fixture(scope="module")
def seed_document(seed_text) -> dict:
    return process_story({"id": "seed-assembly", "text": seed_text, "source": "AFP",
                          "published_at": "2015-10-24T08:30:00+00:00"})


def sent(mock: AsyncMock) -> list[tuple[bytes, bytes | None]]:
    return [(call.kwargs["key"], call.kwargs["value"]) for call in mock.await_args_list]


async def test_route_then_assemble_gives_the_embedded_records(assemble_app, seed_document):
    module, sends = assemble_app.module, assemble_app.sends
    async with module.route_mentions.test_context() as agent:
        await agent.put(orjson.dumps(seed_document), key=b"seed-assembly", timestamp=ARRIVAL_S)
        assert agent.results[0] == "seed-assembly"
    payloads = sent(sends.buckets)
    assert payloads, "the seed story has event mentions, so it touches at least one bucket"
    assert module.story_table["seed-assembly"]["version"] == 1

    async with module.assemble_events.test_context() as agent:
        for key, value in payloads:
            await agent.put(value, key=key)
    streamed = {key.decode(): orjson.loads(value) for key, value in sent(sends.assembled) if value}

    embedded = Assembler()
    embedded.add(seed_document, seen=arrival_time(int(ARRIVAL_S * 1000)))
    assert streamed == embedded.records
    for record in streamed.values():
        schemas.validate(topics.ASSEMBLED, record)
    sends.dlq.assert_not_awaited()


async def test_route_replayed_story_emits_no_new_records(assemble_app, seed_document):
    module, sends = assemble_app.module, assemble_app.sends
    document = {**seed_document, "id": "seed-replayed"}
    async with module.route_mentions.test_context() as agent:
        for _ in range(2):
            await agent.put(orjson.dumps(document), key=b"seed-replayed", timestamp=ARRIVAL_S)
    payloads = sent(sends.buckets)
    first, second = payloads[: len(payloads) // 2], payloads[len(payloads) // 2:]
    assert first and first == second
    async with module.assemble_events.test_context() as agent:
        for key, value in first:
            await agent.put(value, key=key)
        emitted = len(sends.assembled.await_args_list)
        for key, value in second:
            await agent.put(value, key=key)
    assert len(sends.assembled.await_args_list) == emitted  # the repeat changed nothing


async def test_route_turns_a_non_document_into_a_dead_letter(assemble_app):
    module, sends = assemble_app.module, assemble_app.sends
    async with module.route_mentions.test_context() as agent:
        await agent.put(b"\xd8\xae\xd8\xa8\xd8\xb1 {", key=b"broken")
        letter = agent.results[0]
    assert isinstance(letter, DeadLetter) and (letter.stage, letter.reason) == ("assemble", "not_json")
    record = orjson.loads(sends.dlq.await_args.kwargs["value"])
    assert base64.b64decode(record["original"]) == b"\xd8\xae\xd8\xa8\xd8\xb1 {"
    sends.buckets.assert_not_awaited()
