"""Pure functions behind the faust tables of the assemble stage (the lead wires them into agents).

Two changelog-backed tables, two agents:

1. `route_mentions` consumes `khabar.events.v1` (key: story id) with table `stories`:
   `new_value, sends = route(stories[story_id], document, seen)`; store `new_value`, then send
   each `(bucket, payload)` to the internal topic keyed by `bucket`.
2. `assemble_events` consumes that topic (key: bucket) with table `buckets`:
   `new_value, upserts = apply(buckets[bucket], payload)`; store `new_value`, then send each
   `(event_id, record)` to `khabar.events.assembled.v1` keyed by `event_id` (record None is a
   tombstone for the compacted topic).

A bucket holds the mentions that may merge (one type, one place name, or one speaker),
so a bucket is re-clustered from scratch on every update: the result depends on the set
of current mentions, never on arrival order or hash seed (mentions and units are sorted by
content-derived keys before the canonical greedy clustering), and a replayed or duplicated
story changes nothing and emits nothing. An event id is emitted by one bucket only (`_at_home`):
records are keyed by event id alone, so a shared id would let buckets overwrite each other.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import orjson

from khabar.assemble.merge import (
    Mention,
    compatible,
    event_id_of,
    event_key,
    mention_records,
    speaker_head,
)
from khabar.assemble.records import UNKNOWN, build_record, figure_of
from khabar.assemble.timeframe import iso_instant, windows_overlap

#: Stories older than this (by `seen`, relative to the newest in the bucket) are dropped from a bucket.
HORIZON_DAYS = 30


def bucket_key(m: Mention) -> str:
    """The bucket of mentions that can merge: type plus place name, speaker, parties or attacker."""
    kind = m["type"]
    if kind == "statement":
        return f"{kind}|{speaker_head(m) or m['story_id']}"
    if kind in ("agreement", "meeting"):
        return f"{kind}|{min(m['party_terms'], default=m['story_id'])}"
    if kind == "offensive":
        return f"{kind}|{min(m['attacker_keys'], default=m['story_id'])}"
    if m.get("place"):
        return f"{kind}|{m['place']['head'][0]}"
    return f"{kind}|story:{m['story_id']}"


def route(
    state: dict[str, Any] | None, document: dict[str, Any], seen: str | None = None
) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """Split a story's mentions into bucket payloads; retract the buckets an older version touched.

    Args:
        state: the `stories` table value of this story ({"version", "buckets"}) or None.
        document: a `khabar.events.v1` document.
        seen: when this version arrived (the Kafka timestamp, ISO 8601); defaults to published_at.
    Returns:
        The new table value and the `(bucket, payload)` pairs to send, in a stable order.
    """
    mentions = mention_records(document, seen)
    version = int(document.get("version") or 1)
    stored = state or {"version": 0, "buckets": []}
    latest = max(version, stored["version"])
    by_bucket: dict[str, list[Mention]] = {}
    for m in mentions:
        by_bucket.setdefault(bucket_key(m), []).append(m)
    if version >= stored["version"]:
        for old in stored["buckets"]:
            by_bucket.setdefault(old, [])
        state = {"version": version, "buckets": sorted(b for b, ms in by_bucket.items() if ms)}
    head = {
        "story_id": document["id"],
        "version": version,
        "latest_version": latest,
        "seen": iso_instant(seen or document.get("published_at")),
    }
    return state or stored, [(b, {**head, "mentions": by_bucket[b]}) for b in sorted(by_bucket)]


def _update_story(entry: dict[str, Any] | None, payload: dict[str, Any]) -> dict[str, Any]:
    entry = entry or {"version": 0, "seen": {}, "mentions": [], "history": []}
    version, latest = payload["version"], max(payload["latest_version"], entry["version"])
    seen = dict(entry["seen"])
    if payload.get("seen"):
        key = str(version)
        seen[key] = min(seen.get(key) or payload["seen"], payload["seen"])
    history = list(entry["history"])
    for m in payload["mentions"]:
        figure = figure_of(m)
        if figure and not any(
            (h["version"], h["mention_id"]) == (version, figure["mention_id"]) for h in history
        ):
            history.append(
                {**figure, "event_id": m.get("event_id"), "type": m["type"], "place": m.get("place")}
            )
    if version >= latest:
        return {"version": version, "seen": seen, "mentions": payload["mentions"], "history": history}
    return {"version": latest, "seen": seen, "mentions": entry["mentions"], "history": history}


def _prune(stories: dict[str, dict[str, Any]], horizon_days: int) -> dict[str, dict[str, Any]]:
    latest = [s for e in stories.values() for s in e["seen"].values() if s and s != UNKNOWN]
    if not latest:
        return stories
    cutoff = (date.fromisoformat(max(latest)[:10]) - timedelta(days=horizon_days)).isoformat()
    return {
        sid: e
        for sid, e in stories.items()
        if not e["seen"] or max(e["seen"].values()) >= cutoff or not e["mentions"] and not e["history"]
    }


def _canonical(m: Mention) -> tuple[str, ...]:
    """A total, content-derived order of the mentions of one story (never their arrival order)."""
    return (m.get("mention_id") or "", orjson.dumps(m, option=orjson.OPT_SORT_KEYS).decode())


def _at_home(m: Mention) -> bool:
    """True when the mention's event id is named by its own key, so it is this bucket's to emit.

    `linking.assign_event_ids` names a story's event after its first mention; a later mention
    of that event may have another speaker head or place and so route to another bucket. Both
    buckets would then emit one event id, and each would overwrite or tombstone the other's
    record depending on arrival order. An event id belongs only to the bucket of the mention
    whose key it hashes (a key fixes its bucket); other buckets qualify it with their name.
    """
    key = event_key(m)
    return m.get("event_id") in (event_id_of(key), event_id_of(f"{key}|{m.get('mention_id')}"))


def cluster(mentions: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """Group mentions into events: units of one story and event id join the first fully compatible cluster.

    Units are visited in a canonical order (event id, story id) and each unit's mentions in a
    content-derived order, so the result depends only on the set of mentions, never on
    arrival order or hash seed. Two units of one story with different event ids never join.
    Event ids are unique across buckets (see `_at_home`).
    """
    units: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(mentions, key=_canonical):
        units.setdefault((m.get("event_id") or m["mention_id"], m["story_id"]), []).append(m)
    clusters: list[_Cluster] = []
    for unit in sorted(units):
        target = next((c for c in clusters if c.accepts(unit, units)), None)
        if target is None:
            clusters.append(_Cluster(unit, units[unit]))
        else:
            target.add(unit, units[unit])
    out, taken = [], set()
    for c in clusters:
        home = [u[0] for u in c.units if any(_at_home(m) for m in units[u])]
        if home:
            event_id = min(home)
        else:  # every member's event is named after a mention in another bucket
            event_id = event_id_of(f"{min(u[0] for u in c.units)}|{bucket_key(c.members[0])}")
        if event_id in taken:
            event_id = event_id_of(f"{event_id}|{min(m['mention_id'] for m in c.members)}")
        taken.add(event_id)
        out.append((event_id, c.members))
    return out


class _Cluster:
    """Units of one event while clustering, with the span of their windows as a cheap first test."""

    def __init__(self, unit: tuple[str, str], members: list[Mention]) -> None:
        self.units: list[tuple[str, str]] = []
        self.members: list[Mention] = []
        self.stories: set[str] = set()
        self.window: tuple[str, str] | None = None
        self.unbounded = False
        self.add(unit, members)

    def add(self, unit: tuple[str, str], members: list[Mention]) -> None:
        self.units.append(unit)
        self.members += members
        self.stories.add(unit[1])
        for m in members:
            if not m.get("window"):
                self.unbounded = True
            elif self.window is None:
                self.window = (m["window"][0], m["window"][1])
            else:
                self.window = (min(self.window[0], m["window"][0]), max(self.window[1], m["window"][1]))

    def accepts(self, unit: tuple[str, str], units: dict[tuple[str, str], list[Mention]]) -> bool:
        """Complete linkage: every pair compatible; units of a story already here never join."""
        if unit[1] in self.stories:
            return False
        if (
            not self.unbounded
            and self.window is not None
            and not all(
                not m.get("window") or windows_overlap(self.window, tuple(m["window"])) for m in units[unit]
            )
        ):
            return False  # no member's window can overlap: skip the pairwise test
        return all(compatible(a, b) for a in self.members for b in units[unit])


def _history_for(members: list[Mention], stories: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures of every version of the member stories that reported this event (by event id or place)."""
    ids = {(m["story_id"], m.get("event_id")) for m in members}
    kinds = {(m["story_id"], m["type"], orjson.dumps(m.get("place"))) for m in members}
    out = []
    for story_id in sorted({m["story_id"] for m in members}):
        for h in stories[story_id]["history"]:
            if (story_id, h.get("event_id")) in ids or (
                story_id,
                h["type"],
                orjson.dumps(h.get("place")),
            ) in kinds:
                out.append({k: v for k, v in h.items() if k not in ("event_id", "type", "place")})
    # A total order: a story's history lists its versions in arrival order, and ties in
    # `records.reconcile_counts` (the peak figure) go to the first entry.
    return sorted(out, key=lambda h: orjson.dumps(h, option=orjson.OPT_SORT_KEYS))


