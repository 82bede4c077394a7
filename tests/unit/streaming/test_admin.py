"""The topic requests a worker sends before faust starts, read off the apps without a broker.

Creating them needs the broker (tests/kafka/test_cli_kafka.py); which topics, how many
partitions and which cleanup policy can be checked on the faust app objects alone.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

from khabar import topics
from khabar.errors import KhabarError
from khabar.settings import Settings
from khabar.stages import STAGES, get_stage
from khabar.streaming.admin import app_topics, created_names, stage_topics
from khabar.streaming.app_factory import create_app, internal_topic, json_table, raw_topic

pytestmark = pytest.mark.unit


@pytest.fixture
def table_app(tmp_path):
    """A fresh app wired like the assemble stage's tables, with 3 partitions (not the default 4)."""
    settings = Settings(partitions=3, group_prefix="g-admin", topic_prefix="t-admin.",
                        data_dir=str(tmp_path / "faust"))
    app = create_app(get_stage("assemble"), settings)
    buckets = internal_topic(app, settings, "buckets")
    json_table(app, settings, "buckets")

    @app.agent(buckets)
    async def fold(stream):
        async for _ in stream:
            yield None

    return app, settings


def by_name(requests) -> dict:
    return {request.name: request for request in requests}


def test_app_topics_are_the_internal_topic_changelogs_and_leader_with_faust_partitions(table_app):
    app, _ = table_app
    requests = by_name(app_topics(app))
    assert set(requests) == {"g-admin-assemble-buckets", "g-admin-assemble-buckets-changelog",
                             "g-admin-assemble-__assignor-__leader"}
    assert requests["g-admin-assemble-buckets"].num_partitions == 3
    assert requests["g-admin-assemble-buckets-changelog"].num_partitions == 3  # co-partitioned
    assert requests["g-admin-assemble-__assignor-__leader"].num_partitions == 1
    assert requests["g-admin-assemble-buckets-changelog"].topic_configs == {"cleanup.policy": "compact"}
    assert requests["g-admin-assemble-buckets"].topic_configs == {}


def test_app_topic_names_are_the_ones_faust_subscribes_to():
    module = importlib.import_module("khabar.assemble.app")
    requests = by_name(app_topics(module.app))
    for table in (module.story_table, module.bucket_table):
        assert requests[table.changelog_topic.get_topic_name()].topic_configs == {"cleanup.policy": "compact"}
        assert requests[table.changelog_topic.get_topic_name()].num_partitions == module.settings.partitions
    assert requests[module.buckets.get_topic_name()].num_partitions == module.settings.partitions
    assert {agent.channel.get_topic_name() for agent in module.app.agents.values()} <= set(requests)


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_stage_topics_add_the_app_topics_to_khabar_topics_once_each(stage):
    module = importlib.import_module(f"khabar.{stage.name}.app")
    requests = stage_topics(module.app, module.settings)
    names = [request.name for request in requests]
    assert len(names) == len(set(names))
    assert {module.settings.topic(name) for name in topics.ALL_TOPICS} <= set(names)
    assert {request.name for request in app_topics(module.app)} <= set(names)


def test_stage_topics_keep_khabar_policies_for_a_topic_an_app_also_reads(table_app):
    app, settings = table_app
    reader = raw_topic(app, settings, topics.ASSEMBLED)  # faust alone would not compact it

    @app.agent(reader)
    async def follow(stream):
        async for _ in stream:
            yield None

    assert by_name(app_topics(app))[settings.topic(topics.ASSEMBLED)].topic_configs == {}
    requests = by_name(stage_topics(app, settings))
    assert requests[settings.topic(topics.ASSEMBLED)].topic_configs == {"cleanup.policy": "compact"}


def test_created_names_leave_out_topics_another_worker_created_first():
    response = SimpleNamespace(topic_errors=[("a", 0, None), ("b", 36, "exists")])
    assert created_names(response) == ["a"]


def test_created_names_raise_on_any_other_error():
    with pytest.raises(KhabarError, match="could not create topic c: error 37"):
        created_names(SimpleNamespace(topic_errors=[("c", 37, "invalid partitions")]))
