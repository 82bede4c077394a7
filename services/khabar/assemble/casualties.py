"""Casualty events: killed and injured figures, victims, perpetrator, cause, place, time and source.

A figure belongs to a casualty report when its counted noun names the dead or wounded
("28 قتيلا") or when a casualty trigger governs it ("مقتل 21 عنصرا", "46 مهاجرا لقوا
حتفهم"). Killed and injured figures of one clause make one event ("مقتل 6 فلسطينيين
وإصابة 192 آخرين"); a subset after بينهم is not an event of its own (CONVENTIONS.md).
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import arguments as args
from khabar.assemble import lexicon, places
from khabar.assemble.context import Story
from khabar.assemble.figures import PERSONS, Figure, find_figures
from khabar.assemble.triggers import Word, fold, fold_all

_PERPETRATOR = fold_all(lexicon.PERPETRATOR_MARKERS)
#: Words that put a second figure in another clause: "قتلا بعد إطلاق النار ... أصيب فيه جندي".
_SEQUENCE = fold_all(("بعد", "قبل", "إثر", "اثر", "عقب"))
_MIN = fold("من")


def _new_clause_between(figure: Figure, previous: Figure, words: list[Word]) -> bool:
    return any(words[k].has(_SEQUENCE) for k in range(previous.last + 1, figure.first))


def group_figures(figures: list[Figure], words: list[Word]) -> list[list[Figure]]:
    """Killed and injured figures of one clause form one report; a second killed figure opens another."""
    reports: list[list[Figure]] = []
    for figure in figures:
        current = reports[-1] if reports else None
        if (
            current
            and all(f.role != figure.role for f in current)
            and figure.first - current[-1].last <= 12
            and not _new_clause_between(figure, current[-1], words)
        ):
            current.append(figure)
        else:
            reports.append([figure])
    return reports


def _victims(story: Story, figure: Figure, hi: int) -> list[dict[str, Any]]:
    """Victim groups: "عنصرا من قوات النظام والفصائل المقاتلة" or the counted noun itself."""
    out = []
    i = figure.last + 1
    while i < hi and story.words[i].is_punct:
        i += 1
    if i < hi and story.words[i].fold == _MIN:
        for first, last in args.find_groups(story, i + 1, min(hi, i + 14), ("ORG", "MISC")):
            if all(not story.words[k].has(args.STOPS) or k == first for k in range(i + 1, first)):
                out.append(args.actor_span(story, first, last, "victim"))
    noun_i = figure.count.noun_i if figure.count else None
    if not out and noun_i is not None and story.words[noun_i].has(PERSONS):
        out.append(args.actor_span(story, noun_i, noun_i, "victim"))
    return out


def _perpetrator(story: Story, figures: list[Figure], lo: int, hi: int) -> list[dict[str, Any]]:
    """Who caused the deaths: "برصاص القوات الإسرائيلية", "على يد", or the subject of active قتل."""
    first = figures[0]
    for i in range(first.first, hi):
        if story.words[i].has(_PERPETRATOR):
            found = args.find_groups(story, i, min(hi, i + 5))
            if found:
                return [args.actor_span(story, *found[0], "perpetrator")]
    trigger = first.trigger
    if (
        trigger is not None
        and trigger.first == trigger.last
        and story.words[trigger.first].has(fold_all(("قتل", "قتلت", "أصاب", "أصابت")))
    ):
        found = args.find_groups(story, trigger.last + 1, min(hi, trigger.last + 4))
        if found and found[0][0] < first.first:
            return [args.actor_span(story, *found[0], "perpetrator")]
    return []


def build_report(story: Story, figures: list[Figure], lo: int, hi: int) -> dict[str, Any]:
    """One casualties event from the figures of one clause."""
    anchor_first = min(f.trigger.first if f.trigger else f.first for f in figures)
    anchor_last = max(f.last for f in figures)
    event: dict[str, Any] = {"type": "casualties", "killed": None, "injured": None}
    for figure in figures:
        event[figure.role] = figure.bounds
    event["location"] = places.find_location(story, anchor_first, anchor_last, lo, hi)
    event["time"] = args.find_time(story, anchor_first, anchor_last, lo, hi)
    event["source"] = args.find_source(story, lo, hi)
    victims = [v for f in figures for v in _victims(story, f, hi)]
    event["actors"] = victims + _perpetrator(story, figures, lo, hi)
    event["victims"] = sorted({v["key"] for v in victims})
    evidence = [story.span(f.trigger.first, f.trigger.last) for f in figures if f.trigger]
    evidence += [story.doc.span(f.count.start, f.count.end) for f in figures if f.count]
    event["evidence"] = sorted(
        {(e["start"], e["end"]): e for e in evidence}.values(), key=lambda e: e["start"]
    )
    event["trigger"] = evidence[0]
    event["_anchor"] = (anchor_first, anchor_last)
    return event


def find_casualties(story: Story, lo: int, hi: int) -> list[dict[str, Any]]:
    """Casualties events of the sentence words[lo:hi]."""
    return [
        build_report(story, group, lo, hi)
        for group in group_figures(find_figures(story, lo, hi), story.words)
    ]


def join_adjacent(previous: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold an injured-only report into the killed-only report of the sentence before.

    "نحو 20 شخصا لقوا حتفهم. وأضاف أن أكثر من 12 شخصا أصيبوا." is one report (killed and
    injured of one incident told in adjacent clauses), when no place sets them apart.
    """
    killed_only = [e for e in previous if e["killed"] and not e["injured"]]
    injured_only = [e for e in found if e["injured"] and not e["killed"]]
    if len(killed_only) != 1 or len(injured_only) != 1 or len(found) != 1:
        return found
    target, event = killed_only[0], injured_only[0]
    if event["location"] and target["location"] and event["location"]["text"] != target["location"]["text"]:
        return found
    target["injured"] = event["injured"]
    target["evidence"] = sorted(target["evidence"] + event["evidence"], key=lambda e: e["start"])
    keys = {a.get("key") for a in target["actors"]}
    target["actors"] += [a for a in event["actors"] if a.get("key") not in keys]
    target["victims"] = sorted(set(target["victims"]) | set(event["victims"]))
    target["location"] = target["location"] or event["location"]
    return []
