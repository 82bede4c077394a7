"""Print what arrives on a topic, one message value per line: what `khabar tail` runs.

    khabar tail khabar.events.v1 --from-beginning --timeout 5
    khabar tail khabar.dlq.v1 --max 10

TOPIC is the logical name (as in `khabar.topics`); KHABAR_TOPIC_PREFIX is added to it.
The reader joins no consumer group, so tailing never takes partitions from a worker.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import IO

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaConnectionError

from khabar.settings import Settings
from khabar.streaming.admin import BrokerUnavailable

#: How long one poll waits for messages before checking the idle timeout again.
_POLL_MS = 500


async def read_topic(topic: str, settings: Settings, out: IO[bytes], *, from_beginning: bool = False,
                     max_messages: int | None = None, idle_timeout: float | None = None) -> int:
    """Copy message values of `topic` to `out` until `max_messages` or `idle_timeout`; returns the count."""
    consumer = AIOKafkaConsumer(settings.topic(topic), bootstrap_servers=settings.bootstrap_servers,
                                group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest" if from_beginning else "latest")
    try:
        await consumer.start()
    except KafkaConnectionError as exc:
        await consumer.stop()
        raise BrokerUnavailable(f"no Kafka broker at {settings.bootstrap_servers}: {exc}") from exc
    count, last_seen = 0, time.monotonic()
    try:
        while max_messages is None or count < max_messages:
            batches = await consumer.getmany(timeout_ms=_POLL_MS)
            for records in batches.values():
                for record in records[: None if max_messages is None else max_messages - count]:
                    out.write((record.value or b"") + b"\n")
                    count += 1
            out.flush()
            if batches:
                last_seen = time.monotonic()
            elif idle_timeout is not None and time.monotonic() - last_seen >= idle_timeout:
                break
    finally:
        await consumer.stop()
    return count


def tail_topic(topic: str, from_beginning: bool = False, max_messages: int | None = None,
               idle_timeout: float | None = None, settings: Settings | None = None) -> int:
    """Blocking entry point of `khabar tail`; Ctrl-C stops it quietly."""
    try:
        return asyncio.run(read_topic(topic, settings or Settings.from_env(), sys.stdout.buffer,
                                      from_beginning=from_beginning, max_messages=max_messages,
                                      idle_timeout=idle_timeout))
    except (KeyboardInterrupt, BrokenPipeError):
        return 0
