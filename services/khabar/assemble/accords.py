"""Agreements and meetings: the parties, the topic, and (for meetings) the place.

A bare "الاتفاق النووي" is background, not an event: an agreement needs a verb that
concludes it (اتفق، توصل إلى، وقع، أعلن عن) or its parties ("اتفاق بين روسيا والاردن").
Talks (محادثات) are a meeting only when held ("أجرى محادثات"); a round of talks that
ends in an agreement is the agreement (CONVENTIONS.md).
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import arguments as args
from khabar.assemble import lexicon, places
from khabar.assemble.context import Story
from khabar.assemble.triggers import Match, PhraseIndex, fold, fold_all

_INDEX = PhraseIndex(
    [(w, "agreement") for w in lexicon.AGREEMENT_TRIGGERS]
    + [(w, "meeting") for w in lexicon.MEETING_TRIGGERS]
)
_CONCLUDE = fold_all(lexicon.CONCLUDE_VERBS)
_TALKS = fold_all(("محادثات", "مباحثات"))
_SUMMIT = fold_all(("قمة",))
_TALKS_VERBS = fold_all(lexicon.TALKS_VERBS)
_TOPIC = fold_all(lexicon.TOPIC_MARKERS)
_BETWEEN = fold("بين")
_WITH = fold("مع")
#: A summit of a mountain is no meeting ("قمة جبل إفريست", "تسلق القمة").
_MOUNTAIN = fold_all(
    ("جبل", "جبال", "الجبل", "تسلق", "صعود", "متسلق", "متسلقين", "المتسلقين", "إفرست", "إيفرست")
)
_AND = "و"
_PARTY_TYPES = ("PER", "ORG", "LOC", "MISC")
_PURPOSE = fold_all(("للتوصل", "التوصل", "لإبرام", "لتوقيع", "بموجب", "انسحاب", "الانسحاب", "خرق", "انتهاك"))


def _is_verb(story: Story, match: Match) -> bool:
    return story.words[match.first].has(_CONCLUDE) or story.words[match.first].fold.startswith(
        ("التق", "اجتمع", "استقبل")
    )


def _parties(story: Story, match: Match, lo: int, hi: int) -> list[dict[str, Any]]:
    """Parties: after بين, else the subject after a verb, else names right after the noun; a verb's
    subject may also come first ("وحث ماكرون ترمب ... عندما التقى به")."""
    a = match.last + 1
    if a < hi and story.words[a].fold == _BETWEEN:
        a += 1
    if a < hi and story.words[a].fold == _WITH and match.payload == "agreement":
        return _subject_and_partner(story, match, lo, a + 1, hi)
    b = a
    while (
        b < hi
        and b - a < 10
        and not (
            (story.words[b].has(_TOPIC) or story.words[b].has(args.STOPS)) and story.entity_at(b) is None
        )
    ):
        b += 1
    found = args.find_groups(story, a, b, _PARTY_TYPES)
    parties = [args.actor_span(story, first, last, "party") for first, last in found]
    parties += _conjoined_phrase(story, found, b)
    if len(parties) < 2 and _is_verb(story, match):
        before = args.find_groups(story, max(lo, match.first - 8), match.first, ("PER", "ORG"))
        parties = [args.actor_span(story, first, last, "party") for first, last in before] + parties
    if not parties and a < b and match.payload == "agreement":
        phrase = args.read_phrase(story, a, b, max_words=5)
        parties = [args.actor_span(story, *phrase, "party")] if phrase else []
    return parties


def _subject_and_partner(story: Story, match: Match, lo: int, a: int, hi: int) -> list[dict[str, Any]]:
    """ "وقعت الولايات المتحدة وخمس قوى اتفاقا مع إيران": the verb's subject and the partner after مع."""
    verb = next(
        (
            k
            for k in range(match.first - 1, max(lo, match.first - 4) - 1, -1)
            if story.words[k].has(_CONCLUDE)
        ),
        match.first,
    )
    subject = args.find_groups(story, max(lo, verb - 8), verb, _PARTY_TYPES)
    subject += args.find_groups(story, verb + 1, match.first, _PARTY_TYPES)
    partner = args.find_groups(story, a, min(hi, a + 1), _PARTY_TYPES)
    return [args.actor_span(story, first, last, "party") for first, last in subject + partner]


def _conjoined_phrase(story: Story, found: list[tuple[int, int]], hi: int) -> list[dict[str, Any]]:
    """A second party that is a plain noun phrase after و ("لافروف ونظيره الاميركي")."""
    if not found:
        return []
    i = found[-1][1] + 1
    if (
        i < hi
        and story.words[i].fold.startswith(_AND)
        and story.entity_at(i) is None
        and story.group_at(i) is None
    ):
        phrase = args.read_phrase(story, i, hi, max_words=2)
        if phrase:
            return [args.actor_span(story, *phrase, "party")]
    return []


def _concluded(story: Story, match: Match, lo: int) -> bool:
    """An agreement noun counts only with a concluding verb before it or its parties after بين."""
    if _is_verb(story, match):
        return True
    nxt = match.last + 1
    if nxt < len(story.words) and story.words[nxt].fold == _BETWEEN:
        return True
    return any(story.words[k].has(_CONCLUDE) for k in range(max(lo, match.first - 4), match.first))


def _keep(story: Story, match: Match, lo: int) -> bool:
    """Drop planned or hypothetical accords, agreements only aimed at or left ("للتوصل", "الانسحاب من"),
    background agreement nouns, and talks nobody held."""
    if args.is_irrealis(story, match.first, lo):
        return False
    if match.payload == "agreement":
        before = range(max(lo, match.first - 2), match.first)
        return not any(story.words[k].has(_PURPOSE) for k in before) and _concluded(story, match, lo)
    if story.words[match.first].has(_SUMMIT):
        return not any(story.words[k].has(_MOUNTAIN) for k in range(max(lo, match.first - 2), match.last + 3))
    if story.words[match.first].has(_TALKS):
        return any(story.words[k].has(_TALKS_VERBS) for k in range(max(lo, match.first - 3), match.first))
    return True


def _topic(story: Story, match: Match, hi: int) -> dict[str, Any] | None:
    for i in range(match.last + 1, min(hi, match.last + 12)):
        if story.words[i].has(_TOPIC) and story.entity_at(i) is None and i + 1 < hi:
            return story.span(i + 1, hi - 1) if hi - 1 > i else None
    return None


def find_accords(story: Story, lo: int, hi: int) -> list[dict[str, Any]]:
    """Agreement and meeting events of the sentence words[lo:hi], one per type per sentence."""
    events, seen = [], set()
    for match in _INDEX.find(story.words, lo, hi):
        if match.payload in seen or not _keep(story, match, lo):
            continue
        parties = _parties(story, match, lo, hi)
        if match.payload == "meeting" and not parties:
            continue
        seen.add(match.payload)
        event: dict[str, Any] = {
            "type": match.payload,
            "killed": None,
            "injured": None,
            "actors": parties,
            "source": args.find_source(story, lo, hi),
            "time": args.find_time(story, match.first, match.last, lo, hi),
        }
        place = places.find_location(story, match.first, match.last, match.last + 1, hi)
        meeting_place = match.payload == "meeting" and place and places.is_locative_span(story, place)
        event["location"] = place if meeting_place else None
        topic = _topic(story, match, hi)
        if topic:
            event["topic"] = topic
        event["trigger"] = story.span(match.first, match.last)
        event["evidence"] = [event["trigger"]]
        event["_anchor"] = (match.first, match.last)
        events.append(event)
    return events
