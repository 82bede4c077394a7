"""Merge rules: when two event mentions are one real-world event, and the merged record they make.

Rules (each is a test in tests/unit/assemble/test_merge.py):
1. Same event type.
2. Compatible time windows: they overlap within one day; an unknown window is compatible.
3. Same or contained place (`keys.places_compatible`); located types need a place on both
   sides, except mentions of one story that also agree on every figure.
4. Compatible actors: casualties with named victim groups need the same groups, and a
   breakdown part never merges with its total; attacks and offensives need overlapping
   attackers when both name one; statements need a shared speaker name and similar content
   (overlap coefficient of content stems >= `STATEMENT_SIMILARITY`); agreements and
   meetings a shared party.
5. Within one story, figures must agree (a different figure is a different report);
   across stories they may differ: the record reconciles them (`records.reconcile_counts`).
"""

from __future__ import annotations

import hashlib
from typing import Any

from khabar.assemble import keys
from khabar.assemble.records import build_record, figure_of
from khabar.assemble.timeframe import iso_instant, parse_published, window_of, windows_overlap

Mention = dict[str, Any]

#: Minimum overlap of content stems for two statements by one speaker to be one statement.
STATEMENT_SIMILARITY = 0.3
#: Attack subtypes that may describe one event (an air raid is reported as غارة or قصف جوي).
_REMOTE = frozenset(("air_strike", "shelling", "missile", "drone"))
_BOMBING = frozenset(("bombing", "suicide_bombing"))
_LOCATED = ("casualties", "attack", "arrest", "displacement")
_COUNT_FIELDS = ("killed", "injured", "arrested", "displaced")


def _span_text(value: dict[str, Any] | None) -> str | None:
    return value.get("text") if value else None


def mention_record(story: dict[str, Any], event: dict[str, Any], seen: str | None = None) -> Mention:
    """The comparable, story-independent form of one event mention (what the assembler stores).

    Args:
        story: the document's metadata: id, version, source (agency), published_at.
        event: one item of the document's `events` layer.
        seen: when the assembler received this version (defaults to `published_at`).
    """
    location = event.get("location")
    speaker, source = event.get("speaker"), event.get("source")
    actors = [{k: a[k] for k in ("text", "role", "key") if k in a} for a in event.get("actors", [])]
    return {
        "mention_id": event.get("id"),
        "event_id": event.get("event_id"),
        "story_id": story["id"],
        "version": int(story.get("version") or 1),
        "agency": story.get("source"),
        "published_at": story.get("published_at"),
        "seen": iso_instant(seen or story.get("published_at")),
        "type": event["type"],
        "subtype": event.get("subtype"),
        **{f: event.get(f) for f in _COUNT_FIELDS},
        "location": {
            k: location[k] for k in ("text", "geonames_id", "lat", "lon", "country") if k in location
        }
        if location
        else None,
        "place": keys.place_key(location),
        "window": window_of(event.get("time"), story.get("published_at")),
        "actors": actors,
        "victims": list(event.get("victims") or []),
        "speaker": {"text": speaker["text"]} if speaker else None,
        "speaker_terms": sorted(keys.name_terms(_span_text(speaker))),
        "source": {"text": source["text"]} if source else None,
        "content_terms": keys.content_terms(_span_text(event.get("content"))),
        "party_terms": sorted(
            {t for a in actors if a["role"] == "party" for t in keys.name_terms(a["text"])}
        ),
        "attacker_keys": sorted(
            {a.get("key") or a["text"] for a in actors if a["role"] in ("attacker", "agent")}
        ),
        "part_of_mention": event.get("part_of_mention"),
        "breakdown": event.get("breakdown"),
        "evidence": event.get("evidence", []),
        "confidence": event.get("confidence", 0.5),
    }


def _counts_agree(a: Mention, b: Mention) -> bool:
    return all(a.get(f) is None or b.get(f) is None or a[f] == b[f] for f in _COUNT_FIELDS)


def _subtypes_compatible(a: str | None, b: str | None) -> bool:
    if a == b or "attack" in (a, b):
        return a != "clash" and b != "clash" or a == b
    return bool({a, b} <= _REMOTE or {a, b} <= _BOMBING)


