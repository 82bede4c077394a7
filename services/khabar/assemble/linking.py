"""Links between a story's event mentions: attribution, breakdowns, shared event ids, confidence.

* A statement whose content reports casualties, arrests or displacement is attribution
  ("وافاد المرصد عن سقوط 28 قتيلا"): its speaker becomes the event's `source`.
* A total with several victim groups and later figures for one group each is a breakdown
  ("أكثر من 60 قتيلا" = 28 + 21 + 16): parts get `part_of` (index of the total) and the
  total a `breakdown` check of whether the parts' sum fits the total.
* Mentions of one real-world event (a headline and its lead, two leads of one statement)
  share an `event_id`, by the merge rules of `merge.compatible`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from khabar.assemble.merge import compatible, event_id_of, event_key, mention_record
from khabar.doc import Doc

Event = dict[str, Any]
_REPORTED = ("casualties", "arrest", "displacement")
_BREAKDOWN_REACH = 30


def absorb_attributions(statements: list[Event], found: list[Event]) -> list[Event]:
    """Drop attribution-only statements, giving their speaker to the events they report."""
    kept = []
    for st in statements:
        lo, hi = st["_content"]
        inside = [e for e in found if lo <= e["_anchor"][0] < hi]
        reported = [e for e in inside if e["type"] in _REPORTED or st["verb"] == "افاد"]
        if not reported:
            kept.append(st)
            continue
        for event in reported:
            if event.get("source") is None:
                event["source"] = {k: st["speaker"][k] for k in ("start", "end", "text")}
    return kept


def _bounds_sum(parts: list[Event]) -> dict[str, Any]:
    mins = [p["killed"]["min"] for p in parts]
    maxs = [p["killed"]["max"] for p in parts]
    return {"min": sum(mins) if None not in mins else None, "max": sum(maxs) if None not in maxs else None}


def _agrees(total: dict[str, Any], parts_sum: dict[str, Any]) -> bool:
    """The parts fit the total when their ranges intersect ("more than 60" and "at least 65" do)."""
    low = parts_sum["min"] if parts_sum["min"] is not None else 0
    high = parts_sum["max"] if parts_sum["max"] is not None else float("inf")
    t_low = total["min"] if total["min"] is not None else 0
    t_high = total["max"] if total["max"] is not None else float("inf")
    return low <= t_high and t_low <= high


def link_breakdowns(events: list[Event]) -> None:
    """Set `part_of` on the parts of every total and a `breakdown` check on the total."""
    for i, total in enumerate(events):
        groups = set(total.get("victims") or [])
        if total["type"] != "casualties" or not total.get("killed") or len(groups) < 2 or "part_of" in total:
            continue
        parts: list[int] = []
        for j in range(i + 1, min(len(events), i + _BREAKDOWN_REACH)):
            e = events[j]
            if e["type"] != "casualties" or not e.get("killed"):
                continue
            victims = set(e.get("victims") or [])
            if len(victims) > 1:
                break
            if victims and victims <= groups and not any(victims == set(events[k]["victims"]) for k in parts):
                parts.append(j)
        if len(parts) >= 2:
            for j in parts:
                events[j]["part_of"] = i
            parts_sum = _bounds_sum([events[j] for j in parts])
            total["breakdown"] = {
                "parts": parts,
                "sum": parts_sum,
                "agrees": _agrees(total["killed"], parts_sum),
                "complete": len(parts) == len(groups),
            }


def assign_mention_ids(doc: Doc, events: list[Event]) -> None:
    """Deterministic mention ids: the story id and a hash of the type and evidence offsets."""
    for event in events:
        offsets = ",".join(f"{e['start']}-{e['end']}" for e in event["evidence"])
        digest = hashlib.sha1(f"{event['type']}|{offsets}".encode()).hexdigest()[:12]
        event["id"] = f"{doc.id}:ev:{digest}"


def assign_event_ids(doc: Doc, events: list[Event]) -> None:
    """Shared event ids: mentions are clustered by the merge rules and named by their first mention's key."""
    meta = {"id": doc.id, "version": doc.version, "source": doc.source, "published_at": doc.published_at}
    records = [mention_record(meta, e) for e in events]
    for record, event in zip(records, events, strict=True):
        if isinstance(event.get("part_of"), int):
            record["part_of_mention"] = events[event["part_of"]]["id"]
    clusters: list[list[int]] = []
    for i, record in enumerate(records):
        home = next((c for c in clusters if all(compatible(records[k], record) for k in c)), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    taken: set[str] = set()
    for members in clusters:
        anchor = records[members[0]]
        event_id = event_id_of(event_key(anchor))
        if event_id in taken:
            event_id = event_id_of(f"{event_key(anchor)}|{anchor['mention_id']}")
        taken.add(event_id)
        for k in members:
            events[k]["event_id"] = event_id


_BASE_CONFIDENCE = {
    "casualties": 0.6,
    "attack": 0.5,
    "statement": 0.6,
    "agreement": 0.55,
    "meeting": 0.55,
    "offensive": 0.6,
    "arrest": 0.5,
    "displacement": 0.5,
}


def score_confidence(event: Event) -> float:
    """Rule-based confidence: by type, raised per argument found, lowered for continuations."""
    score = _BASE_CONFIDENCE[event["type"]]
    score += 0.1 * bool(event.get("location")) + 0.1 * bool(event.get("source"))
    score += 0.05 * bool(event.get("actors")) + 0.05 * bool(event.get("time"))
    if event["type"] == "casualties" and event.get("killed") is None and event.get("injured") is None:
        score -= 0.2
    if event.get("continuation"):
        score -= 0.2
    return round(min(score, 0.95), 2)
