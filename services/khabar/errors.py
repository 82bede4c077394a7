"""Khabar's exceptions: one root, a few named kinds, each with a stable reason code.

Reason codes are short and greppable; they travel in dead-letter records
(`khabar.dlq.v1`) so an operator can count failures by kind.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Root of every error Khabar raises on purpose."""

    reason = "khabar_error"


class InputError(KhabarError):
    """A message or input line is not a usable story (not JSON, not UTF-8, no text)."""

    reason = "bad_input"


class NotJsonError(InputError):
    """The bytes are not valid UTF-8 JSON."""

    reason = "not_json"


class EmptyTextError(InputError):
    """The story has no text to process."""

    reason = "empty_text"


class SchemaError(KhabarError):
    """A document does not match the JSON Schema of its topic."""

    reason = "schema_invalid"


class SpanError(KhabarError):
    """An annotation's offsets do not point at its stated mention in the original text."""

    reason = "bad_span"


class StageOrderError(KhabarError):
    """A pipeline reads a layer before any stage has written it."""

    reason = "stage_order"


class StageFailed(KhabarError):
    """A stage core raised while processing one document."""

    reason = "stage_failed"


class BackendUnavailable(KhabarError):
    """The NER backend that was selected cannot be loaded (missing packages or model data)."""

    reason = "ner_backend_missing"
