"""Create Khabar's topics with the configured partitions; safe to run again and again.

    python -m khabar.streaming.admin        # what `khabar worker` and `khabar ingest` do first

`khabar.events.assembled.v1` is compacted: it holds the latest state of each assembled event,
keyed by event id. Every other topic keeps its messages for the broker's retention.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError

from khabar import topics
from khabar.errors import KhabarError
from khabar.settings import Settings

#: Kafka's error code for "topic already exists": another process created it first, which is fine.
_TOPIC_ALREADY_EXISTS = 36


class BrokerUnavailable(KhabarError):
    """The Kafka broker named by KHABAR_BOOTSTRAP_SERVERS does not answer."""

    reason = "broker_unavailable"


def new_topic(settings: Settings, name: str) -> NewTopic:
    """The creation request for one logical topic (compaction for the upsert topics)."""
    configs = {"cleanup.policy": "compact"} if name in topics.COMPACTED_TOPICS else {}
    return NewTopic(settings.topic(name), num_partitions=settings.partitions, replication_factor=1,
                    topic_configs=configs)


async def ensure_topics(settings: Settings, names: Iterable[str] = topics.ALL_TOPICS) -> list[str]:
    """Create whichever of `names` do not exist yet; returns the broker-side names created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=15000)
    try:
        await admin.start()
    except KafkaConnectionError as exc:
        raise BrokerUnavailable(f"no Kafka broker at {settings.bootstrap_servers}: {exc}") from exc
    try:
        existing = set(await admin.list_topics())
        wanted = [new_topic(settings, name) for name in names if settings.topic(name) not in existing]
        if not wanted:
            return []
        response = await admin.create_topics(wanted)
        created = []
        for topic, code, *message in response.topic_errors:
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise KhabarError(f"could not create topic {topic}: error {code} {message}")
            created.append(topic)
        return created
    finally:
        await admin.close()


def main() -> None:
    """Create the topics named by the KHABAR_* settings and say which were new."""
    settings = Settings.from_env()
    try:
        created = asyncio.run(ensure_topics(settings))
    except KhabarError as exc:
        sys.exit(f"khabar: {exc}")
    print(f"khabar: {len(created)} topics created on {settings.bootstrap_servers}: {' '.join(created)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
