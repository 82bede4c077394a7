"""The assemble stage's cross-story half: event mentions in, assembled events out, state in tables.

    khabar.events.v1  -route_mentions-> <group>-assemble-buckets -assemble_events-> khabar.events.assembled.v1

The three topics are keyed by story id (table `stories`), bucket (table `buckets`) and event id.

The logic is `khabar.assemble.table.route` and `.apply` (pure; the embedded `Assembler` calls
the same two). Here they get faust Tables for state: in memory, rebuilt from their changelog
topics when a worker starts or takes over a partition. Each table is keyed like the topic its
agent reads, so a key's state lives on the worker that owns the key's partition.

Both loops are at least once, like the stage shell: a redelivered message is folded in again,
and `route`/`apply` make a repeat change nothing and emit nothing. A message they cannot fold
becomes a dead letter (stage `assemble`), and the partition goes on.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import faust
import orjson
from faust.types import EventT

from khabar import schemas, topics
from khabar.assemble.table import apply, route
from khabar.doc import loads
from khabar.errors import KhabarError, StageFailed
from khabar.pipeline import DeadLetter
from khabar.streaming.shell import send_dead_letter

log = logging.getLogger(__name__)

STAGE = "assemble"


def arrival_time(timestamp_ms: int) -> str:
    """A Kafka message timestamp (ms since the epoch) as the ISO-8601 UTC `seen` instant.

    >>> arrival_time(1519382254000)
    '2018-02-23T10:37:34.000+00:00'
    """
    return datetime.fromtimestamp(timestamp_ms / 1000, UTC).isoformat(timespec="milliseconds")


def seen_of(event: EventT) -> str:
    """When this story version reached khabar.events.v1 (faust keeps the timestamp in seconds)."""
    return arrival_time(round(event.message.timestamp * 1000))


def as_dead_letter(exc: Exception, raw: bytes, story_id: str | None = None) -> DeadLetter:
    """A failure to fold a message, as data: our own errors keep their reason code."""
    reason = exc.reason if isinstance(exc, KhabarError) else StageFailed.reason
    return DeadLetter(STAGE, reason, f"stage {STAGE}: {type(exc).__name__}: {exc}", raw, story_id)


async def route_stories(stream: faust.StreamT, stories: faust.Table, buckets: faust.TopicT,
                        dead_letters: faust.TopicT) -> AsyncIterator[str | DeadLetter]:
    """For each story version: update its `stories` entry and send one payload per bucket it touches."""
    async for event in stream.events():
        story_id = None
        try:
            document = loads(event.value)
            story_id = document["id"]
            state, sends = route(stories.get(story_id), document, seen_of(event))
        except Exception as exc:  # broad on purpose: one bad message must not stop its partition
            letter = as_dead_letter(exc, event.value or b"", story_id if isinstance(story_id, str) else None)
            await send_dead_letter(dead_letters, letter, event)
            yield letter
            continue
        stories[story_id] = state
        for bucket, payload in sends:
            await buckets.send(key=bucket.encode(), value=orjson.dumps(payload))
        yield story_id


async def assemble_buckets(stream: faust.StreamT, table: faust.Table, assembled: faust.TopicT,
                           dead_letters: faust.TopicT, validate: bool = True,
                           ) -> AsyncIterator[str | DeadLetter]:
    """For each bucket payload: re-cluster the bucket and upsert the events that changed (None deletes)."""
    async for event in stream.events():
        bucket = (event.key or b"").decode("utf-8", "replace")
        try:
            payload = loads(event.value)
            state, upserts = apply(table.get(bucket), payload)
            for _event_id, record in upserts:
                if validate and record is not None:
                    schemas.validate(topics.ASSEMBLED, record)
        except Exception as exc:  # broad on purpose, as above
            letter = as_dead_letter(exc, event.value or b"")
            await send_dead_letter(dead_letters, letter, event)
            yield letter
            continue
        table[bucket] = state
        for event_id, record in upserts:
            # None is a tombstone: compaction then drops the event from khabar.events.assembled.v1.
            value = None if record is None else orjson.dumps(record)
            await assembled.send(key=event_id.encode(), value=value)
        yield bucket
