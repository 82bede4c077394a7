"""Embedded mode: whole stories through all four stages, bad input reported and skipped."""

from __future__ import annotations

import io
import subprocess
import sys

import orjson
import pytest

from khabar.doc import check_spans
from khabar.errors import InputError
from khabar.runner import process_story, run
from tests.conftest import EXAMPLE_STORY_PATH, REPO

pytestmark = pytest.mark.unit

LAYERS = ("tokens", "sentences", "entities", "quantities", "events")


def test_process_story_adds_every_layer_with_exact_spans(seed_story):
    out = process_story(seed_story)
    assert out["text"] == seed_story["text"]
    for layer in LAYERS:
        assert layer in out
    assert check_spans(out) == []
    assert set(out["meta"]["layers"]) == set(LAYERS)


def test_process_story_is_deterministic(example_story):
    assert orjson.dumps(process_story(example_story)) == orjson.dumps(process_story(example_story))


def test_run_reports_bad_lines_and_processes_the_rest(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "\xd9\x82\xd8\xaa\xd9\x84 5 \xd9\x81\xd9\x8a \xd8\xad\xd9\x84\xd8\xa8"}\n'
        b"{not json\n"
        b'{"id": "b", "text": "   "}\n'
        b'{"id": "c", "text": "\xff\xfe"}\n'
        b'["a list"]\n'
        b'{"id": "d", "text": "\xd8\xae\xd8\xa8\xd8\xb1"}\n'
    )
    out, err = io.BytesIO(), io.StringIO()
    report = run(str(src), out, progress=False, err=err)
    assert report.processed == 2
    assert [line.split(":")[1] for line in report.failed] == ["2", "3", "4", "5"]
    assert "not_json" in err.getvalue() and "empty_text" in err.getvalue()
    assert "bad_input: expected a JSON object" in err.getvalue()  # a JSON list is not a story
    ids = [orjson.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert ids == ["a", "d"]


def test_run_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        run(str(tmp_path / "nope.jsonl"), io.BytesIO(), progress=False)


def test_cli_process_txt_to_stdout_and_strict_exit(tmp_path):
    khabar = [sys.executable, "-m", "khabar.cli", "process"]
    ok = subprocess.run([*khabar, "-i", str(EXAMPLE_STORY_PATH), "-o", "-"], capture_output=True, cwd=REPO)
    assert ok.returncode == 0, ok.stderr
    doc = orjson.loads(ok.stdout.splitlines()[0])
    assert doc["id"] == "wire_story" and doc["tokens"]
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "x", "text": "\xd8\xae\xd8\xa8\xd8\xb1"}\nnope\n')
    lenient = subprocess.run([*khabar, "-i", str(bad), "-o", str(tmp_path / "o.jsonl")], capture_output=True)
    assert lenient.returncode == 0 and b"bad.jsonl:2: not_json" in lenient.stderr
    strict = subprocess.run([*khabar, "-i", str(bad), "-o", str(tmp_path / "o.jsonl"), "--strict"],
                            capture_output=True)
    assert strict.returncode == 1
    missing = subprocess.run([*khabar, "-i", str(tmp_path / "missing.jsonl")], capture_output=True)
    assert missing.returncode != 0 and b"not found" in missing.stderr
