"""Issue 5: Microsoft Recognizers-Text's Arabic specs as a peer suite (slow: about 20 s).

The 551 cases Microsoft's own .NET implementation runs go through the real CLI
(`khabar process`), and the shared scorer `rt_peer.py` counts the expected spans found
and the checkable values that are right. Both must stay at or above 90%. The per-file
rates are printed (run with -s); README.md lists the conventions where Khabar differs
from Recognizers-Text by design.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

pytestmark = [pytest.mark.unit, pytest.mark.slow]

RT_PEER = SHARED / "eval" / "rt_peer.py"
KHABAR = Path(sys.executable).with_name("khabar")
FLOOR = 0.90


@pytest.fixture(scope="module")
def rt_peer():
    spec = importlib.util.spec_from_file_location("rt_peer", RT_PEER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def peer_result(rt_peer, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rt_peer")
    stories, output = folder / "in.jsonl", folder / "out.jsonl"
    rt_peer.make_input(str(stories))
    subprocess.run(
        [str(KHABAR), "process", "-i", str(stories), "-o", str(output), "--no-progress"],
        check=True,
        capture_output=True,
    )
    result = rt_peer.evaluate(rt_peer.load_cases(rt_peer.DEFAULT_SPECS), rt_peer.read_outputs(str(output)))
    for stem, stats in result["files"].items():
        values = f"{stats['value_ok']}/{stats['scored_found']}"
        print(f"{stem:<18} spans {stats['found']}/{stats['results']}  values {values}")
    return result


def test_peer_suite_every_case_processed(peer_result):
    assert peer_result["total"]["cases"] == 551
    assert peer_result["total"]["missing"] == 0
    assert peer_result["total"]["bad_offsets"] == 0


def test_peer_suite_span_recall_at_least_90_percent(peer_result):
    total = peer_result["total"]
    assert total["found"] / total["results"] >= FLOOR


def test_peer_suite_value_accuracy_at_least_90_percent(peer_result):
    total = peer_result["total"]
    assert total["value_ok"] / total["scored_found"] >= FLOOR
