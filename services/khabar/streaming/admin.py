"""Create Khabar's topics with the configured partitions; safe to run again and again.

    python -m khabar.streaming.admin             # what `khabar worker` and `khabar ingest` do first
    python -m khabar.streaming.admin assemble    # and the assemble app's own topics, as `khabar worker` does

`khabar.events.assembled.v1` is compacted: it holds the latest state of each assembled event,
keyed by event id. Every other topic keeps its messages for the broker's retention.

A stage's faust app also owns topics of its own (the assemble stage's buckets topic, its tables'
changelogs, faust's leader topic). Faust would create them itself while the worker subscribes,
and a consumer whose metadata predates the creation skips them ("Ignoring missing topic"), so
`ensure_app_topics` creates them first, asking the app for their names and settings.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError
from aiokafka.protocol.api import Response
from mode.utils.times import want_seconds

from khabar import topics
from khabar.errors import KhabarError
from khabar.settings import Settings

if TYPE_CHECKING:  # `khabar ingest` uses this module too, and needs no faust
    import faust

#: Kafka's error code for "topic already exists": another process created it first, which is fine.
_TOPIC_ALREADY_EXISTS = 36
#: How long created topics may take to show up in the broker's metadata (milliseconds, usually).
_LISTED_TIMEOUT_S = 15.0


class BrokerUnavailable(KhabarError):
    """The Kafka broker named by KHABAR_BOOTSTRAP_SERVERS does not answer."""

    reason = "broker_unavailable"


def new_topic(settings: Settings, name: str) -> NewTopic:
    """The creation request for one logical topic (compaction for the upsert topics)."""
    configs = {"cleanup.policy": "compact"} if name in topics.COMPACTED_TOPICS else {}
    return NewTopic(settings.topic(name), num_partitions=settings.partitions, replication_factor=1,
                    topic_configs=configs)


def app_channels(app: faust.App) -> list[faust.TopicT]:
    """The topics `app` subscribes to or declares itself: agents' inputs, table changelogs, leader topic.

    Taken from the app's own objects, so the names, partitions and policies are the ones faust uses.
    """
    channels = [agent.channel for agent in app.agents.values()]
    channels += [table.changelog_topic for table in app.tables.values()]
    if not app.conf.topic_disable_leader:
        channels.append(app._leader_assignor._leader_topic)  # faust keeps no public handle on it
    return [channel for channel in channels if getattr(channel, "topics", None)]  # not in-memory channels


def topic_configs(topic: faust.TopicT) -> dict[str, str]:
    """The broker configs faust's own `declare` would give `topic` (cleanup policy, retention)."""
    policies = [name for name, on in (("compact", topic.compacting), ("delete", topic.deleting)) if on]
    configs = {"cleanup.policy": ",".join(policies)} if policies else {}
    if topic.retention:
        configs["retention.ms"] = str(int(want_seconds(topic.retention) * 1000))
    return {**configs, **{key: str(value) for key, value in topic.config.items()}}


def app_topics(app: faust.App) -> list[NewTopic]:
    """Creation requests for every topic of `app`, with the partition count and replicas faust expects."""
    requests = {}
    for topic in app_channels(app):
        partitions = topic.partitions or app.conf.topic_partitions
        replicas = topic.replicas or app.conf.topic_replication_factor or 1
        for name in topic.topics:
            requests.setdefault(name, NewTopic(name, num_partitions=partitions, replication_factor=replicas,
                                               topic_configs=topic_configs(topic)))
    return list(requests.values())


async def ensure_topics(settings: Settings, names: Iterable[str] = topics.ALL_TOPICS) -> list[str]:
    """Create whichever of `names` do not exist yet; returns the broker-side names created."""
    return await create_missing(settings, [new_topic(settings, name) for name in names])


def stage_topics(app: faust.App, settings: Settings) -> list[NewTopic]:
    """Khabar's topics and `app`'s own, one request per name; Khabar's win (they carry its policies)."""
    khabar = [new_topic(settings, name) for name in topics.ALL_TOPICS]
    return list({request.name: request for request in [*app_topics(app), *khabar]}.values())


async def ensure_app_topics(app: faust.App, settings: Settings) -> list[str]:
    """Create every topic a stage's `app` reads or writes before its worker subscribes to any."""
    return await create_missing(settings, stage_topics(app, settings))


async def create_missing(settings: Settings, requests: Sequence[NewTopic]) -> list[str]:
    """Send the `requests` whose topics do not exist yet; one created meanwhile elsewhere is fine."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=15000)
    try:
        await admin.start()
    except KafkaConnectionError as exc:
        raise BrokerUnavailable(f"no Kafka broker at {settings.bootstrap_servers}: {exc}") from exc
    try:
        existing = set(await admin.list_topics())
        wanted = [request for request in requests if request.name not in existing]
        if not wanted:
            return []
        created = created_names(await admin.create_topics(wanted))
        await wait_listed(admin, [request.name for request in wanted])
        return created
    finally:
        await admin.close()


def created_names(response: Response) -> list[str]:
    """The topics a CreateTopics response says were created; one that already existed is no error."""
    created = []
    for topic, code, *message in response.topic_errors:
        if code not in (0, _TOPIC_ALREADY_EXISTS):
            raise KhabarError(f"could not create topic {topic}: error {code} {message}")
        if code == 0:
            created.append(topic)
    return created


async def wait_listed(admin: AIOKafkaAdminClient, names: Sequence[str]) -> None:
    """Return once the broker's metadata lists all `names`, so a consumer starting next sees them.

    The controller acknowledges a creation before the broker's metadata has it; a consumer group
    whose assignment reads metadata in that window skips the topic ("Ignoring missing topic").
    """
    deadline = time.monotonic() + _LISTED_TIMEOUT_S
    while missing := set(names) - set(await admin.list_topics()):
        if time.monotonic() > deadline:
            raise KhabarError(f"topics created but not in the broker's metadata after "
                              f"{_LISTED_TIMEOUT_S:.0f}s: {' '.join(sorted(missing))}")
        await asyncio.sleep(0.1)


async def ensure_stage_topics(settings: Settings, stages: Sequence[str] = ()) -> list[str]:
    """Khabar's topics, then each stage app's own topics (for workers started with faust's CLI)."""
    from khabar.streaming.worker import load_app  # imports faust, which `khabar ingest` does not need

    created = await ensure_topics(settings)
    for stage in stages:
        created += await ensure_app_topics(load_app(stage), settings)
    return created


def main(stages: Sequence[str] | None = None) -> None:
    """Create the topics named by the KHABAR_* settings (and the stages' own) and say which were new."""
    settings = Settings.from_env()
    try:
        created = asyncio.run(ensure_stage_topics(settings, sys.argv[1:] if stages is None else stages))
    except KhabarError as exc:
        sys.exit(f"khabar: {exc}")
    print(f"khabar: {len(created)} topics created on {settings.bootstrap_servers}: {' '.join(created)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
