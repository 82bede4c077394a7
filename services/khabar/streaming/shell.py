"""The one agent loop every stage shell runs: bytes in, enriched bytes or a dead letter out.

    async for event in stream.events():   # value = raw bytes, key = story id
        run_stage_on_bytes(stage, value)  -> (story id, document bytes) -> output topic
                                          -> DeadLetter                 -> khabar.dlq.v1

A failure is data, never a crashed worker (STYLE §6): the dead letter carries the stage,
a reason code, the message, the exact original bytes and where they came from. Delivery is
at least once: faust commits an offset only after the producer has flushed what the
message produced, so a worker that dies mid-way makes its successor redo, never skip.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import faust
import orjson
from aiokafka.errors import MessageSizeTooLargeError
from faust.exceptions import ProducerSendError
from faust.types import EventT

from khabar.errors import StageFailed
from khabar.pipeline import DeadLetter, run_stage_on_bytes
from khabar.stages import Stage

log = logging.getLogger(__name__)

#: Reason code of a document larger than the producer may send (Kafka's 1 MiB default).
TOO_LARGE = "too_large"


def process_message(stage: Stage, raw: bytes, validate: bool = True) -> tuple[str, bytes] | DeadLetter:
    """`run_stage_on_bytes`, plus a last net: an unexpected error on one message is a dead letter too."""
    try:
        return run_stage_on_bytes(stage, raw, validate)
    except Exception as exc:  # broad on purpose: one bad message must not stop its partition
        error = f"stage {stage.name}: {type(exc).__name__}: {exc}"
        return DeadLetter(stage.name, StageFailed.reason, error, raw)


def is_too_large(exc: ProducerSendError) -> bool:
    """True when faust failed to send because the message exceeds the producer's size limit."""
    return isinstance(exc.__cause__, MessageSizeTooLargeError)


async def send_dead_letter(dead_letters: faust.TopicT, letter: DeadLetter, event: EventT) -> None:
    """Publish `letter` with where its message came from; log it so an operator can find the offset."""
    message = event.message
    log.warning("%s: dead letter %s at %s[%s]@%s: %s", letter.stage, letter.reason,
                message.topic, message.partition, message.offset, letter.error)
    record = letter.to_dict(message.topic, message.partition, message.offset)
    key = letter.story_id.encode() if letter.story_id else event.key
    try:
        await dead_letters.send(key=key, value=orjson.dumps(record))
    except ProducerSendError as exc:
        if not is_too_large(exc):
            raise
        # Base64 grows the original by a third; past the size limit we keep the record, not the bytes.
        record.update(original="", error=f"{letter.error} [original {len(letter.original)} bytes omitted]")
        await dead_letters.send(key=key, value=orjson.dumps(record))


async def handle_event(stage: Stage, event: EventT, output: faust.TopicT, dead_letters: faust.TopicT,
                       validate: bool = True) -> str | DeadLetter:
    """Process one event and publish its result; returns the story id sent on, or the dead letter."""
    raw = event.value if isinstance(event.value, bytes) else b""
    result = process_message(stage, raw, validate)
    if not isinstance(result, DeadLetter):
        story_id, document = result
        message = event.message
        log.debug("%s: story %s from %s[%s]@%s", stage.name, story_id,
                  message.topic, message.partition, message.offset)
        try:
            await output.send(key=story_id.encode(), value=document)
            return story_id
        except ProducerSendError as exc:
            if not is_too_large(exc):
                raise
            error = f"story {story_id}: stage {stage.name}: output of {len(document)} bytes: {exc.__cause__}"
            result = DeadLetter(stage.name, TOO_LARGE, error, raw, story_id)
    await send_dead_letter(dead_letters, result, event)
    return result


async def run_shell(stage: Stage, stream: faust.StreamT, output: faust.TopicT, dead_letters: faust.TopicT,
                    validate: bool = True) -> AsyncIterator[str | DeadLetter]:
    """The agent body of every stage: load the core once, then handle each event in order.

    Yields each outcome (story id or dead letter) after its sends, so an agent that re-yields
    it can be observed message by message with `agent.test_context()`; a worker just drains it.
    """
    stage.load()  # import the core (and its model) at start-up, not inside the first message
    async for event in stream.events():
        yield await handle_event(stage, event, output, dead_letters, validate)
