"""assemble: event mentions of a story (who did what to whom, where, when, how many, says who).

`process(doc)` fills `doc.events` with one record per reported clause, in text order:
casualties, attacks, offensives, arrests, displacement, statements, agreements and
meetings, each with `evidence` spans into the original text, a `confidence`, and an
`event_id` shared by mentions of one real-world event. Merging across versions and
stories is `assembler.Assembler` (embedded) or `table.route`/`table.apply` (faust).

>>> from khabar.doc import Doc
>>> doc = process(Doc(id="d", text="قتل 5 أشخاص في غارة على بلدة سراقب."))
>>> [(e["type"], e["killed"]) for e in doc.events]
[('casualties', {'min': 5, 'max': 5}), ('attack', None)]
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import linking
from khabar.assemble.accords import find_accords
from khabar.assemble.arguments import ATTRIBUTION
from khabar.assemble.casualties import find_casualties, join_adjacent
from khabar.assemble.context import Story, read_story
from khabar.assemble.coreference import fold_anaphors
from khabar.assemble.incidents import find_incidents
from khabar.assemble.statements import find_statements
from khabar.doc import Doc

_PRIVATE = ("_anchor", "_content")


def find_events(story: Story) -> list[dict[str, Any]]:
    """Event mentions of every sentence, with attribution-only statements folded into their events."""
    events: list[dict[str, Any]] = []
    last_speaker, previous = None, []
    for lo, hi in story.sentences:
        casualties = join_adjacent(previous, find_casualties(story, lo, hi))
        previous = casualties
        found = casualties + find_incidents(story, lo, hi) + find_accords(story, lo, hi)
        skip = {i for m in ATTRIBUTION.find(story.words, lo, hi) for i in range(m.first, m.last + 1)}
        statements = find_statements(story, lo, hi, last_speaker, skip)
        if statements:
            last_speaker = statements[-1]["speaker"]
        statements = linking.absorb_attributions(statements, found)
        events += sorted(found + statements, key=lambda e: e["_anchor"])
    return events


def _unique(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for event in events:
        if event["id"] not in seen:
            seen.add(event["id"])
            out.append(event)
    return out


def process(doc: Doc) -> Doc:
    """Add the `events` layer: event mentions with arguments, evidence, confidence and event ids.

    Args:
        doc: a story with tokens, sentences, entities and quantities (empty layers are fine).
    Returns:
        The same document with `doc.events` set.
    """
    story = read_story(doc)
    events = fold_anaphors(story, find_events(story))
    linking.assign_mention_ids(doc, events)
    events = _unique(events)
    linking.link_breakdowns(events)
    linking.assign_event_ids(doc, events)
    for event in events:
        event["confidence"] = linking.score_confidence(event)
        for key in _PRIVATE:
            event.pop(key, None)
    doc.events = events
    return doc
