"""Build the faust App and raw-bytes topics of one stage from `Settings`.

Every stage app is configured the same way, so the four `app.py` shells stay
about forty lines and differ only in their stage name and agent verb.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import faust

from khabar import topics
from khabar.settings import Settings
from khabar.stages import Stage, get_stage
from khabar.streaming.shell import run_shell


def broker_urls(settings: Settings) -> list[str]:
    """`host:port,host:port` as faust broker URLs (the host only ever comes from settings)."""
    return [f"kafka://{host.strip()}" for host in settings.bootstrap_servers.split(",") if host.strip()]


def create_app(stage: Stage, settings: Settings) -> faust.App:
    """One faust App per stage; its id is the stage's consumer group, so workers of a stage share partitions.

    Messages stay raw bytes end to end (`raw` codecs): the shell parses them itself, so a
    malformed message reaches the dead-letter topic byte for byte instead of failing in faust.
    """
    app_id = settings.group(stage.name)
    datadir = Path(settings.data_dir) / app_id
    datadir.parent.mkdir(parents=True, exist_ok=True)  # faust creates only the last level
    session = settings.session_timeout_s
    return faust.App(
        app_id,
        broker=broker_urls(settings),
        topic_partitions=settings.partitions,
        key_serializer="raw",
        value_serializer="raw",
        # Tables keep their state in memory and rebuild from their changelog topic on start,
        # so several workers share one host with no RocksDB directory per worker.
        store="memory://",
        datadir=str(datadir),
        # Several workers run on one host; none needs the web server (it would take port 6066).
        web_enabled=False,
        autodiscover=False,
        # A new consumer group (a new deployment, a test) starts at the oldest message, not the newest.
        consumer_auto_offset_reset="earliest",
        # Heartbeats every tenth of the session: a rebalance (a worker joining or leaving)
        # is noticed in about a second instead of faust's default three.
        broker_session_timeout=session,
        broker_heartbeat_interval=max(session / 10, 0.5),
        broker_rebalance_timeout=max(2 * session, 10.0),
    )


def raw_topic(app: faust.App, settings: Settings, name: str) -> faust.TopicT:
    """A topic of bytes keyed by story id, named through the settings' prefix."""
    return app.topic(settings.topic(name), key_type=bytes, value_type=bytes,
                     key_serializer="raw", value_serializer="raw")


def internal_topic(app: faust.App, settings: Settings, name: str) -> faust.TopicT:
    """A topic the app owns (faust creates it), named after the app like faust's changelogs.

    It is not in `khabar.topics`: no other service reads it, and each consumer group has its own.
    """
    return app.topic(f"{app.conf.id}-{name}", internal=True, partitions=settings.partitions,
                     key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")


def json_table(app: faust.App, settings: Settings, name: str) -> faust.Table:
    """A str-keyed table of JSON values, partitioned like the stage's topics (so it co-partitions)."""
    return app.Table(name, key_type=str, partitions=settings.partitions,
                     help=f"{name}: state of khabar.assemble.table, rebuilt from its changelog")


@dataclass(frozen=True)
class StageShell:
    """One stage's app and topics, wired the same way for every stage (its app.py adds only the agent)."""

    stage: Stage
    settings: Settings
    app: faust.App
    source: faust.TopicT
    sink: faust.TopicT
    dead_letters: faust.TopicT

    def run(self, stream: faust.StreamT) -> AsyncIterator[object]:
        """The shared agent loop over `stream`: core in, document or dead letter out."""
        return run_shell(self.stage, stream, self.sink, self.dead_letters, validate=self.settings.validate)


def stage_shell(name: str, settings: Settings | None = None) -> StageShell:
    """Build the app, input, output and dead-letter topics of stage `name` from `KHABAR_*` settings."""
    stage = get_stage(name)
    settings = settings or Settings.from_env()
    app = create_app(stage, settings)
    return StageShell(stage, settings, app, raw_topic(app, settings, stage.input_topic),
                      raw_topic(app, settings, stage.output_topic), raw_topic(app, settings, topics.DLQ))
