"""Ingest's input side: which lines become raw stories, and how bad ones are named."""

from __future__ import annotations

import orjson
import pytest

from khabar import schemas, topics
from khabar.errors import KhabarError
from khabar.streaming.ingest import iter_raw_stories, iter_sources, to_raw_story
from tests.conftest import NEWS_PATH, SEED_PATH

pytestmark = pytest.mark.unit

#: A record as the ANT corpus gives it: RFC 2822 `date`, no `published_at`.
ANT_RECORD = {"id": "SK-middleEast-1-20180223", "text": "قُتل ٣ أشخاص في قصف على حلب.",
              "date": "Fri, 23 Feb 2018 10:37:34 GMT", "category": "middleEast"}


def test_to_raw_story_converts_rfc2822_date_to_iso8601():
    assert to_raw_story(ANT_RECORD)["published_at"] == "2018-02-23T10:37:34+00:00"
    assert to_raw_story({**ANT_RECORD, "date": "Sun, 07 Oct 2018 10:16:16 +0400"})["published_at"] \
        == "2018-10-07T10:16:16+04:00"


def test_to_raw_story_keeps_an_existing_published_at_and_bad_dates():
    given = {**ANT_RECORD, "published_at": "2018-02-23"}
    assert to_raw_story(given) is given
    assert "published_at" not in to_raw_story({**ANT_RECORD, "date": "الجمعة ٢٣ شباط"})


def test_to_raw_story_gives_every_corpus_record_a_valid_raw_story():
    with open(NEWS_PATH, "rb") as lines:
        for _, line in zip(range(300), lines, strict=False):
            story = to_raw_story(orjson.loads(line))
            schemas.validate(topics.RAW, story)
            assert story["published_at"][:4] in {"2013", "2014", "2015", "2016", "2017", "2018"}


def test_iter_raw_stories_names_bad_lines_and_keeps_good_ones(tmp_path):
    src = tmp_path / "wire.jsonl"
    src.write_bytes(orjson.dumps(ANT_RECORD) + b"\n{not json\n\n" + orjson.dumps({"id": "x", "text": " "})
                    + b"\n" + orjson.dumps({"text": "بلا معرف"}) + b"\n")
    got = [(where.rsplit(":", 1)[1], item) for where, item in iter_raw_stories(str(src))]
    assert [line for line, _ in got] == ["1", "2", "4", "5"]
    assert got[0][1]["id"] == ANT_RECORD["id"]
    assert [item.reason for _, item in got[1:]] == ["not_json", "schema_invalid", "schema_invalid"]
    assert all(isinstance(item, KhabarError) for _, item in got[1:])


def test_iter_sources_reads_a_folder_in_name_order(tmp_path):
    for name in ("b.jsonl", "a.txt", "notes.md", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.rsplit("/", 1)[1] for p in iter_sources(str(tmp_path))] == ["a.txt", "b.jsonl", "c.txt"]


def test_iter_raw_stories_reads_the_seed_txt_as_one_story():
    [(where, story)] = list(iter_raw_stories(str(SEED_PATH)))
    assert where.endswith("000_1c1f0d8e485c5816.txt:1")
    assert story["id"] == "000_1c1f0d8e485c5816" and story["text"] == SEED_PATH.read_text(encoding="utf-8")
