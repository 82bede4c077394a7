"""docker-compose.yml and deploy/k8s/ name the same stages, topics and groups as the registry.

The registry (`khabar.stages.STAGES`, `khabar.topics.ALL_TOPICS`) is the truth; these files are
written by hand, so a renamed topic or a new stage fails here instead of in a cluster.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.settings import Settings
from khabar.stages import STAGES, Stage
from khabar.topics import ALL_TOPICS, COMPACTED_TOPICS

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
COMPOSE_PATH = REPO / "docker-compose.yml"
K8S_DIR = REPO / "deploy" / "k8s"
#: Compose services that are not stage workers.
COMPOSE_SUPPORT_SERVICES = {"kafka", "topic-init", "ingest"}
#: `${NAME:-default}` as docker compose interpolates it.
_DEFAULT_VAR_RE = re.compile(r"\$\{[A-Z_]+:-([^}]*)\}")

by_stage = pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)


def load_compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_PATH.read_text(encoding="utf-8"))


def load_k8s(kind: str) -> dict[str, dict[str, Any]]:
    """Every manifest of one kind under deploy/k8s, by metadata.name."""
    found = {}
    for path in sorted(K8S_DIR.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc and doc.get("kind") == kind:
                found[doc["metadata"]["name"]] = doc
    return found


def settings_from(env: dict[str, Any]) -> Settings:
    """The Settings a container with `env` builds (compose `${VAR:-default}` read as its default)."""
    resolved = {key: _DEFAULT_VAR_RE.sub(r"\1", str(value)) for key, value in env.items()}
    return Settings.from_env(resolved)


def deployment_name(stage: Stage) -> str:
    return f"khabar-{stage.name}"


@by_stage
def test_compose_runs_each_stage_as_a_scalable_worker(stage: Stage):
    service = load_compose()["services"][stage.name]
    assert service["command"] == ["worker", stage.name]
    # `docker compose up --scale <stage>=N` needs both absent.
    assert "container_name" not in service
    assert "ports" not in service


def test_compose_has_no_service_for_an_unknown_stage():
    services = set(load_compose()["services"])
    assert services - COMPOSE_SUPPORT_SERVICES == {stage.name for stage in STAGES}


@by_stage
def test_compose_stage_settings_match_registry(stage: Stage):
    settings = settings_from(load_compose()["services"][stage.name]["environment"])
    assert settings.group(stage.name) == stage.group
    assert settings.topic(stage.input_topic) == stage.input_topic
    assert settings.topic(stage.output_topic) == stage.output_topic
    assert settings.bootstrap_servers == "kafka:9092"


def test_compose_topic_init_creates_every_topic():
    env = load_compose()["services"]["topic-init"]["environment"]
    assert sorted(env["KHABAR_TOPICS"].split()) == sorted(ALL_TOPICS)
    assert sorted(env["KHABAR_COMPACTED_TOPICS"].split()) == sorted(COMPACTED_TOPICS)


def test_compose_stages_start_after_topic_init():
    services = load_compose()["services"]
    for name in [stage.name for stage in STAGES] + ["ingest"]:
        condition = services[name]["depends_on"]["topic-init"]["condition"]
        assert condition == "service_completed_successfully", name


def test_compose_ingest_reads_the_mounted_folder():
    ingest = load_compose()["services"]["ingest"]
    assert ingest["command"] == ["ingest", "/data"]
    assert any(re.search(r":/data(:ro)?$", volume) for volume in ingest["volumes"])


@by_stage
def test_k8s_deployment_runs_the_stage_worker(stage: Stage):
    container = load_k8s("Deployment")[deployment_name(stage)]["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["worker", stage.name]
    assert {"configMapRef": {"name": "khabar-settings"}} in container["envFrom"]


def test_k8s_has_no_deployment_for_an_unknown_stage():
    assert set(load_k8s("Deployment")) == {deployment_name(stage) for stage in STAGES}


@by_stage
def test_k8s_scaled_object_watches_the_stage_input_lag(stage: Stage):
    scaled = load_k8s("ScaledObject")[deployment_name(stage)]["spec"]
    settings = settings_from(load_k8s("ConfigMap")["khabar-settings"]["data"])
    (trigger,) = scaled["triggers"]
    assert scaled["scaleTargetRef"]["name"] == deployment_name(stage)
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["topic"] == settings.topic(stage.input_topic) == stage.input_topic
    assert trigger["metadata"]["consumerGroup"] == settings.group(stage.name) == stage.group
    assert trigger["metadata"]["bootstrapServersFromEnv"] == "KHABAR_BOOTSTRAP_SERVERS"
    # KEDA's CRD types trigger metadata as map[string]string: an unquoted `lagThreshold: 50` is rejected.
    assert all(isinstance(value, str) for value in trigger["metadata"].values())
    # A worker beyond one per partition would sit idle.
    assert scaled["maxReplicaCount"] <= settings.partitions


def test_k8s_kustomization_lists_every_manifest():
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text(encoding="utf-8"))
    on_disk = {path.name for path in K8S_DIR.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == on_disk
