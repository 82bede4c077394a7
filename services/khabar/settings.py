"""One frozen settings object, filled from `KHABAR_*` environment variables.

Defaults work on a laptop with the repo's own broker (`make up`); no broker host
is written anywhere else in the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Where the broker is and how topics and consumer groups are named."""

    bootstrap_servers: str = "127.0.0.1:19092"
    partitions: int = 4
    topic_prefix: str = ""
    group_prefix: str = "khabar"
    data_dir: str = "/tmp/khabar-faust"
    session_timeout_s: float = 10.0
    validate: bool = True
    ner_backend: str = "khabar"  # the tag stage's sequence tagger: "khabar" or "camel-bert"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        default = cls()
        return cls(
            bootstrap_servers=env.get("KHABAR_BOOTSTRAP_SERVERS", default.bootstrap_servers),
            partitions=int(env.get("KHABAR_PARTITIONS", default.partitions)),
            topic_prefix=env.get("KHABAR_TOPIC_PREFIX", default.topic_prefix),
            group_prefix=env.get("KHABAR_GROUP_PREFIX", default.group_prefix),
            data_dir=env.get("KHABAR_DATA_DIR", default.data_dir),
            session_timeout_s=float(env.get("KHABAR_SESSION_TIMEOUT", default.session_timeout_s)),
            validate=env.get("KHABAR_VALIDATE", "1") not in ("0", "false", "no"),
            ner_backend=env.get("KHABAR_NER_BACKEND") or default.ner_backend,
        )

    def topic(self, name: str) -> str:
        """The broker-side name of a logical topic (a prefix isolates tests and tenants)."""
        return f"{self.topic_prefix}{name}"

    def group(self, stage: str) -> str:
        """The consumer group of a stage: all workers of one stage share its partitions."""
        return f"{self.group_prefix}-{stage}"
