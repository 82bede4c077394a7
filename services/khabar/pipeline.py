"""Apply stages to documents, with schema checks at every boundary and failures as data.

Both the embedded runner and the faust shells call `run_stage_on_bytes`, so what
the in-process tests prove is exactly what runs on Kafka.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from khabar import schemas, topics
from khabar.doc import Doc, check_spans, loads
from khabar.errors import EmptyTextError, KhabarError, SpanError, StageFailed, StageOrderError
from khabar.stages import Stage


@dataclass(frozen=True)
class DeadLetter:
    """A message a stage could not process, with why; serialized to `khabar.dlq.v1`."""

    stage: str
    reason: str
    error: str
    original: bytes
    story_id: str | None = None

    def to_dict(self, topic: str | None = None, partition: int | None = None,
                offset: int | None = None) -> dict[str, Any]:
        record = {
            "stage": self.stage,
            "reason": self.reason,
            "error": self.error,
            "story_id": self.story_id,
            "original": base64.b64encode(self.original).decode("ascii"),
            "topic": topic,
            "partition": partition,
            "offset": offset,
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        }
        schemas.validate(topics.DLQ, record)
        return record


def apply_stage(stage: Stage, doc: Doc) -> Doc:
    """Run one stage's core on a document and record the layers it wrote."""
    missing = [layer for layer in stage.needs if not doc.has_layer(layer)]
    if missing:
        raise StageOrderError(f"story {doc.id}: stage {stage.name} needs layers {missing}")
    try:
        doc = stage.load()(doc)
    except KhabarError:
        raise
    except Exception as exc:  # a core bug must become a dead letter, not a dead worker
        raise StageFailed(f"story {doc.id}: stage {stage.name} failed: {type(exc).__name__}: {exc}") from exc
    for layer in stage.adds:
        doc.mark_layer(layer, stage.name, stage.version)
    return doc


def check_document(topic: str, document: dict[str, Any]) -> None:
    """Schema plus the stand-off invariant `text[start:end] == mention` for every span."""
    schemas.validate(topic, document)
    problems = check_spans(document)
    if problems:
        raise SpanError(f"story {document.get('id')}: {topic}: {problems[0]} ({len(problems)} bad spans)")


def run_stage_on_dict(stage: Stage, document: dict[str, Any], validate: bool = True) -> dict[str, Any]:
    """Validate the input, run the stage, validate the output; raises `KhabarError` subclasses."""
    _refuse_blank_text(document)
    if validate:
        schemas.validate(stage.input_topic, document)
    out = apply_stage(stage, Doc.from_dict(document)).to_dict()
    if validate:
        check_document(stage.output_topic, out)
    return out


def _refuse_blank_text(document: Any) -> None:
    """A story whose text is blank gets its own reason code, ahead of the schema's generic one."""
    if isinstance(document, dict) and isinstance(document.get("text"), str) and not document["text"].strip():
        raise EmptyTextError(f"story {document.get('id')}: empty text")


def run_stage_on_bytes(stage: Stage, raw: bytes,
                       validate: bool = True) -> tuple[str, bytes] | DeadLetter:
    """One message in, `(key, value)` out, or a `DeadLetter` saying why not. Never raises `KhabarError`."""
    story_id = None
    try:
        document = loads(raw)
        story_id = document.get("id") if isinstance(document, dict) else None
        out = run_stage_on_dict(stage, document, validate)
    except KhabarError as exc:
        known_id = story_id if isinstance(story_id, str) else None
        return DeadLetter(stage.name, exc.reason, str(exc), raw, known_id)
    return out["id"], orjson.dumps(out)
