"""Topic names: the only place they are written (compose, k8s and tests read them from here)."""

from __future__ import annotations

RAW = "khabar.raw.v1"
NORMALIZED = "khabar.normalized.v1"
TAGGED = "khabar.tagged.v1"
QUANTIFIED = "khabar.quantified.v1"
EVENTS = "khabar.events.v1"
ASSEMBLED = "khabar.events.assembled.v1"
DLQ = "khabar.dlq.v1"

#: Every topic Khabar reads or writes, in pipeline order.
ALL_TOPICS = (RAW, NORMALIZED, TAGGED, QUANTIFIED, EVENTS, ASSEMBLED, DLQ)

#: Topics that keep only the latest record per key (the assembled events are upserts).
COMPACTED_TOPICS = (ASSEMBLED,)
