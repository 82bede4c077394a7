"""Attacks, offensives, arrests and displacement: trigger nouns and verbs with their arguments.

Clashes (اشتباكات/معارك) are reported only when a verb opens them ("تدور اشتباكات"):
as the cause of a casualty report ("جراء الاشتباكات") or a backdrop ("وسط اشتباكات")
they are not events of their own; gold marks clashes optional either way (CONVENTIONS.md).
Neighbouring triggers of one type in a sentence ("هجوم ... بدأ بعمليتين انتحاريتين") are
one event unless they name different places.
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import arguments as args
from khabar.assemble import lexicon, places
from khabar.assemble.context import Story
from khabar.assemble.figures import noun_role
from khabar.assemble.triggers import Match, PhraseIndex, fold, fold_all, is_verb_form

_INDEX = PhraseIndex((phrase, (kind, subtype)) for phrase, kind, subtype in lexicon.INCIDENT_TRIGGERS)
_CAUSES = fold_all(lexicon.CAUSE_MARKERS + lexicon.PLACE_DESIGNATORS)
_CLASH_VERBS = fold_all(lexicon.CLASH_VERBS)
_LAUNCH = fold_all(lexicon.LAUNCH_VERBS)
_ATTACKER_ADJ = {fold(a): key for a, key in lexicon.ATTACKER_ADJECTIVES}
_ATTACKER_FORMS = frozenset(_ATTACKER_ADJ)
_BACKDROP = fold_all(lexicon.INCIDENT_BACKDROP)
_STRIKE_CONTEXT = fold_all(lexicon.STRIKE_CONTEXT + lexicon.LAUNCHED + tuple(_ATTACKER_ADJ))
_MISSILE_CONTEXT = fold_all(lexicon.MISSILE_CONTEXT + lexicon.LAUNCHED + tuple(_ATTACKER_ADJ))
_COUNTED_KINDS = ("arrest", "displacement")
_ACTOR_TYPES = ("ORG", "PER", "MISC")
_SUBJECT_TYPES = ("ORG", "PER", "MISC", "LOC")  # "شنت إسرائيل غارات": a country before the verb attacks
_RELATIVE = fold_all(("الذي", "التي", "الذين"))
_ALWAYS_DEFINITE = fold_all(("القبض",))
_TO = fold_all(("إلى", "الى", "على"))
_OUTCOMES = fold_all(lexicon.OUTCOME_WORDS)
#: Words that open a new clause: triggers on either side are separate events ("..., فيما تم إطلاق").
_CLAUSE_BREAKS = fold_all(("فيما", "بينما", "حين", "كما", "ثم", ";", "؛"))
_SAYS = fold_all(v for v, _lemma in lexicon.REPORTING_VERBS)
_THAT = fold_all(c for c in lexicon.COMPLEMENTIZERS if c != "عن")
_LED_BY = fold_all(("الذي", "التي", "تقوده", "يقوده", "تقودها", "يقودها", "بقيادة", "المدعوم", "المدعومة"))
_CAPTURE = fold_all(lexicon.CAPTURE_TRIGGERS)
_CAPTURE_BACKDROP = fold_all(lexicon.CAPTURE_BACKDROP)
_BOMBER = fold_all(("انتحاري",))
_COPULA = fold_all(("هو", "هي", "كان", "كانت"))
_POSSESSED = fold_all(("هجومها", "هجومه", "هجومهم"))
_WEAPONS = fold_all(lexicon.WEAPON_CONTEXT)
_SUPPORT_ONLY = fold_all(("استهدف", "استهدفت"))
#: Words that make a definite attack noun the cause of something already told ("ونتج عن الغارات").
_RESULT_OF = fold_all(("عن", "جراء", "جرّاء", "نتيجة", "بسبب", "إثر", "اثر"))
#: Least to most specific: a group of triggers takes the subtype of its most specific one.
_SPECIFICITY = (
    "clash", "attack", "raid", "shooting", "shelling", "missile", "drone", "air_strike", "bombing",
    "stabbing", "ramming", "suicide_bombing",
)  # fmt: skip


def _near(story: Story, i: int, forms: frozenset[str], before: int, after: int, lo: int, hi: int) -> bool:
    return any(
        story.words[k].has(forms) for k in range(max(lo, i - before), min(hi, i + after + 1)) if k != i
    )


def _keep(story: Story, match: Match, lo: int, hi: int) -> bool:
    """Drop triggers that are hypothetical, backdrop, or too ambiguous without context."""
    kind, subtype = match.payload
    first, words = match.first, story.words
    if args.is_irrealis(story, first, lo) or (first > lo and words[first - 1].has(_BACKDROP)):
        return False
    single = match.first == match.last
    if single and words[first].has(_POSSESSED):
        return _near(story, first, _WEAPONS, 8, 4, lo, hi)
    if words[first].has(_CAPTURE):
        return _capture_kept(story, match, lo, hi)
    if subtype == "clash":
        verb_before = first > lo and words[first - 1].has(_CLASH_VERBS)
        return verb_before or (
            words[first].has(_CLASH_VERBS) and not (first > lo and words[first - 1].has(_CAUSES))
        )
    definite = any(k.startswith("ال") for k in words[first].keys) and not words[first].has(_ALWAYS_DEFINITE)
    generic = subtype in ("attack", "arrest")
    as_cause = first > lo and any(words[k].fold in _RESULT_OF for k in range(max(lo, first - 2), first))
    if definite and single and words[first].has(_BOMBER):
        return False  # "وقال محققون إن الانتحاري دخل المركز": the bomber, not a bombing
    if definite and match.last + 1 < hi and words[match.last + 1].has(_COPULA):
        return False  # "والانفجار هو الأحدث في سلسلة هجمات": a description of an event already told
    if definite and _generic_relative(story, match, hi):
        return False  # "الهجمات التي تستهدف الصحافيين": a kind of attack, not one attack
    if definite and (generic or as_cause) and not _place_follows(story, match, hi):
        return False  # "وصف ... الهجوم", "ونتج عن الغارات": a definite noun points back to an earlier event
    if words[first].has(_SUPPORT_ONLY) and single:
        return bool(args.find_groups(story, max(lo, first - 3), first, ("ORG", "PER", "MISC", "LOC")))
    if single and words[first].has(fold_all(("ضربة", "ضربات"))):
        return _near(story, first, _STRIKE_CONTEXT, 2, 2, lo, hi)
    if single and words[first].has(fold_all(("صاروخ", "صواريخ"))):
        return _near(story, first, _MISSILE_CONTEXT, 4, 2, lo, hi)
    return True


def _generic_relative(story: Story, match: Match, hi: int) -> bool:
    """A definite trigger with a relative clause in the imperfect ("الهجمات التي تستهدف")."""
    rel, verb = match.last + 1, match.last + 2
    return (
        verb < hi
        and story.words[rel].has(_RELATIVE)
        and story.words[verb].fold[:1] in "يت"
        and story.words[verb].is_arabic
    )


def _capture_kept(story: Story, match: Match, lo: int, hi: int) -> bool:
    """ "تمكنت قوات الجيش من تحرير جبل الحمراء": a named place right after, a named force before, and
    no backdrop or organisation name around the noun ("معارك تحرير", "هيئة تحرير الشام")."""
    first = match.first
    if story.entity_at(first) is not None or story.group_at(first) is not None:
        return False
    if first > lo and story.words[first - 1].has(_CAPTURE_BACKDROP):
        return False
    if any(args.is_irrealis(story, k, k) for k in range(max(lo, first - 2), first)):
        return False  # "ستتوج باستعادة الحديدة": a future verb governs the noun
    if match.last + 1 >= hi or places.place_at(story, match.last + 1) is None:
        return False
    start = _clause_start(story, match, lo)
    return bool(args.find_groups(story, start, first, ("ORG", "MISC")))


def _place_follows(story: Story, match: Match, hi: int, reach: int = 6) -> bool:
    """A place or a relative clause ("الذي استهدف") right after the trigger."""
    for first, _last, _entity in places.place_candidates(
        story, match.last + 1, min(hi, match.last + 1 + reach)
    ):
        return first > match.last
    return any(story.words[k].has(_RELATIVE) for k in range(match.last + 1, min(hi, match.last + 3)))


def _attackers(story: Story, match: Match, lo: int, hi: int) -> list[dict[str, Any]]:
    """Who attacked: an adjective after the noun ("الغارات الروسية"), a genitive ("للجيش"), or the subject."""
    after = match.last + 1
    if after < hi and story.words[after].has(_ATTACKER_FORMS):
        key = next(_ATTACKER_ADJ[k] for k in story.words[after].keys if k in _ATTACKER_ADJ)
        return [{**story.span(after, after), "role": "attacker", "key": key}]
    launch = next(
        (k for k in range(match.last + 1, min(hi, match.last + 4)) if story.words[k].has(_LAUNCH)), None
    )
    search = [(launch + 1, min(hi, launch + 5))] if launch is not None else []
    search += [(after, min(hi, after + 3)), (_clause_start(story, match, lo), match.first)]
    for a, b in search:
        subject = b == match.first
        found = args.find_groups(story, a, b, _SUBJECT_TYPES if subject else _ACTOR_TYPES)
        found = [f for f in found if not (subject and places.is_place_argument(story, f[0]))]
        if found:
            first, last = found[-1] if b == match.first else found[0]
            return [args.actor_span(story, first, last, "attacker")]
    return []


def _clause_start(story: Story, match: Match, lo: int) -> int:
    """Where the trigger's clause opens, at most 10 words back: past a reporting verb or إن/أن, so the
    reporter ("وقال المرصد إن الضربة", "أعلنت الشرطة مقتل ... جراء انفجارين") is never the attacker."""
    start = max(lo, match.first - 10)
    for k in range(match.first - 1, start - 1, -1):
        word = story.words[k]
        says = any(key in _SAYS and is_verb_form(word, key) for key in word.keys)  # not "التابع"
        if says or word.has(_THAT):
            speaker = args.find_groups(story, k + 1, k + 2) if says else []
            return speaker[0][1] + 1 if speaker else k + 1
    return start


def _targets(story: Story, match: Match, hi: int) -> list[dict[str, Any]]:
    for i in range(match.last + 1, min(hi, match.last + 4)):
        if story.words[i].has(fold_all(("على", "ضد", "استهدف", "استهدفت"))):
            phrase = args.read_phrase(story, i + 1, hi, max_words=4)
            if phrase:
                return [args.actor_span(story, *phrase, "target")]
    return []


def _outcome(story: Story, lo: int, hi: int) -> dict[str, Any] | None:
    """The attack's stated result in its sentence: "قطع هذه الطريق", "السيطرة على البلدة"."""
    for i in range(lo, hi):
        if story.words[i].has(_OUTCOMES):
            last = i
            while (
                last + 1 < hi
                and last - i < 3
                and not story.words[last + 1].is_punct
                and not (story.words[last + 1].has(args.STOPS) and last > i)
            ):
                last += 1
            return story.span(i, last)
    return None


