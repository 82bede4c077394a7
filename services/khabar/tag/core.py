"""tag: named entities (placeholder core until the NER model lands, issue 4)."""

from __future__ import annotations

from khabar.doc import Doc


def process(doc: Doc) -> Doc:
    doc.entities = []
    return doc
