"""Statements: a reporting verb, its speaker, the content it reports, its medium and addressee.

One statement per reporting verb with an identifiable speaker (CONVENTIONS.md). The
speaker is the subject after the verb (Arabic is verb-first): a person's name when the
subject phrase holds one ("وزير الخارجية الروسي سيرغي لافروف"), else the organisation,
country or noun phrase. A verb without a subject (أضاف، تابع، "مؤكدة") continues the
previous speaker. A statement whose content reports casualties, arrests or displacement
is attribution: the core turns its speaker into that event's `source` instead.
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import arguments as args
from khabar.assemble import lexicon
from khabar.assemble.context import Story
from khabar.assemble.triggers import Match, PhraseIndex, fold, fold_all, takes_article

_VERBS = PhraseIndex(lexicon.REPORTING_VERBS)
_CONTINUATIONS = frozenset(fold(v) for v in lexicon.CONTINUATION_LEMMAS)
_PARTICIPLES = fold_all(lexicon.PARTICIPLES)
_COMPLEMENTIZERS = fold_all(lexicon.COMPLEMENTIZERS + ("إلى", "الى"))
_QUOTES = frozenset(lexicon.QUOTES)
_AMBIGUOUS = frozenset(fold(v) for v in ("طالب", "تابع", "ذكر", "لفت", "كشف", "أفاد", "دعا", "أشار"))
_MEDIA = PhraseIndex((m, m) for m in lexicon.MEDIA_CUES)
_RELATIVES = fold_all(("الذي", "التي", "الذين", "ما", "كما"))
_NO_SPEAKER = fold_all(("في", "خلال", "ل", "لـ", "عبر"))


def _content_start(story: Story, verb: Match, hi: int) -> int | None:
    """Where the reported content opens: a complementizer or quote within a few words of the verb."""
    i = verb.last + 1
    while i < min(hi, verb.last + 14):
        w = story.words[i]
        if w.text in _QUOTES:
            closing = _short_quote_end(story, i, hi)
            if closing is None:
                return i
            i = closing  # a quoted name ("وقالت "واشنطن بوست" إن"), not quoted speech
        elif w.has(_COMPLEMENTIZERS) and story.entity_at(i) is None:
            return i
        i += 1
    return None


def _short_quote_end(story: Story, opening: int, hi: int) -> int | None:
    """The closing mark of a quote of at most four words followed soon by a complementizer."""
    for k in range(opening + 1, min(hi, opening + 6)):
        if story.words[k].text in _QUOTES - {":"}:
            after = range(k + 1, min(hi, k + 8))
            return k if any(story.words[j].has(_COMPLEMENTIZERS) for j in after) else None
    return None


def _speaker(story: Story, a: int, b: int) -> dict[str, Any] | None:
    """The subject phrase in words[a:b]: a person's name in it, else the first actor, else a noun phrase."""
    people = [e for e in story.entities if a <= e.first < b and e.span.get("type") == "PER"]
    if people:
        return {**story.span(people[0].first, people[0].last), "role": "speaker"}
    actors = args.find_groups(story, a, b, ("ORG", "LOC", "MISC"))
    if actors:
        return args.actor_span(story, *actors[0], "speaker")
    i = a
    while i < b and args.is_skippable(story, i) and story.entity_at(i) is None:
        i += 1
    if i >= b or story.words[i].has(_NO_SPEAKER):
        return None
    phrase = args.read_phrase(story, i, b, max_words=5)
    return {**args.phrase_span(story, *phrase), "role": "speaker"} if phrase else None


def _medium(story: Story, a: int, b: int) -> dict[str, Any] | None:
    """The channel of an interview or statement: "في مقابلة مع قناة روسيا 1"."""
    for cue in _MEDIA.find(story.words, a, b):
        phrase = args.read_phrase(story, cue.last + 1, b, max_words=5)
        if phrase:
            return args.phrase_span(story, *phrase)
    return None


def _content_end(story: Story, start: int, hi: int) -> int:
    """The content runs to the closing quote when it opens with one, else to the sentence end."""
    if story.words[start].text in _QUOTES - {":"}:
        for i in range(start + 1, hi):
            if story.words[i].text in _QUOTES - {":"}:
                return i + 1
    return hi


def _quoted(story: Story, lo: int, hi: int) -> set[int]:
    """Words inside quotation marks: a reporting verb there is quoted speech, not a new statement."""
    inside, opened = set(), None
    for i in range(lo, hi):
        text = story.words[i].text
        if text in ("“", "«") or (text == '"' and opened is None):
            opened = i
        elif text in ("”", "»", '"') and opened is not None:
            inside.update(range(opened + 1, i))
            opened = None
    return inside


def find_statements(
    story: Story, lo: int, hi: int, last_speaker: dict[str, Any] | None, skip: set[int]
) -> list[dict[str, Any]]:
    """Statements of the sentence words[lo:hi]; `skip` holds words inside attribution cues."""
    out: list[dict[str, Any]] = []
    quoted = _quoted(story, lo, hi)
    for verb in _VERBS.find(story.words, lo, hi):
        if (
            verb.first in skip
            or verb.first in quoted
            or takes_article(story.words[verb.first], verb.key)
            or (verb.first > lo and story.words[verb.first - 1].has(_RELATIVES))
        ):
            continue
        lemma = fold(verb.payload)
        start = _content_start(story, verb, hi)
        if start is None and (lemma in _AMBIGUOUS or lemma in _CONTINUATIONS):
            continue
        subject_end = start if start is not None else min(hi, verb.last + 7)
        participle = story.words[verb.first].has(_PARTICIPLES)
        speaker = None if participle else _speaker(story, verb.last + 1, subject_end)
        if speaker is None and not participle and lo < verb.first <= lo + 5:
            speaker = _speaker(story, lo, verb.first)  # subject first: "البيان التركي قال إن"
        continuation = speaker is None
        if speaker is None:
            speaker = dict(out[-1]["speaker"]) if out else (dict(last_speaker) if last_speaker else None)
        if speaker is None:
            continue
        content_first = start if start is not None else verb.last + 1
        content_last = _content_end(story, content_first, hi) - 1
        event = {
            "type": "statement",
            "killed": None,
            "injured": None,
            "location": None,
            "time": None,
            "speaker": speaker,
            "source": _medium(story, verb.last + 1, min(hi, subject_end + 6)),
            "verb": lemma,
            "continuation": continuation or lemma in _CONTINUATIONS,
            "actors": [],
            "trigger": story.span(verb.first, verb.last),
        }
        if content_last >= content_first:
            event["content"] = story.span(content_first, content_last)
        event["time"] = args.find_time(story, verb.first, verb.last, lo, hi)
        event["evidence"] = [event["trigger"]] + ([event["content"]] if "content" in event else [])
        event["_anchor"] = (verb.first, verb.last)
        event["_content"] = (verb.last + 1, content_last + 1)
        out.append(event)
    return out
