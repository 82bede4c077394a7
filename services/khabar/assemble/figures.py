"""Killed and injured figures: which counts in a sentence are casualty figures, and of which kind.

A figure belongs to a casualty report when its counted noun names the dead or wounded
("28 قتيلا") or when a casualty trigger governs it ("مقتل 21 عنصرا", "46 مهاجرا لقوا
حتفهم"). Triggers without a number still give a figure when their victims are counted by
the noun itself: one ("مقتل جندي"), two (a dual, "جنديين تركيين قتلا"), or none stated
("مصرع عشرات الحوثيين": a report with no figure). A subset after بينهم is no figure of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.assemble import arguments as args
from khabar.assemble import lexicon
from khabar.assemble.context import Story
from khabar.assemble.counts import Bounds, Count
from khabar.assemble.triggers import Match, PhraseIndex, Word, fold_all

_TRIGGERS = PhraseIndex(
    [(w, "killed") for w in lexicon.KILLED_TRIGGERS] + [(w, "injured") for w in lexicon.INJURED_TRIGGERS]
)

_KILLED_NOUNS = fold_all(lexicon.KILLED_NOUNS)

_INJURED_NOUNS = fold_all(lexicon.INJURED_NOUNS)

PERSONS = fold_all(lexicon.PERSON_NOUNS + lexicon.DISPLACED_NOUNS)

_NON_PERSONS = fold_all(lexicon.NON_PERSON_NOUNS)

_WEAK = fold_all(lexicon.WEAK_KILLED)

_SINGULAR = fold_all(lexicon.SINGULAR_PERSONS)

_DUAL = fold_all(lexicon.DUAL_PERSONS)

_SUBSET = fold_all(lexicon.SUBSET_MARKERS)

_NO_CASUALTY = fold_all(lexicon.NO_CASUALTY_MARKERS)

_DEATH_NOUNS = fold_all(("حتفه", "حتفهم", "حتفها", "حتفهما", "مصرعه", "مصرعهم", "مصرعها", "مصرعهما"))

_VAGUE = fold_all(lexicon.VAGUE_AMOUNTS)

_THAT = fold_all(("أن", "إن", "ان"))

_REPORTING = fold_all(v for v, _lemma in lexicon.REPORTING_VERBS)

_ON, _LEAST = fold_all(("على",)), fold_all(("الأقل", "الاقل"))

_WOUNDS = fold_all(lexicon.WOUND_PHRASES)

_PLURAL_PERSONS = PERSONS - _SINGULAR

#: Verb forms that can follow their subject ("جنديين تركيين قتلا").
_VERBS = fold_all(("قتل", "قتلا", "قتلوا", "قتلت", "أصيب", "أصيبا", "أصيبوا", "استشهد", "استشهدا", "جرح"))

_DUAL_VERBS = fold_all(("قتلا", "أصيبا", "استشهدا", "لقيا", "جرحا"))


@dataclass
class Figure:
    """One killed or injured figure with the words that carry it."""

    role: str
    bounds: Bounds | None
    first: int
    last: int
    trigger: Match | None
    count: Count | None = None


def noun_role(story: Story, count: Count) -> str | None:
    """'killed'/'injured' when the counted noun says so, 'person' for people, None for things."""
    noun = story.words[count.noun_i] if count.noun_i is not None else None
    for role, forms in (
        ("killed", _KILLED_NOUNS),
        ("injured", _INJURED_NOUNS),
        ("none", _NON_PERSONS),
        ("person", PERSONS),
    ):
        if (count.noun and count.noun in forms) or (noun is not None and noun.has(forms)):
            return None if role == "none" else role
    return "person"


def _governing_trigger(story: Story, count: Count, triggers: list[Match]) -> Match | None:
    """The trigger before the figure ("مقتل 21"), or a verb after it ("46 مهاجرا لقوا حتفهم")."""
    before = [t for t in triggers if t.last < count.first and args.gap_ok(story, t.last + 1, count.first)]
    if before and not _is_weak(story, before[-1]):
        return before[-1]
    after_from = (count.noun_i if count.noun_i is not None else count.last) + 1
    for t in triggers:
        if t.first >= after_from and args.gap_ok(story, after_from, t.first, limit=6):
            return t
    if before:  # "لقي نحو 17 عنصرا من مليشيا الحوثي مصرعهم": a weak verb closed by حتف/مصرع
        return _death_noun_after(story, triggers, after_from)
    return None


def _is_weak(story: Story, trigger: Match) -> bool:
    """A one-word verb that means death only with its closing noun ("لقي ... حتفه"); "أودى بحياة" is whole."""
    return trigger.first == trigger.last and story.words[trigger.first].has(_WEAK)


def _death_noun_after(story: Story, triggers: list[Match], i: int) -> Match | None:
    """The حتف/مصرع noun closing a weak verb, up to 14 words on: "لقي عشرة صحافيين بينهم ... حتفهم"."""
    closing = next((t for t in triggers if t.first >= i and story.words[t.first].has(_DEATH_NOUNS)), None)
    if closing is None or closing.first - i > 14:
        return None
    return (
        closing
        if not any(story.words[k].is_punct and story.words[k].fold != '"' for k in range(i, closing.first))
        else None
    )


def _is_subset(story: Story, count: Count, lo: int) -> bool:
    """A figure after بينهم/منهم ("بينهم 270 طفلا", "بينهم قياديان اثنان")."""
    return any(story.words[i].has(_SUBSET) for i in range(max(lo, count.first - 3), count.first))


def _floor_if_at_least(story: Story, bounds: Bounds, i: int, hi: int) -> Bounds:
    """ "قتل 13 شخصا الأحد على الأقل": a trailing "على الأقل" past a time word makes the figure a floor."""
    k = i  # past time words and a short victim phrase: "140 الفا من سكانها على الأقل"
    while k < hi and k - i < 4 and not story.words[k].is_punct and not story.words[k].has(_ON):
        k += 1
    if (
        bounds["min"] == bounds["max"]
        and k + 1 < hi
        and story.words[k].has(_ON)
        and story.words[k + 1].has(_LEAST)
    ):
        return {"min": bounds["min"], "max": None}
    return bounds


def _figures_from_counts(story: Story, lo: int, hi: int, triggers: list[Match]) -> list[Figure]:
    figures = []
    for count in (c for c in story.counts if lo <= c.first < hi):
        role = noun_role(story, count)
        if role is None or _is_subset(story, count, lo):
            continue
        trigger = _governing_trigger(story, count, triggers)
        if role == "person":
            if trigger is None:
                continue
            role = trigger.payload
        last = max(count.last, count.noun_i or count.last)
        bounds = None if count.vague else _floor_if_at_least(story, count.bounds, last + 1, hi)
        figures.append(Figure(role, bounds, count.first, last, trigger, count))
    return figures


def persons_in(word: Word) -> int | None:
    """1 for a singular person noun ("جندي"), 2 for a dual ("قياديان", "شابين"), else None."""
    if word.has(_DUAL) or any(k.endswith("ان") and k[:-2] in _SINGULAR for k in word.keys):
        return 2
    return (
        1 if word.has(_SINGULAR) or any(k.endswith("ا") and k[:-1] in _SINGULAR for k in word.keys) else None
    )


def _next_word(story: Story, i: int, hi: int) -> int:
    """The first word from `i` that is not punctuation, a time adverb or a filler."""
    while i < hi and args.is_skippable(story, i) and story.entity_at(i) is None and story.group_at(i) is None:
        i += 1
    return i


def _victims_before(story: Story, trigger: Match, lo: int) -> int | None:
    """One or two victims named before a verb: "جنديين تركيين قتلا", "شخصا لقي حتفه"."""
    dual_verb = story.words[trigger.first].has(_DUAL_VERBS)
    for k in range(trigger.first - 1, max(lo, trigger.first - 4) - 1, -1):
        word = story.words[k]
        if word.is_number or word.has(args.STOPS):
            return None
        if n := persons_in(word) or (2 if dual_verb and word.has(PERSONS) else None):
            return n
    return None


def _clause_subject(story: Story, trigger: Match, lo: int) -> int | None:
    """The subject of a "أن" clause whose verb is the trigger: "أن قائد تنظيم داعش في البلاد قتل"."""
    for k in range(trigger.first - 1, max(lo, trigger.first - 8) - 1, -1):
        word = story.words[k]
        if word.has(_REPORTING) or word.is_number:
            return None
        if word.fold in _THAT and k + 1 < trigger.first:
            return persons_in(story.words[k + 1])
    return None


def _uncounted_role(story: Story, trigger: Match, i: int, hi: int) -> str | None:
    """A report without a figure: vague or plural victims ("مصرع عشرات الحوثيين", "سقوط قتلى وجرحى")."""
    vague = False
    while i < hi and story.words[i].has(_VAGUE) and story.group_at(i) is None:
        vague, i = True, i + 1
    if i >= hi:
        return None
    word = story.words[i]
    if word.has(_KILLED_NOUNS) or word.has(_INJURED_NOUNS):
        return "killed" if word.has(_KILLED_NOUNS) else "injured"
    if story.words[trigger.first].has(_WEAK):
        return None
    if vague or word.has(_PLURAL_PERSONS) or story.group_at(i) is not None or word.has(_WOUNDS):
        return trigger.payload
    return None


def _bare_figure(story: Story, trigger: Match, lo: int, hi: int) -> Figure | None:
    """A trigger without a number: "مقتل جندي" is one, "جنديين تركيين قتلا" two, "مقتل مدنيين" no figure."""
    i = _next_word(story, trigger.last + 1, hi)
    if i < hi and _TRIGGERS.match_at(story.words, i, hi):
        return None  # "مقتل وإصابة عشرات": the second trigger carries the figure
    weak = story.words[trigger.first].has(_WEAK)
    if i < hi and (n := persons_in(story.words[i])):
        closing = _death_noun_after(story, _TRIGGERS.find(story.words, i, hi), i + 1) if weak else trigger
        if closing is not None:
            return Figure(closing.payload, {"min": n, "max": n}, trigger.first, max(i, closing.last), trigger)
    verb = story.words[trigger.first].has(_VERBS) or story.words[trigger.first].has(_DEATH_NOUNS)
    if verb and (n := _victims_before(story, trigger, lo) or _clause_subject(story, trigger, lo)):
        return Figure(trigger.payload, {"min": n, "max": n}, trigger.first, trigger.last, trigger)
    person = story.entity_at(i) if i < hi else None
    if verb and person is not None and person.first == i and person.span.get("type") == "PER":
        return Figure(trigger.payload, {"min": 1, "max": 1}, trigger.first, person.last, trigger)
    role = _uncounted_role(story, trigger, i, hi)
    return Figure(role, None, trigger.first, max(trigger.last, min(i, hi - 1)), trigger) if role else None


def _negated(story: Story, trigger: Match, lo: int) -> bool:
    return any(story.words[i].has(_NO_CASUALTY) for i in range(max(lo, trigger.first - 3), trigger.first))


def find_figures(story: Story, lo: int, hi: int) -> list[Figure]:
    """All killed/injured figures of the sentence words[lo:hi], in text order."""
    triggers = [t for t in _TRIGGERS.find(story.words, lo, hi) if not _negated(story, t, lo)]
    figures = _figures_from_counts(story, lo, hi, triggers)
    used = {f.trigger.first for f in figures if f.trigger is not None}
    # the حتفهم closing a weak verb is part of that verb's report, not a second one ("20 شخصا لقوا حتفهم")
    used |= {
        closing.first
        for t in triggers
        if _is_weak(story, t) and (closing := _death_noun_after(story, triggers, t.last + 1)) is not None
    }
    for trigger in triggers:
        if (
            trigger.first in used
            or args.is_irrealis(story, trigger.first, lo)
            or args.is_background(story, trigger.first, lo)
        ):
            continue
        figure = _bare_figure(story, trigger, lo, hi)
        if figure is not None:
            figures.append(figure)
    return sorted(figures, key=lambda f: f.first)
