"""normalize pauses the garbage collector for one story only, and leaves the caller's setting as it was."""

from __future__ import annotations

import gc

import pytest

from khabar.doc import Doc
from khabar.normalize.core import process

pytestmark = pytest.mark.unit

SEED_SENTENCE = "قال وزير الخارجية إن المحادثات ستستأنف في جنيف."


@pytest.mark.parametrize("enabled", [True, False])
def test_process_restores_collector_state(enabled):
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        process(Doc(id="gc", text=SEED_SENTENCE))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_process_restores_collector_after_a_failure(monkeypatch):
    def fail(text):
        raise RuntimeError("boom")

    monkeypatch.setattr("khabar.normalize.core.normalize_text", fail)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        process(Doc(id="gc", text=SEED_SENTENCE))
    assert gc.isenabled()
