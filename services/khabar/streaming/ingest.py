"""Publish stories to khabar.raw.v1, keyed by story id: what `khabar ingest` runs.

    khabar ingest stories.jsonl            # JSON Lines, one story per line
    khabar ingest wire/2018-02-23.txt      # one plain-text story; its id is the file name
    khabar ingest wire/                    # every .txt and .jsonl file of a folder, in name order
    cat stories.jsonl | khabar ingest -    # JSON Lines on stdin

A line that is not a story (not JSON, no id, empty text) is reported on stderr with its
line number and skipped; the rest is published. Records of the ANT news corpus carry
`date` in RFC 2822 (`Fri, 23 Feb 2018 10:37:34 GMT`) and no `published_at`; ingest
adds `published_at` in ISO-8601 so every later stage sees one date format.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

import orjson
from aiokafka import AIOKafkaProducer
from aiokafka.errors import MessageSizeTooLargeError

from khabar import schemas, topics
from khabar.errors import KhabarError
from khabar.runner import read_stories
from khabar.settings import Settings
from khabar.streaming.admin import ensure_topics

#: File kinds a folder may hold; anything else in it is ignored.
STORY_SUFFIXES = (".txt", ".jsonl")


def to_raw_story(record: dict[str, Any]) -> dict[str, Any]:
    """The khabar.raw.v1 form of an input record: adds ISO-8601 `published_at` from an RFC 2822 `date`.

    >>> to_raw_story({"id": "a", "text": "خبر", "date": "Fri, 23 Feb 2018 10:37:34 GMT"})["published_at"]
    '2018-02-23T10:37:34+00:00'
    """
    date = record.get("date")
    if record.get("published_at") or not isinstance(date, str):
        return record
    try:
        published = parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return record  # an unparsable date is left as it was; published_at stays unknown
    return {**record, "published_at": published.isoformat()}


def iter_sources(source: str) -> Iterator[str]:
    """The input files of `source`: the file itself, `-` for stdin, or a folder's story files by name."""
    path = Path(source)
    if source != "-" and path.is_dir():
        yield from (str(p) for p in sorted(path.iterdir()) if p.is_file() and p.suffix in STORY_SUFFIXES)
    else:
        yield source


def iter_raw_stories(source: str) -> Iterator[tuple[str, dict[str, Any] | KhabarError]]:
    """Yield `("path:line", story)` for each input line, or the error that makes it no story."""
    for path in iter_sources(source):
        for number, story in read_stories(path):
            where = f"{path}:{number}"
            if isinstance(story, KhabarError):
                yield where, story
                continue
            story = to_raw_story(story)
            try:
                schemas.validate(topics.RAW, story)
            except KhabarError as exc:
                yield where, exc
                continue
            yield where, story


async def publish(source: str, settings: Settings, limit: int | None = None,
                  err: IO[str] = sys.stderr) -> tuple[int, int]:
    """Publish the stories of `source` to the raw topic; returns (sent, bad)."""
    await ensure_topics(settings)
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all", linger_ms=5)
    await producer.start()
    deliveries: list[tuple[str, asyncio.Future[Any]]] = []
    bad = 0
    try:
        for where, story in iter_raw_stories(source):
            if limit is not None and len(deliveries) >= limit:
                break
            if isinstance(story, KhabarError):
                print(f"{where}: {story.reason}: {story}", file=err)
                bad += 1
                continue
            # One partition per key and one batch in flight per partition: versions of a story stay in order.
            try:
                delivery = await producer.send(settings.topic(topics.RAW), orjson.dumps(story),
                                               key=story["id"].encode())
            except MessageSizeTooLargeError as exc:
                print(f"{where}: too_large: story {story['id']}: {exc}", file=err)
                bad += 1
                continue
            deliveries.append((where, delivery))
        await producer.flush()
    finally:
        await producer.stop()
    return _count_delivered(deliveries, err), bad


def _count_delivered(deliveries: list[tuple[str, asyncio.Future[Any]]], err: IO[str]) -> int:
    """How many sends the broker acknowledged; a failed one is reported and makes ingest fail."""
    failed = [(where, d.exception()) for where, d in deliveries if d.exception() is not None]
    for where, exc in failed:
        print(f"{where}: not delivered: {exc}", file=err)
    if failed:
        raise KhabarError(f"{len(failed)} of {len(deliveries)} stories were not delivered to Kafka")
    return len(deliveries)


def ingest_path(source: str, limit: int | None = None, settings: Settings | None = None,
                err: IO[str] = sys.stderr) -> tuple[int, int]:
    """Blocking entry point of `khabar ingest`; raises `InputError` for a missing file."""
    return asyncio.run(publish(source, settings or Settings.from_env(), limit, err))
