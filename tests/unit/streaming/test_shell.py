"""The stage shells without a broker: good messages go on, bad ones become dead letters.

These drive each app's agent through `agent.test_context()` with the topics' `send`
replaced by mocks; they are shell tests, not Kafka tests (see tests/kafka/).
"""

from __future__ import annotations

import base64
import importlib
from types import SimpleNamespace
from unittest.mock import AsyncMock

import orjson
import pytest
from aiokafka.errors import MessageSizeTooLargeError
from faust.exceptions import ProducerSendError

from khabar import schemas, topics
from khabar.pipeline import DeadLetter
from khabar.runner import process_story
from khabar.stages import STAGES, Stage
from khabar.streaming.shell import process_message

pytestmark = pytest.mark.unit

#: Output topic attribute of each shell module, by stage.
OUTPUT_ATTR = {"normalize": "normalized", "tag": "tagged", "quantify": "quantified", "assemble": "events"}

NOT_JSON = b"\xd8\xae\xd8\xa8\xd8\xb1 {not json"  # 'خبر {not json'
#: A story whose text is only tatweel and spaces: nothing to read.
TATWEEL_ONLY = orjson.dumps({"id": "blank-1", "text": "  \u0640\u0640  "})
WHITESPACE_TEXT = orjson.dumps({"id": "blank-2", "text": " \n\t "})
NO_ID = orjson.dumps({"text": "قصف على بغداد"})
NOT_AN_OBJECT = orjson.dumps(["قصف", "بغداد"])


@pytest.fixture
def shell_factory(monkeypatch):
    """Build `(shell module, output send mock, dead-letter send mock)` for a stage's app.py."""

    def build(stage: str) -> SimpleNamespace:
        module = importlib.import_module(f"khabar.{stage}.app")
        output, dlq = AsyncMock(), AsyncMock()
        monkeypatch.setattr(getattr(module, OUTPUT_ATTR[stage]), "send", output)
        monkeypatch.setattr(module.dead_letters, "send", dlq)
        return SimpleNamespace(agent=getattr(module, stage), output=output, dlq=dlq)

    return build


def input_for(stage_index: int, story: dict) -> bytes:
    """What stage `stage_index` reads: the story after every earlier stage."""
    return orjson.dumps(process_story(story, STAGES[:stage_index]))


def dead_letter_record(dlq: AsyncMock, call: int = -1) -> dict:
    return orjson.loads(dlq.await_args_list[call].kwargs["value"])


@pytest.mark.parametrize("index", range(len(STAGES)), ids=[s.name for s in STAGES])
async def test_shell_sends_good_story_on_keyed_by_id(shell_factory, seed_story, index):
    stage = STAGES[index]
    shell = shell_factory(stage.name)
    async with shell.agent.test_context() as agent:
        await agent.put(input_for(index, seed_story), key=b"seed")
        assert agent.results[0] == "seed"
    shell.dlq.assert_not_awaited()
    sent = shell.output.await_args.kwargs
    assert sent["key"] == b"seed"
    document = orjson.loads(sent["value"])
    assert document == process_story(seed_story, STAGES[: index + 1])
    schemas.validate(stage.output_topic, document)


@pytest.mark.parametrize(("payload", "reason"), [
    (NOT_JSON, "not_json"),
    (NOT_AN_OBJECT, "schema_invalid"),
    (NO_ID, "schema_invalid"),
    (WHITESPACE_TEXT, "empty_text"),
], ids=["not-json", "not-an-object", "no-id", "whitespace-text"])
async def test_shell_sends_malformed_message_to_dlq_with_reason(shell_factory, payload, reason):
    shell = shell_factory("normalize")
    async with shell.agent.test_context() as agent:
        await agent.put(payload, key=b"k", partition=2)
        letter = agent.results[0]
    assert isinstance(letter, DeadLetter) and letter.reason == reason
    shell.output.assert_not_awaited()
    record = dead_letter_record(shell.dlq)
    schemas.validate(topics.DLQ, record)
    assert (record["stage"], record["reason"]) == ("normalize", reason)
    assert (record["partition"], record["offset"]) == (2, 0)
    assert record["topic"].endswith(topics.RAW)
    assert base64.b64decode(record["original"]) == payload


@pytest.mark.parametrize(("validate", "reason"), [(True, "empty_text"), (False, "empty_text")])
def test_process_message_names_blank_text(validate, reason):
    """Blank text has its own reason code, with or without schema checks."""
    letter = process_message(STAGES[0], WHITESPACE_TEXT, validate=validate)
    assert isinstance(letter, DeadLetter)
    assert (letter.reason, letter.story_id) == (reason, "blank-2")


def test_process_message_keeps_tatweel_only_text_as_a_story():
    """Tatweel is a letter, not whitespace: the story is processed (its tokens are tatweel)."""
    assert process_message(STAGES[0], TATWEEL_ONLY)[0] == "blank-1"


async def test_shell_keeps_going_after_a_dead_letter(shell_factory, seed_story):
    shell = shell_factory("normalize")
    async with shell.agent.test_context() as agent:
        await agent.put(NOT_JSON, key=b"bad")
        await agent.put(orjson.dumps(seed_story), key=b"seed")
        await agent.put(WHITESPACE_TEXT, key=b"blank-2")
        outcomes = [getattr(r, "reason", r) for r in agent.results.values()]
    assert outcomes == ["not_json", "seed", "empty_text"]
    assert [c.kwargs["key"] for c in shell.dlq.await_args_list] == [b"bad", b"blank-2"]
    assert [dead_letter_record(shell.dlq, i)["offset"] for i in (0, 1)] == [0, 2]


async def test_shell_turns_a_core_crash_into_stage_failed(shell_factory, seed_story, monkeypatch):
    shell = shell_factory("tag")
    normalized = input_for(1, seed_story)
    real_load = Stage.load

    def broken_core(doc):
        raise ZeroDivisionError("model exploded")

    monkeypatch.setattr(Stage, "load", lambda self: broken_core if self.name == "tag" else real_load(self))
    async with shell.agent.test_context() as agent:
        await agent.put(normalized, key=b"seed")
    record = dead_letter_record(shell.dlq)
    assert (record["reason"], record["story_id"]) == ("stage_failed", "seed")
    assert "ZeroDivisionError" in record["error"]


async def test_shell_turns_an_oversized_document_into_a_dead_letter(shell_factory, seed_story):
    shell = shell_factory("normalize")
    too_large = ProducerSendError("Error while sending")
    too_large.__cause__ = MessageSizeTooLargeError("The message is 2000000 bytes")
    shell.output.side_effect = too_large
    async with shell.agent.test_context() as agent:
        await agent.put(orjson.dumps(seed_story), key=b"seed")
    record = dead_letter_record(shell.dlq)
    assert (record["reason"], record["story_id"]) == ("too_large", "seed")
    assert orjson.loads(base64.b64decode(record["original"])) == seed_story
