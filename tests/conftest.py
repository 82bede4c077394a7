"""Shared test fixtures: where the shared data lives, and the stories tests read from it.

`../shared` is read-only and exists on developer machines and CI, never on a
user's; tests read the seed story and the news corpus from it and copy nothing.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from hypothesis import settings

# CI runs property tests derandomized: a red build must be reproducible, and a newly
# found counterexample is a bug to file and fix, not a coin flip on someone's merge.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_PATH = SHARED / "seed" / "000_1c1f0d8e485c5816.txt"
NEWS_PATH = SHARED / "data" / "news" / "ant_multisource_politics.jsonl"
EXAMPLE_STORY_PATH = REPO / "services" / "khabar" / "examples" / "wire_story.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_story(seed_text: str) -> dict:
    return {"id": "seed", "text": seed_text}


@pytest.fixture(scope="session")
def example_story() -> dict:
    return {"id": "example", "text": EXAMPLE_STORY_PATH.read_text(encoding="utf-8")}


def iter_news(limit: int | None = None) -> Iterator[dict]:
    """Stories of the shared news corpus as raw Khabar input (id, text, source, title)."""
    with open(NEWS_PATH, "rb") as f:
        for line in itertools.islice(f, limit):
            rec = orjson.loads(line)
            yield {k: rec[k] for k in ("id", "text", "source", "title", "url")}


@pytest.fixture(scope="session")
def news_stories() -> list[dict]:
    return list(iter_news(200))