def _shared(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _casualties_compatible(a: Mention, b: Mention) -> bool:
    if a["mention_id"] in (b.get("part_of_mention"),) or b["mention_id"] in (a.get("part_of_mention"),):
        return False
    return not (a["victims"] and b["victims"] and a["victims"] != b["victims"])


def _places_ok(a: Mention, b: Mention, same_story: bool) -> bool:
    if a["place"] is None and b["place"] is None:
        return same_story and _counts_agree(a, b) and any(a.get(f) for f in _COUNT_FIELDS)
    return keys.places_compatible(a["place"], b["place"])


def compatible(a: Mention, b: Mention) -> bool:
    """True when mentions `a` and `b` may report one real-world event (rules 1-5 above)."""
    if a["type"] != b["type"] or not windows_overlap(_window(a), _window(b)):
        return False
    same_story = a["story_id"] == b["story_id"]
    if same_story and not _counts_agree(a, b):
        return False
    kind = a["type"]
    if kind == "statement":
        return (
            bool(set(a["speaker_terms"]) & set(b["speaker_terms"]))
            and keys.overlap(a["content_terms"], b["content_terms"]) >= STATEMENT_SIMILARITY
        )
    if kind in ("agreement", "meeting"):
        places = a["place"] is None or b["place"] is None or keys.places_compatible(a["place"], b["place"])
        return bool(set(a["party_terms"]) & set(b["party_terms"])) and places
    if kind == "offensive":
        places = a["place"] is None or b["place"] is None or keys.places_compatible(a["place"], b["place"])
        return bool(set(a["attacker_keys"]) & set(b["attacker_keys"])) and places
    if not _places_ok(a, b, same_story):
        return False
    if kind == "casualties":
        return _casualties_compatible(a, b)
    if kind == "attack":
        return _subtypes_compatible(a.get("subtype"), b.get("subtype")) and _shared(
            a["attacker_keys"], b["attacker_keys"]
        )
    return True


def _window(m: Mention) -> tuple[str, str] | None:
    return tuple(m["window"]) if m.get("window") else None  # type: ignore[return-value]


def _key_day(m: Mention) -> str:
    """The day in an event key: the story's publication day (stable across its versions), else the
    event's own window, else nothing."""
    published = parse_published(m.get("published_at"))
    if published:
        return published.isoformat()
    return m["window"][0] if m.get("window") else ""


def is_robust(m: Mention) -> bool:
    """A key that stories can share: a known day plus the argument that pins the event down."""
    if not _key_day(m):
        return False
    return bool(
        {
            "statement": m["speaker_terms"],
            "agreement": m["party_terms"],
            "meeting": m["party_terms"],
            "offensive": m["attacker_keys"],
        }.get(m["type"], m["place"])
    )


def event_key(m: Mention) -> str:
    """The deterministic signature of the event a mention reports; hashed into its `event_id`.

    Built from story-independent arguments (type, place, day, victims, speaker, parties),
    so two agencies' mentions of one event get one id; when those arguments cannot pin
    the event down (no day, no place) the story and mention are added to keep ids apart.
    """
    day = _key_day(m)
    place = "/".join((m["place"] or {}).get("head", [])) + ":" + "/".join((m["place"] or {}).get("qual", []))
    family = {"remote": _REMOTE, "bombing": _BOMBING}
    subtype = next((n for n, s in family.items() if m.get("subtype") in s), m.get("subtype") or "")
    parts = {
        "casualties": [place, day, ",".join(m["victims"])],
        "attack": [subtype, place, day],
        "statement": [speaker_head(m), day, ",".join(m["content_terms"][:6])],
        "agreement": [",".join(m["party_terms"]), day],
        "meeting": [",".join(m["party_terms"]), place, day],
        "offensive": [",".join(m["attacker_keys"]), place],
    }.get(m["type"], [place, day])
    if not is_robust(m):
        parts += [m["story_id"], str(m.get("mention_id"))]
    return "|".join([m["type"], *parts])


def event_id_of(key: str) -> str:
    """`ev-` and 16 hex digits of the key's SHA-1."""
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def speaker_head(m: Mention) -> str:
    """The speaker's last name term ("لافروف" for "وزير الخارجية الروسي سيرغي لافروف")."""
    names = [
        t for t in keys.name_words((m.get("speaker") or {}).get("text") or "") if t in m["speaker_terms"]
    ]
    return names[-1] if names else ""


def mention_records(document: dict[str, Any], seen: str | None = None) -> list[Mention]:
    """Mention records of every event of a story document, with `part_of` resolved to ids."""
    events = document.get("events") or []
    records = [mention_record(document, e, seen) for e in events]
    for record, event in zip(records, events, strict=True):
        total = event.get("part_of")
        if isinstance(total, int) and 0 <= total < len(events):
            record["part_of_mention"] = events[total].get("id")
            record["part_of_event"] = events[total].get("event_id")
    return records


def merge(state: dict[str, Any] | None, mention: Mention) -> dict[str, Any]:
    """Fold one mention into an event's state and rebuild its assembled record.

    The state is `{"event_id", "mentions", "history", "record"}`. A mention replaces the
    mentions of older versions of its story; its figures join the history. The record is
    rebuilt from the whole state, so folding the same mentions in any order gives the same record.
    """
    state = state or {"event_id": mention.get("event_id"), "mentions": [], "history": []}
    kept = [
        m
        for m in state["mentions"]
        if not (
            m["story_id"] == mention["story_id"]
            and (m["version"] < mention["version"] or m["mention_id"] == mention["mention_id"])
        )
    ]
    newer = any(m["story_id"] == mention["story_id"] and m["version"] > mention["version"] for m in kept)
    mentions = kept if newer else kept + [mention]
    figure = figure_of(mention)
    history = list(state["history"])
    if figure and not any(_same_figure(h, figure) for h in history):
        history.append(figure)
    event_id = min(m["event_id"] for m in mentions if m.get("event_id")) if mentions else state["event_id"]
    record = build_record(event_id, mentions, history) if mentions else None
    return {"event_id": event_id, "mentions": mentions, "history": history, "record": record}


def _same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("story_id", "version", "mention_id"))