def _digest(record: dict[str, Any]) -> str:
    return hashlib.sha1(orjson.dumps(record, option=orjson.OPT_SORT_KEYS)).hexdigest()[:20]


def apply(
    state: dict[str, Any] | None, payload: dict[str, Any], horizon_days: int = HORIZON_DAYS
) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any] | None]]]:
    """Fold one story's bucket payload into the bucket and return the records that changed.

    Args:
        state: the `buckets` table value ({"stories", "emitted"}) or None.
        payload: one payload from `route`.
    Returns:
        The new table value and `(event_id, record)` upserts; `record` None deletes the event.
    """
    state = state or {"stories": {}, "emitted": {}}
    stories = dict(state["stories"])
    stories[payload["story_id"]] = _update_story(stories.get(payload["story_id"]), payload)
    kept = _prune(stories, horizon_days)
    pruned = set(stories) - set(kept)
    seen = {sid: e["seen"] for sid, e in kept.items()}
    emitted: dict[str, list[Any]] = {}
    upserts: list[tuple[str, dict[str, Any] | None]] = []
    for eid, members in cluster([m for e in kept.values() for m in e["mentions"]]):
        membership = _membership(members)
        before = state["emitted"].get(eid)
        if before and before[2] == membership and payload["story_id"] not in before[1]:
            emitted[eid] = before  # same mentions, none from this story: the record cannot have changed
            continue
        record = build_record(eid, members, _history_for(members, kept), seen)
        emitted[eid] = [_digest(record), sorted({m["story_id"] for m in members}), membership]
        if not before or before[0] != emitted[eid][0]:
            upserts.append((eid, record))
    # An event whose stories aged out stays as it was on the compacted topic: no tombstone.
    upserts += [
        (eid, None)
        for eid in sorted(set(state["emitted"]) - set(emitted))
        if not pruned & set(state["emitted"][eid][1])
    ]
    return {"stories": kept, "emitted": emitted}, sorted(upserts, key=lambda u: u[0])


def _membership(members: list[Mention]) -> str:
    """A short fingerprint of which story versions' mentions make up an event."""
    ids = sorted(f"{m['mention_id']}@{m['version']}" for m in members)
    return hashlib.sha1("|".join(ids).encode()).hexdigest()[:16]
