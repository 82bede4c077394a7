"""The example story and real news articles: every token and sentence offset is exact."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import orjson
import pytest

from khabar.doc import Doc, check_spans
from khabar.normalize.core import process
from khabar.pipeline import run_stage_on_dict
from khabar.stages import get_stage

pytestmark = pytest.mark.unit

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED_STORY = SHARED / "seed" / "000_1c1f0d8e485c5816.txt"
NEWS_CORPUS = SHARED / "data" / "news" / "ant_multisource_politics.jsonl"


@pytest.fixture(scope="module")
def seed_doc() -> Doc:
    return process(Doc(id="seed", text=SEED_STORY.read_text(encoding="utf-8")))


def test_seed_every_token_and_sentence_offset_is_exact(seed_doc):
    text = seed_doc.text
    assert seed_doc.tokens and seed_doc.sentences
    for span in seed_doc.tokens + seed_doc.sentences:
        assert text[span["start"]:span["end"]] == span["text"]
    for token in seed_doc.tokens:
        assert seed_doc.normalized is not None
        assert seed_doc.offsets is not None
        nstart, nend = seed_doc.offsets.to_normalized(token["start"], token["end"])
        assert seed_doc.normalized[nstart:nend] == token["norm"]


def test_seed_passes_the_stage_boundary():
    story = {"id": "seed", "text": SEED_STORY.read_text(encoding="utf-8")}
    out = run_stage_on_dict(get_stage("normalize"), story)
    assert out["lang"] == "ar"
    assert check_spans(out) == []


def test_seed_sentences_follow_lines_and_full_stops(seed_doc):
    texts = [s["text"] for s in seed_doc.sentences]
    assert texts[0].startswith("أعلن وزير الخارجية") and texts[0].endswith("في سوريا.")
    assert "انتخابات تشريعية ورئاسية" in texts  # a headline line without a full stop
    assert texts[-1] == "التعليقات"
    assert all("\n" not in t for t in texts)


def test_seed_shadda_stays_inside_its_token(seed_doc):
    token = next(t for t in seed_doc.tokens if t["norm"] == "جراء")
    assert token["text"] == "جرّاء"


def test_seed_clitics_give_entity_surfaces(seed_doc):
    text = seed_doc.text
    bases = {t["text"]: text[t["base_start"]:t["end"]] for t in seed_doc.tokens if t["pre"]}
    assert bases["والاردن"] == "الاردن"
    assert bases["للجيش"] == "جيش"  # ل + ال contracted: the span starts after لل (CONVENTIONS)
    assert bases["وحماة"] == "حماة"
    assert "لافروف" not in bases and "بشار" not in bases  # names are not cut
    numbers = [t for t in seed_doc.tokens if t["shape"] == "digit"]
    assert [t["norm"] for t in numbers][:3] == ["1", "60", "60"]


def _news_texts(limit: int) -> list[str]:
    with NEWS_CORPUS.open("rb") as stream:
        return [orjson.loads(line)["text"] for line in islice(stream, limit)]


def test_news_corpus_sample_keeps_every_offset_exact():
    stage = get_stage("normalize")
    for number, text in enumerate(_news_texts(300)):
        story = {"id": f"news-{number}", "text": text}
        # the JSON Schema check costs more than normalizing: run it on a tenth of the sample
        out = run_stage_on_dict(stage, story) if number % 10 == 0 else process(Doc.from_dict(story)).to_dict()
        assert check_spans(out) == [], number
        assert out["lang"] == "ar", number
        for token in out["tokens"]:
            assert token["start"] <= token["base_start"] <= token["end"]
