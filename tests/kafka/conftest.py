"""Kafka test harness: the broker the test command started, isolated topics, worker subprocesses.

`scripts/run_tests.sh` starts the repo's broker (deploy/kafka/broker.sh) and exports
KHABAR_BOOTSTRAP_SERVERS. A Kafka test with no broker FAILS, it never skips (STYLE §10).
Every test space gets its own topic prefix and consumer-group prefix, so tests never
see each other's messages or offsets, and runs never need the broker wiped.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from khabar.settings import Settings
from khabar.streaming.admin import ensure_topics

BIN = Path(sys.executable).parent
#: Heartbeats every 0.8 s: a worker joining or leaving is noticed in about a second.
SESSION_TIMEOUT_S = "8"
#: What faust logs when an agent raised; the worker lives on, so the harness watches for it.
AGENT_CRASHED = "Crashed reason="
#: How long a stopping worker may take to leave its group before it is killed.
STOP_TIMEOUT_S = 20.0


@pytest.fixture(scope="session")
async def kafka_bootstrap() -> str:
    """The bootstrap servers of the broker the test command started; fails the test when it is down."""
    bootstrap = os.environ.get("KHABAR_BOOTSTRAP_SERVERS", Settings().bootstrap_servers)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
    try:
        await asyncio.wait_for(admin.start(), timeout=20)
        await admin.list_topics()
    except Exception as exc:  # any failure to talk to the broker means the same thing here
        pytest.fail(f"Kafka tests need a broker at {bootstrap} ({type(exc).__name__}: {exc}). Run them with "
                    "scripts/run_tests.sh (starts deploy/kafka/broker.sh), or start the broker yourself and "
                    "export KHABAR_BOOTSTRAP_SERVERS.", pytrace=False)
    finally:
        await admin.close()
    return bootstrap


@dataclass(frozen=True)
class KafkaSpace:
    """One test's slice of the broker: its settings, the env its workers get, and a scratch dir."""

    settings: Settings
    env: dict[str, str]
    workdir: Path

    def topic(self, name: str) -> str:
        return self.settings.topic(name)


@pytest.fixture(scope="session")
def kafka_space_factory(kafka_bootstrap, tmp_path_factory) -> Callable:
    """Build a `KafkaSpace` with a unique topic prefix and fresh consumer groups, topics created."""

    async def build(label: str, partitions: int = 4) -> KafkaSpace:
        tag = f"{label}-{uuid.uuid4().hex[:8]}"
        workdir = tmp_path_factory.mktemp(tag)
        env = {
            "KHABAR_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "KHABAR_PARTITIONS": str(partitions),
            "KHABAR_TOPIC_PREFIX": f"t-{tag}.",
            "KHABAR_GROUP_PREFIX": f"g-{tag}",
            "KHABAR_DATA_DIR": str(workdir / "faust"),
            "KHABAR_SESSION_TIMEOUT": SESSION_TIMEOUT_S,
        }
        settings = Settings.from_env(env)
        await ensure_topics(settings)  # explicitly, before any worker or producer touches them
        return KafkaSpace(settings, {**os.environ, **env, "PYTHONUNBUFFERED": "1"}, workdir)

    return build


@dataclass
class WorkerProcess:
    """One stage worker as a real subprocess, its log in the test's scratch dir."""

    stage: str
    argv: list[str]
    log_path: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, env: dict[str, str]) -> WorkerProcess:
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.argv, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL)
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def healthy(self) -> bool:
        """Running, and its agent has not crashed (faust would restart a crashed agent forever)."""
        return self.alive() and AGENT_CRASHED not in self.log()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines: int = 30) -> str:
        tail = "\n".join(self.log().splitlines()[-lines:])
        return f"--- {self.stage} worker ({self.log_path}) ---\n{tail}"

    async def wait_for_log(self, text: str, timeout: float) -> None:
        """Wait until `text` shows up in the worker's log; fail with the log tail if it dies or times out."""
        deadline = time.monotonic() + timeout
        while text not in self.log():
            if not self.healthy() or time.monotonic() > deadline:
                pytest.fail(f"{self.stage} worker never logged {text!r}\n{self.log_tail()}", pytrace=False)
            await asyncio.sleep(0.2)

    def terminate(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)

    def wait_stopped(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def stop_workers(workers: list[WorkerProcess]) -> None:
    """SIGTERM every worker first, then wait: they leave their groups in parallel."""
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait_stopped()


@pytest.fixture(scope="session")
def worker_factory() -> Iterator[Callable[..., WorkerProcess]]:
    """Start `khabar worker <stage>` (or `faust -A khabar.<stage>.app worker`) in a space.

    Workers still running when the session ends are stopped; tests stop their own earlier.
    """
    started: list[WorkerProcess] = []

    def start(space: KafkaSpace, stage: str, *, launcher: str = "khabar", name: str | None = None,
              env: dict[str, str] | None = None) -> WorkerProcess:
        if launcher == "khabar":
            argv = [str(BIN / "khabar"), "worker", stage, "--loglevel", "info"]
        else:  # faust's own CLI; topics already exist, created by the space
            argv = [str(BIN / "faust"), "-A", f"khabar.{stage}.app", "worker", "--without-web", "-l", "info"]
        log_path = space.workdir / f"{name or stage}.log"
        worker = WorkerProcess(stage, argv, log_path).start({**space.env, **(env or {})})
        started.append(worker)
        return worker

    yield start
    stop_workers(started)


async def produce(space: KafkaSpace, topic: str, messages: list[tuple[bytes | None, bytes]]) -> None:
    """Send `(key, value)` pairs to a logical topic of `space`, in order, and wait for the broker's ack."""
    producer = AIOKafkaProducer(bootstrap_servers=space.settings.bootstrap_servers, acks="all")
    await producer.start()
    try:
        for key, value in messages:
            await producer.send(space.topic(topic), value, key=key)
        await producer.flush()
    finally:
        await producer.stop()


@dataclass
class TopicReader:
    """Reads a topic of a space from the beginning, with no consumer group, keeping every record."""

    space: KafkaSpace
    topic: str
    records: list = field(default_factory=list)
    consumer: AIOKafkaConsumer | None = None

    async def __aenter__(self) -> TopicReader:
        self.consumer = AIOKafkaConsumer(self.space.topic(self.topic),
                                         bootstrap_servers=self.space.settings.bootstrap_servers,
                                         group_id=None, auto_offset_reset="earliest",
                                         enable_auto_commit=False, max_partition_fetch_bytes=8 * 1024 * 1024)
        await self.consumer.start()
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.consumer.stop()

    async def poll(self, timeout_ms: int = 250) -> None:
        """Append whatever arrived within `timeout_ms`."""
        for batch in (await self.consumer.getmany(timeout_ms=timeout_ms)).values():
            self.records.extend(batch)


async def read_until(done: Callable[[], bool], readers: list[TopicReader], timeout: float,
                     workers: list[WorkerProcess] = ()) -> None:
    """Poll `readers` until `done()`; fail with the workers' logs if one dies or time runs out."""
    deadline = time.monotonic() + timeout
    while not done():
        dead = [w for w in workers if not w.healthy()]
        if dead or time.monotonic() > deadline:
            why = f"worker {dead[0].stage} died or crashed" if dead else f"timed out after {timeout:.0f}s"
            counts = ", ".join(f"{r.topic}: {len(r.records)}" for r in readers)
            logs = "\n".join(w.log_tail() for w in workers)
            pytest.fail(f"{why} ({counts} records read)\n{logs}", pytrace=False)
        for reader in readers:
            await reader.poll()
