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
from khabar.assemble.triggers import Match, PhraseIndex, clitic_free_start, fold, fold_all, is_verb_form

_VERBS = PhraseIndex(lexicon.REPORTING_VERBS)
_CONTINUATIONS = frozenset(fold(v) for v in lexicon.CONTINUATION_LEMMAS)
_PARTICIPLES = fold_all(lexicon.PARTICIPLES)
_COMPLEMENTIZERS = fold_all(lexicon.COMPLEMENTIZERS + ("إلى", "الى"))
_QUOTES = frozenset(lexicon.QUOTES)
_AMBIGUOUS = frozenset(fold(v) for v in ("طالب", "تابع", "ذكر", "لفت", "كشف", "أفاد", "دعا", "أشار"))
_MEDIA = PhraseIndex((m, m) for m in lexicon.MEDIA_CUES)
_MEDIA_NOUNS = fold_all(lexicon.MEDIA_NOUNS)
_RELATIVES = fold_all(("الذي", "التي", "الذين", "ما", "كما"))
_AS = fold("كما")
_TEMPORAL = fold_all(("منذ", "عندما", "حين", "حينما", "بعدما", "لما", "قبلما"))
_MODALS = fold_all(("قد", "سوف", "لن", "لم", "ربما"))
_NO_SPEAKER = fold_all(lexicon.NOT_A_SPEAKER)
_CLAUSE_RELATIVES = fold_all(("الذي", "التي", "الذين", "اللذين", "اللتين"))
_REPORTING_FORMS = fold_all(v for v, _lemma in lexicon.REPORTING_VERBS)
_ACCUSE = fold("اتهم")
#: Sentence openers before a fronted subject ("ولكن شركة فوكس ردت ... بالقول إن").
_OPENERS = fold_all(("لكن", "ولكن", "غير", "إلا", "بينما", "فيما"))
_NAME_TAIL = fold_all(("للأنباء", "الأنباء", "للانباء"))


#: What `_find_speaker` returns for a passive accusation ("واتهمت إيران بدعم"): no statement at all.
PASSIVE: dict[str, Any] = {"passive": True}


def _is_medium(word: Any) -> bool:
    """ل + a media noun: "لوكالة", "لصحيفة" name the addressee of a statement, never its speaker."""
    return word.fold[:1] == "ل" and len(word.keys) > 1 and word.keys[1] in _MEDIA_NOUNS


def _content_start(story: Story, verb: Match, hi: int) -> int | None:
    """Where the reported content opens: a complementizer or quote within a few words of the verb."""
    i = verb.last + 1
    while i < min(hi, verb.last + 20):
        w = story.words[i]
        if w.text == ":":
            return i  # "وقال: "يمكنكم ..."": a colon always opens the content
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
    """The closing mark of a quoted name ("مراسل "العربية" بإصابة"): at most four words, with the
    sentence going on after it. A quote that ends the sentence is speech."""
    for k in range(opening + 1, min(hi, opening + 6)):
        if story.words[k].text in _QUOTES - {":"}:
            rest = [w for w in story.words[k + 1 : hi] if not w.is_punct]
            return k if rest else None
    return None


def _speaker(story: Story, a: int, b: int) -> dict[str, Any] | None:
    """The subject phrase in words[a:b]: a person's name in it, else the actor or noun phrase that
    opens it ("وأفادت مذكرة نشرها الحساب ..." has the memo, not a later name, as its speaker).
    A relative clause is no part of the subject ("قالت شركة فوكس التي يملكها مردوخ إنها")."""
    b = next((k for k in range(a + 1, b) if story.words[k].has(_CLAUSE_RELATIVES)), b)
    people = [e for e in story.entities if a <= e.first < b and e.span.get("type") == "PER"]
    if people:
        return {**story.span(people[0].first, people[0].last), "role": "speaker"}
    i = a
    while i < b and (
        story.words[i].is_punct or story.words[i].has(args.TIME_WORDS) or story.words[i].has(_OPENERS)
    ):
        i += 1
    if i >= b or story.words[i].has(_NO_SPEAKER) or _is_medium(story.words[i]):
        return None
    if story.words[i].has(_REPORTING_FORMS):  # "وتابع قائلا": a participle is no speaker
        return None
    actors = args.find_groups(story, i, i + 1, ("ORG", "LOC", "MISC"))
    if actors:
        return args.actor_span(story, *actors[0], "speaker")
    phrase = args.read_phrase(story, i, b, max_words=5)
    return {**args.phrase_span(story, *phrase), "role": "speaker"} if phrase else None


