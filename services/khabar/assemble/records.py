"""The assembled record of one real-world event, built from its mentions (khabar.events.assembled.v1).

A record is a pure function of its current mentions and of the figure history, so the
order in which stories, versions or duplicates arrive cannot change it. Counts follow
the most recent attributed figure (ACLED's practice of updating fatalities to the latest
credible report); every figure ever seen stays in `history`, and a figure lower than an
earlier one is listed in `revisions` with the reason, never dropped silently.
"""

from __future__ import annotations

from typing import Any

Mention = dict[str, Any]
_COUNT_FIELDS = ("killed", "injured", "arrested", "displaced")
UNKNOWN = "unknown"


def _recency(m: Mention) -> tuple[Any, ...]:
    return (m.get("seen") or "", m["version"], m["story_id"], m.get("mention_id") or "")


def _bound_value(bounds: dict[str, Any]) -> float:
    return float(bounds["min"] if bounds.get("min") is not None else bounds.get("max") or 0)


def figure_of(m: Mention) -> dict[str, Any] | None:
    """A history entry: who reported which figures, in which story version, when."""
    counts = {f: m[f] for f in _COUNT_FIELDS if m.get(f)}
    if not counts:
        return None
    return {
        "story_id": m["story_id"],
        "version": m["version"],
        "mention_id": m.get("mention_id"),
        "seen": m.get("seen") or UNKNOWN,
        "agency": m.get("agency"),
        "source": (m.get("source") or {}).get("text"),
        **counts,
    }


def reconcile_counts(mentions: list[Mention], history: list[dict[str, Any]]) -> dict[str, Any]:
    """Best counts (most recent attributed figure, else most recent), their history and revisions."""
    out: dict[str, Any] = {}
    revisions = []
    for field in _COUNT_FIELDS:
        candidates = [m for m in mentions if m.get(field)]
        if not candidates:
            continue
        best = max(candidates, key=lambda m: (m.get("source") is not None, *_recency(m)))
        out[field] = best[field]
        peak = max((h for h in history if h.get(field)), key=lambda h: _bound_value(h[field]), default=None)
        if peak is not None and _bound_value(peak[field]) > _bound_value(best[field]):
            revisions.append(
                {
                    "field": field,
                    "from": peak[field],
                    "to": best[field],
                    "reason": f"most recent attributed figure ({(best.get('source') or {}).get('text')},"
                    f" story {best['story_id']} v{best['version']}) is lower than the figure of story"
                    f" {peak['story_id']} v{peak['version']} ({peak.get('source')})",
                }
            )
    out["history"] = sorted(
        history, key=lambda h: (h["seen"], h["story_id"], h["version"], h["mention_id"] or "")
    )
    if revisions:
        out["revisions"] = revisions
    return out


def _best_location(mentions: list[Mention]) -> dict[str, Any] | None:
    """The most specific place: one with GeoNames coordinates first, then the longest name."""
    places = [m["location"] for m in mentions if m.get("location")]
    return max(
        places, key=lambda p: (p.get("geonames_id") is not None, len(p["text"]), p["text"]), default=None
    )


def _actors(mentions: list[Mention]) -> list[dict[str, Any]]:
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for m in sorted(mentions, key=_recency):
        for a in m.get("actors", []):
            by_key.setdefault((a["role"], a.get("key") or a["text"]), a)
    return sorted(by_key.values(), key=lambda a: (a["role"], a.get("key") or a["text"]))


def _window(mentions: list[Mention]) -> dict[str, str] | None:
    windows = [m["window"] for m in mentions if m.get("window")]
    return {"from": min(w[0] for w in windows), "to": max(w[1] for w in windows)} if windows else None


def _supporting(m: Mention) -> dict[str, Any]:
    return {
        k: m.get(k)
        for k in (
            "mention_id",
            "event_id",
            "story_id",
            "version",
            "agency",
            "published_at",
            "seen",
            "source",
            "evidence",
            "confidence",
        )
    }


def _seen_range(mentions: list[Mention], seen_by_story: dict[str, dict[str, str]]) -> tuple[str, str]:
    """First seen: earliest arrival of any version; last: arrival of the stories' current versions."""
    firsts, lasts = [], []
    for story_id in {m["story_id"] for m in mentions}:
        seen = {int(v): s for v, s in seen_by_story.get(story_id, {}).items() if s and s != UNKNOWN}
        if seen:
            firsts.append(min(seen.values()))
            lasts.append(seen[max(seen)])
    return (min(firsts) if firsts else UNKNOWN, max(lasts) if lasts else UNKNOWN)


def build_record(
    event_id: str,
    mentions: list[Mention],
    history: list[dict[str, Any]],
    seen_by_story: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The assembled record of one cluster of mentions."""
    mentions = sorted(mentions, key=_recency)
    latest = mentions[-1]
    first_seen, last_seen = _seen_range(
        mentions,
        seen_by_story or {m["story_id"]: {str(m["version"]): m.get("seen") or UNKNOWN} for m in mentions},
    )
    record: dict[str, Any] = {
        "event_id": event_id,
        "type": latest["type"],
        "subtype": latest.get("subtype"),
        "killed": None,
        "injured": None,
        **reconcile_counts(mentions, history),
        "location": _best_location(mentions),
        "window": _window(mentions),
        "actors": _actors(mentions),
        "speaker": next((m["speaker"] for m in reversed(mentions) if m.get("speaker")), None),
        "sources": sorted({m["source"]["text"] for m in mentions if m.get("source")}),
        "agencies": sorted({m["agency"] for m in mentions if m.get("agency")}),
        "part_of": sorted({m["part_of_event"] for m in mentions if m.get("part_of_event")}),
        "breakdown": next((m["breakdown"] for m in reversed(mentions) if m.get("breakdown")), None),
        "mentions": [_supporting(m) for m in mentions],
        "first_seen": first_seen,
        "last_seen": last_seen,
        "confidence": round(max(m.get("confidence") or 0.0 for m in mentions), 3),
    }
    return record
