"""Within-story coreference of attacks and offensives: a later definite mention of an attack
already told ("غارة على سراقب ... وأدت الغارة إلى ...", "الهجوم الذي استهدف ...", "هذه الغارات")
is the same real-world event, not a new one.

Such an anaphor is folded into its antecedent, the nearest earlier mention of the same type
in another sentence that it may describe: a compatible subtype (`merge._subtypes_compatible`),
shared attackers when both name some, the same or a contained place or none on either side,
and no different time. An anaphor that carries its own count ("الغارتين", "الغارات الثلاث") or
opens with an indefinite noun is a new report and is left alone.

Why fold rather than keep the anaphor as a record with the antecedent's `event_id`: the
contract is one record per event *mention*, but the anaphor adds no argument of its own that
the antecedent lacks once its place and time are filled in, and every consumer (score.py's
mention-level matching, the assembler's per-event records, analysts reading `events`) counts
records, so a second record of one strike reads as a second strike. The first mention is the
richest one (it carries the lead's place, actor and time), so it stays the record; the
anaphor's trigger spans join its `evidence`, and any argument it lacks (place, time, source,
actors, outcome) is taken from the anaphor. Nothing is lost and one record remains per event.
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import keys
from khabar.assemble.context import Story
from khabar.assemble.merge import _subtypes_compatible
from khabar.assemble.triggers import Word, fold, fold_all

Event = dict[str, Any]
_TYPES = ("attack", "offensive")
_DEMONSTRATIVES = fold_all(("هذه", "هذا", "تلك", "ذلك", "هذان", "هاتان", "هذين", "هاتين"))
#: Singular nouns whose dual ("الانفجارين", "الهجومين") counts two events.
_DUAL_BASES = fold_all(("انفجار", "هجوم", "تفجير", "صاروخ", "اعتداء", "قصف", "هجوم"))
_SEVERAL = fold_all(("عشرات", "مئات", "آلاف", "الاف", "عدة", "بضع", "سلسلة", "موجة"))
_NUMBER_KINDS = ("cardinal", "fraction", "percent")
_FILLED = ("location", "time", "source", "outcome")


def _is_dual(word: Word) -> bool:
    for key in word.keys:
        bare = key[2:] if key.startswith("ال") else key
        if bare.endswith(("تين", "تان")) and len(bare) > 5:
            return True
        if bare.endswith(("ين", "ان")) and bare[:-2] in _DUAL_BASES:
            return True
    return False


def _is_anaphor(story: Story, event: Event) -> bool:
    """A definite or demonstrative first trigger ("الغارة", "هذه الغارات") without a count of its own
    ("الغارتين", "بعشرات الضربات الجوية", "الغارات الثلاث")."""
    first, last = event["_anchor"]
    word = story.words[first]
    definite = any(k.startswith("ال") for k in word.keys)
    pointed = first > 0 and story.words[first - 1].has(_DEMONSTRATIVES)
    if not (definite or pointed) or any(_is_dual(story.words[m]) for m in range(first, last + 1)):
        return False
    if any(story.words[k].has(_SEVERAL) for k in range(max(0, first - 2), first)):
        return False
    lo = story.words[max(0, first - 2)].start
    hi = story.words[min(len(story.words) - 1, last + 3)].end
    numbers = [q for q in story.doc.quantities if q.get("kind") in _NUMBER_KINDS]
    return not any(q["start"] < hi and lo < q["end"] for q in numbers) and not any(
        c.last >= first - 2 and c.first <= last + 3 for c in story.counts
    )


def _attackers(event: Event) -> set[str]:
    return {a.get("key") or a["text"] for a in event.get("actors", []) if a["role"] in ("attacker", "agent")}


def _time_text(event: Event) -> str | None:
    time = event.get("time")
    return fold(time["text"]) if time else None


def _own_time(anaphor: Event) -> dict[str, Any] | None:
    """The anaphor's time, unless it comes before the trigger: there it dates the reporting clause
    ("وقالت السلطات، الخميس، إن عدد ضحايا الهجوم"), not the attack told before."""
    time = anaphor.get("time")
    return time if time and time["start"] > anaphor["trigger"]["start"] else None


def _corefers(antecedent: Event, anaphor: Event) -> bool:
    if antecedent["type"] != anaphor["type"]:
        return False
    subtypes = (antecedent.get("subtype"), anaphor.get("subtype"))
    if not _subtypes_compatible(*subtypes) or ("raid" in subtypes and len(set(subtypes)) > 1):
        return False  # a police raid (مداهمة) is never the attack told before
    a_att, b_att = _attackers(antecedent), _attackers(anaphor)
    if a_att and b_att and not a_att & b_att:
        return False
    a_time, b_time = _time_text(antecedent), _time_text({"time": _own_time(anaphor)})
    if a_time and b_time and a_time != b_time:
        return False
    a_place, b_place = keys.place_key(antecedent.get("location")), keys.place_key(anaphor.get("location"))
    return a_place is None or b_place is None or keys.places_compatible(a_place, b_place)


def _absorb(antecedent: Event, anaphor: Event) -> None:
    antecedent["evidence"] = antecedent["evidence"] + anaphor["evidence"]
    filled = {**anaphor, "time": _own_time(anaphor)}
    for field in _FILLED:
        if antecedent.get(field) is None and filled.get(field) is not None:
            antecedent[field] = filled[field]
    if not antecedent.get("actors") and anaphor.get("actors"):
        antecedent["actors"] = anaphor["actors"]


def fold_anaphors(story: Story, events: list[Event]) -> list[Event]:
    """Drop later anaphoric attack/offensive mentions, folding each into its antecedent's record."""
    kept: list[Event] = []
    for event in events:
        if event["type"] in _TYPES and event.get("trigger") and _is_anaphor(story, event):
            sent = story.words[event["_anchor"][0]].sent
            candidates = [
                (e.get("subtype") != event.get("subtype"), -n, e)
                for n, e in enumerate(kept)
                if e["type"] == event["type"]
                and story.words[e["_anchor"][0]].sent < sent
                and _corefers(e, event)
            ]
            # the nearest antecedent of the same subtype, else the nearest compatible one
            antecedent = min(candidates, key=lambda c: c[:2])[2] if candidates else None
            if antecedent is not None:
                _absorb(antecedent, event)
                continue
        kept.append(event)
    return kept