def _medium(story: Story, a: int, b: int) -> dict[str, Any] | None:
    """The channel of an interview or statement: "في مقابلة مع قناة روسيا 1", "لوكالة رويترز"."""
    for cue in _MEDIA.find(story.words, a, b):
        phrase = args.read_phrase(story, cue.last + 1, b, max_words=5)
        if phrase:
            return args.phrase_span(story, *phrase)
    for i in range(a, b):
        word = story.words[i]
        if word.fold[:1] == "ل" and len(word.keys) > 1 and word.keys[1] in _MEDIA_NOUNS:
            phrase = args.read_phrase(story, i, b, max_words=4)
            if phrase:
                start = clitic_free_start(word, word.keys[1])
                return story.doc.span(start, story.words[_quoted_name_end(story, phrase[1], b)].end)
    return None


def _quoted_name_end(story: Story, last: int, b: int) -> int:
    """Stretch a medium past its quoted name: 'لوكالة أنباء "إيف"', 'لوكالة "إيف" للأنباء'."""
    words = story.words
    if last + 1 < b and words[last + 1].text in _QUOTES - {":"}:
        closing = next(
            (k for k in range(last + 2, min(b, last + 5)) if words[k].text in _QUOTES - {":"}), None
        )
        if closing is not None:
            last = closing
            if last + 1 < b and words[last + 1].has(_NAME_TAIL):
                last += 1
    return last


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


def _skipped(story: Story, verb: Match, lo: int, quoted: set[int], skip: set[int]) -> bool:
    """Verbs that report nothing here: in an attribution cue or a quote, nominal ("التابع"), in a
    relative or "as X said" clause, or an imperfect under a modal ("قد تعلن", "لن يقول")."""
    words, first = story.words, verb.first
    if first in skip or first in quoted or not is_verb_form(words[first], verb.key):
        return True
    if story.entity_at(first) is not None:
        return True
    before = words[first - 1] if first > lo else None
    if before is not None and before.has(_RELATIVES) and not (before.fold == _AS and first - 1 <= lo + 1):
        return True
    if before is not None and before.has(_TEMPORAL):
        return True  # "منذ أعلن ترمب استراتيجيته": a time clause, not a statement
    if words[first].has(_PARTICIPLES) and before is not None and before.has(_REPORTING_FORMS):
        return True  # "وتابع قائلا": one statement, carried by the finite verb
    imperfect = words[first].fold[:1] in "يت" and not words[first].has(_PARTICIPLES)
    return imperfect and any(words[k].has(_MODALS) for k in range(max(lo, first - 2), first))


def _find_speaker(story: Story, verb: Match, lo: int, subject_end: int) -> dict[str, Any] | None:
    """The explicit subject: after the verb, else before it ("البيان التركي قال إن",
    "وكان محافظ كركوك راكان الجبوري قد أعلن")."""
    if story.words[verb.first].has(_PARTICIPLES):
        return None
    speaker = _speaker(story, verb.last + 1, subject_end)
    if speaker is not None and fold(verb.payload) == _ACCUSE:
        speaker = _accuser(story, verb, speaker)
        if speaker is PASSIVE:
            return PASSIVE
    if speaker is None and lo < verb.first <= lo + 8:
        speaker = _speaker(story, _after_quotes(story, lo, verb.first), verb.first)
    if speaker is None and story.words[verb.first].fold == verb.key:  # "وأشار" shares an earlier subject
        speaker = _subject_before(story, verb, lo)
    return speaker


def _accuser(story: Story, verb: Match, found: dict[str, Any]) -> dict[str, Any] | None:
    """Who accuses: the subject needs to differ from the accused. In "اتهم ظريف نتنياهو بالقيام"
    the phrase before ب+noun is the object, so the subject is the word(s) between; with nothing
    between ("واتهمت إيران بدعم حماس") the verb is passive and there is no speaker."""
    words = story.words
    last = next((k for k in range(verb.last + 1, len(words)) if words[k].end >= found["end"]), None)
    if last is None or last + 1 >= len(words):
        return found
    after = words[last + 1]
    if not (after.fold[:1] == "ب" and len(after.keys) > 1 and not after.has(_COMPLEMENTIZERS)):
        return found
    first = next(k for k in range(verb.last + 1, last + 1) if words[k].end > found["start"])
    if first == verb.last + 1:
        return PASSIVE
    return _speaker(story, verb.last + 1, first)