def _count_for(story: Story, match: Match, hi: int) -> dict[str, Any] | None:
    """The figure of people arrested or displaced: a count of people right after or before the trigger."""
    for count in story.counts:
        if count.vague or noun_role(story, count) != "person":
            continue
        if count.first > match.last and args.gap_ok(story, match.last + 1, count.first, limit=4):
            return count.bounds
        noun_end = count.noun_i if count.noun_i is not None else count.last
        between = range(noun_end + 1, match.first)
        if (
            count.last < match.first
            and len(between) <= 4
            and all(args.is_skippable(story, k) or story.words[k].has(_TO) for k in between)
        ):
            return count.bounds  # "دفعت ما يزيد على 270 ألف شخص إلى النزوح"
    return None


def _build(story: Story, group: list[Match], lo: int, hi: int) -> dict[str, Any] | None:
    head = max(group, key=lambda m: _SPECIFICITY.index(m.payload[1]) if m.payload[1] in _SPECIFICITY else 0)
    kind, subtype = head.payload
    first = group[0]
    event: dict[str, Any] = {"type": kind, "subtype": subtype, "killed": None, "injured": None}
    if kind in _COUNTED_KINDS:
        figure = next((f for m in group if (f := _count_for(story, m, hi)) is not None), None)
        if figure is None and kind == "displacement":
            return None
        event["arrested" if kind == "arrest" else "displaced"] = figure
    event["location"] = places.find_location(story, first.first, group[-1].last, lo, hi)
    if event["location"] is None:
        event["location"] = places.antecedent_place(story, group[-1].last, hi)
    if story.words[head.first].has(_CAPTURE):  # the place taken is the offensive's place
        event["location"] = places.place_at(story, head.last + 1) or event["location"]
    event["time"] = args.find_time(story, first.first, group[-1].last, lo, hi)
    event["source"] = args.find_source(story, lo, hi)
    role = "agent" if kind == "arrest" else "attacker"
    actors = [{**a, "role": role} for a in _attackers(story, first, lo, hi)]
    if kind == "offensive" and not actors:
        return None
    event["actors"] = actors + (_targets(story, head, hi) if kind == "attack" else [])
    place = event["location"]
    if place and any(_overlaps(place, a) for a in actors):
        if _in_actor_phrase(story, place):  # "التحالف الذي تقوده الولايات المتحدة": the actor's country
            event["location"] = None
        else:  # "في محافظة صنعاء شن طيران التحالف", "وشهدت تركيا ... الهجمات": a place, no actor
            event["actors"] = [a for a in event["actors"] if not _overlaps(place, a)]
    outcome = _outcome(story, lo, hi) if kind in ("attack", "offensive") else None
    if outcome:
        event["outcome"] = outcome
    event["evidence"] = [story.span(m.first, m.last) for m in group]
    event["trigger"] = story.span(head.first, head.last)
    event["_anchor"] = (first.first, group[-1].last)
    return event


