"""Settings come from KHABAR_* variables, and every stage app is built from them alone."""

from __future__ import annotations

import importlib

import pytest

from khabar import topics
from khabar.settings import Settings
from khabar.stages import STAGES, get_stage
from khabar.streaming.admin import new_topic
from khabar.streaming.app_factory import broker_urls, create_app

pytestmark = pytest.mark.unit

TEST_ENV = {
    "KHABAR_BOOTSTRAP_SERVERS": "kafka-0.khabar:9092,kafka-1.khabar:9092",
    "KHABAR_PARTITIONS": "8",
    "KHABAR_TOPIC_PREFIX": "t-1f3a-",
    "KHABAR_GROUP_PREFIX": "g-1f3a",
    "KHABAR_DATA_DIR": "/data/khabar",
    "KHABAR_SESSION_TIMEOUT": "6",
    "KHABAR_VALIDATE": "0",
}


def test_settings_from_env_reads_every_variable():
    settings = Settings.from_env(TEST_ENV)
    assert settings == Settings(bootstrap_servers="kafka-0.khabar:9092,kafka-1.khabar:9092", partitions=8,
                                topic_prefix="t-1f3a-", group_prefix="g-1f3a", data_dir="/data/khabar",
                                session_timeout_s=6.0, validate=False)


def test_settings_from_empty_env_are_the_laptop_defaults():
    assert Settings.from_env({}) == Settings()


def test_settings_prefix_topics_and_groups():
    settings = Settings.from_env(TEST_ENV)
    assert settings.topic(topics.RAW) == "t-1f3a-khabar.raw.v1"
    assert settings.group("tag") == "g-1f3a-tag"


def test_create_app_takes_everything_from_settings(tmp_path):
    settings = Settings.from_env({**TEST_ENV, "KHABAR_DATA_DIR": str(tmp_path / "faust")})
    app = create_app(get_stage("quantify"), settings)
    assert app.conf.id == "g-1f3a-quantify"
    assert [str(url) for url in app.conf.broker] == ["kafka://kafka-0.khabar:9092", "kafka://kafka-1.khabar:9092"]
    assert app.conf.topic_partitions == 8
    assert app.conf.web_enabled is False
    assert app.conf.broker_session_timeout == 6.0
    assert app.conf.consumer_auto_offset_reset == "earliest"
    assert str(app.conf.datadir) == str(tmp_path / "faust" / "g-1f3a-quantify")


def test_broker_urls_ignore_blank_entries():
    assert broker_urls(Settings(bootstrap_servers=" a:1, ,b:2 ")) == ["kafka://a:1", "kafka://b:2"]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_stage_shell_reads_and_writes_the_registry_topics(stage):
    module = importlib.import_module(f"khabar.{stage.name}.app")
    agent = getattr(module, stage.name)  # the agent is named by the stage's verb
    assert agent.channel.get_topic_name() == module.settings.topic(stage.input_topic)
    assert module.app.conf.id == module.settings.group(stage.name)


def test_admin_compacts_only_the_assembled_topic():
    settings = Settings(topic_prefix="p-", partitions=3)
    requests = {name: new_topic(settings, name) for name in topics.ALL_TOPICS}
    assert requests[topics.ASSEMBLED].topic_configs == {"cleanup.policy": "compact"}
    assert all(requests[name].topic_configs == {} for name in topics.ALL_TOPICS if name != topics.ASSEMBLED)
    assert {r.name for r in requests.values()} == {f"p-{name}" for name in topics.ALL_TOPICS}
    assert {r.num_partitions for r in requests.values()} == {3}