def _after_quotes(story: Story, lo: int, end: int) -> int:
    """Where a fronted subject may start: after the last quote mark or full stop before the verb, so
    a quote's tail ("... نقف ضدها". وأكد) is never read as the speaker."""
    marks = [k for k in range(lo, end) if story.words[k].text in _QUOTES or story.words[k].text == "."]
    return marks[-1] + 1 if marks else lo


def _subject_before(story: Story, verb: Match, lo: int) -> dict[str, Any] | None:
    """A subject right before its verb mid-sentence: "إلا أن المسؤولين السعوديين قالوا له إن"."""
    first = verb.first
    while first > lo and first > verb.first - 4:
        word = story.words[first - 1]
        if word.is_punct or word.fold in args.STOPS or word.has(_COMPLEMENTIZERS) or word.has(_NO_SPEAKER):
            break
        first -= 1
    return _speaker(story, first, verb.first) if first < verb.first else None


def _implicit_speaker(
    story: Story, verb: Match, lo: int, out: list[dict[str, Any]], last_speaker: dict[str, Any] | None
) -> dict[str, Any] | None:
    """A verb without a subject continues this sentence's last speaker, else a person named earlier in
    the sentence ("استقبل ماكرون ... وأكد"), else the story's last speaker."""
    if out:
        return dict(out[-1]["speaker"])
    people = [e for e in story.entities if lo <= e.first < verb.first and e.span.get("type") == "PER"]
    if people:
        return {**story.span(people[0].first, people[0].last), "role": "speaker"}
    return dict(last_speaker) if last_speaker else None


def find_statements(
    story: Story, lo: int, hi: int, last_speaker: dict[str, Any] | None, skip: set[int]
) -> list[dict[str, Any]]:
    """Statements of the sentence words[lo:hi]; `skip` holds words inside attribution cues."""
    out: list[dict[str, Any]] = []
    quoted = _quoted(story, lo, hi)
    for verb in _VERBS.find(story.words, lo, hi):
        if _skipped(story, verb, lo, quoted, skip):
            continue
        lemma = fold(verb.payload)
        start = _content_start(story, verb, hi)
        present = story.words[verb.first].fold[:1] in "يت"
        if start is None and (lemma in _AMBIGUOUS or lemma in _CONTINUATIONS or present):
            continue
        subject_end = start if start is not None else min(hi, verb.last + 7)
        speaker = _find_speaker(story, verb, lo, subject_end)
        if speaker is PASSIVE:
            continue
        continuation = speaker is None
        speaker = speaker or _implicit_speaker(story, verb, lo, out, last_speaker)
        if speaker is not None:
            out.append(_statement(story, verb, lemma, speaker, continuation, start, subject_end, lo, hi))
    return out


def _statement(
    story: Story,
    verb: Match,
    lemma: str,
    speaker: dict[str, Any],
    continuation: bool,
    start: int | None,
    subject_end: int,
    lo: int,
    hi: int,
) -> dict[str, Any]:
    content_first = start if start is not None else verb.last + 1
    content_last = _content_end(story, content_first, hi) - 1
    event: dict[str, Any] = {
        "type": "statement",
        "killed": None,
        "injured": None,
        "location": None,
        "speaker": speaker,
        "source": _medium(story, verb.last + 1, min(hi, subject_end + 6)),
        "verb": lemma,
        "continuation": continuation or lemma in _CONTINUATIONS,
        "actors": [],
        "trigger": story.span(verb.first, verb.last),
        "time": args.find_time(story, verb.first, verb.last, lo, hi),
    }
    if content_last >= content_first:
        event["content"] = story.span(content_first, content_last)
    event["evidence"] = [event["trigger"]] + ([event["content"]] if "content" in event else [])
    event["_anchor"] = (verb.first, verb.last)
    event["_content"] = (verb.last + 1, content_last + 1)
    return event
