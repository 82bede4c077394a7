"""Training-only data augmentation for the NER model: mention replacement.

Why: 56% of ANERcorp test entities never occur in train, and the tagger learns to recognise
names it has memorised rather than the contexts names stand in. A copy of each training
sentence with every entity swapped for another entity of the same type (drawn uniformly from
the distinct names of the training part, so rare names count as much as frequent ones) keeps
the context and changes the name: the model must read "قال ___ إن" or "في مدينة ___" to tag
it. (Dai and Adel 2020, "An Analysis of Simple Data Augmentation for Named Entity
Recognition".) No library offers this for BIO-tagged token lists, so it is written here.
"""

from __future__ import annotations

import random

from khabar.tag.ner_conll import find_entities

Sentence = tuple[list[str], list[str]]


def name_pool(data: list[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    """Distinct entity surfaces (token tuples) per type, in first-seen order."""
    pool: dict[str, dict[tuple[str, ...], None]] = {}
    for tokens, tags in data:
        for start, end, kind in sorted(find_entities(tags)):
            pool.setdefault(kind, {})[tuple(tokens[start:end])] = None
    return {kind: list(names) for kind, names in pool.items()}


def replace_mentions(data: list[Sentence], copies: int, seed: int = 11,
                     types: frozenset[str] = frozenset({"PER", "LOC", "ORG", "MISC"})) -> list[Sentence]:
    """``copies`` new sentences per sentence that holds an entity of ``types``, each such entity replaced."""
    pool = name_pool(data)
    rng = random.Random(seed)
    out: list[Sentence] = []
    for tokens, tags in data:
        spans = [span for span in sorted(find_entities(tags)) if span[2] in types]
        if not spans:
            continue
        for _ in range(copies):
            new_tokens: list[str] = []
            new_tags: list[str] = []
            pos = 0
            for start, end, kind in spans:
                new_tokens += tokens[pos:start]
                new_tags += tags[pos:start]
                name = rng.choice(pool[kind])
                new_tokens += name
                new_tags += [f"B-{kind}"] + [f"I-{kind}"] * (len(name) - 1)
                pos = end
            new_tokens += tokens[pos:]
            new_tags += tags[pos:]
            out.append((new_tokens, new_tags))
    return out
