"""assemble: events (placeholder core, issue 6)."""

from __future__ import annotations

from khabar.doc import Doc


def process(doc: Doc) -> Doc:
    doc.events = []
    return doc
