"""In-memory assembler: the two faust tables of `table.py` as dicts, for embedded mode and tests.

    assembler = Assembler()
    for document in documents:          # khabar.events.v1 documents, any order, repeats allowed
        assembler.add(document)
    assembler.records                   # event_id -> khabar.events.assembled.v1 record

The streaming shell calls the very same `route` and `apply`, so what these tests prove
about replays, duplicates and out-of-order versions holds on Kafka too.
"""

from __future__ import annotations

from typing import Any

from khabar.assemble.table import HORIZON_DAYS, apply, route


class Assembler:
    """Stories in, assembled event records out; state lives in two dicts keyed like the faust tables."""

    def __init__(self, horizon_days: int = HORIZON_DAYS) -> None:
        self.horizon_days = horizon_days
        self.stories: dict[str, dict[str, Any]] = {}
        self.buckets: dict[str, dict[str, Any]] = {}
        self.records: dict[str, dict[str, Any]] = {}

    def add(
        self, document: dict[str, Any], seen: str | None = None
    ) -> list[tuple[str, dict[str, Any] | None]]:
        """Fold one story version in; returns the `(event_id, record | None)` upserts it caused."""
        state, sends = route(self.stories.get(document["id"]), document, seen)
        self.stories[document["id"]] = state
        upserts = []
        for bucket, payload in sends:
            self.buckets[bucket], changed = apply(self.buckets.get(bucket), payload, self.horizon_days)
            for event_id, record in changed:
                if record is None:
                    self.records.pop(event_id, None)
                else:
                    self.records[event_id] = record
            upserts += changed
        return upserts