def _in_actor_phrase(story: Story, place: dict[str, Any]) -> bool:
    """A place naming who leads or backs an actor ("التحالف الذي تقوده الولايات المتحدة", "بقيادة")."""
    first = next((w.i for w in story.words if w.start <= place["start"] < w.end), None)
    return first is not None and any(story.words[k].has(_LED_BY) for k in range(max(0, first - 3), first))


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _one_event(story: Story, a: Match, b: Match, hi: int) -> bool:
    """Two triggers of one type are one event unless they name different places; across a clause
    break ("فيما", "بينما") only a placeless trigger of the same subtype joins the one before."""
    b_hi = next((k for k in range(b.last + 1, hi) if story.words[k].has(_CLAUSE_BREAKS)), hi)
    place_b = places.find_location(story, b.first, b.last, b.first, b_hi)
    if any(story.words[k].has(_CLAUSE_BREAKS) for k in range(a.last + 1, b.first)):
        return place_b is None and a.payload == b.payload
    if place_b is None:
        return True
    place_a = places.find_location(story, a.first, a.last, a.first, hi)
    return place_a is not None and place_a["start"] == place_b["start"]


def find_incidents(story: Story, lo: int, hi: int) -> list[dict[str, Any]]:
    """Attack, offensive, arrest and displacement events of the sentence words[lo:hi]."""
    matches = [m for m in _INDEX.find(story.words, lo, hi) if _keep(story, m, lo, hi)]
    groups: list[list[Match]] = []
    for m in matches:
        previous = groups[-1] if groups else None
        if previous and previous[-1].payload[0] == m.payload[0] and _one_event(story, previous[-1], m, hi):
            previous.append(m)
        else:
            groups.append([m])
    events = []
    for group in groups:
        event = _build(story, group, lo, hi)
        if event is not None:
            events.append(event)
    return events
