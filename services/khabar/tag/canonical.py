"""One story's mentions of one entity grouped under one canonical name and one id.

Transliterated names vary in Arabic spelling: g is ج or غ ("سيرجي"/"سيرغي"), long vowels
come and go ("ترامب"/"ترمب"), hamza and teh marbuta are written or not. `name_key` folds
those differences away; within one story a surname alone joins the full name whose last
word has the same key ("لافروف" -> "سيرغي لافروف"), and an organisation's name without
its head joins the headed form ("الدولة الاسلامية" -> "تنظيم الدولة الاسلامية").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from khabar.tag.lexicon import fold_key

_TRANSLIT = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ث": "ت", "ذ": "د", "ظ": "ض"})
_VOWELS = frozenset("اويء")
_MIN_SURNAME = 4


def name_key(text: str) -> str:
    """A spelling-insensitive key for a name: article, inner long vowels and g/j/q variants folded.

    >>> name_key("سيرجي لافروف") == name_key("سيرغي لافروف"), name_key("ترامب") == name_key("ترمب")
    (True, True)
    """
    words = []
    for word in fold_key(text).translate(_TRANSLIT).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if len(word) > 2:
            word = word[0] + "".join(c for c in word[1:-1] if c not in _VOWELS) + word[-1]
        skeleton = word
        squeezed = "".join(c for k, c in enumerate(skeleton) if k == 0 or c != skeleton[k - 1])
        words.append(squeezed)
    return " ".join(words)


@dataclass
class Group:
    """One entity of a story: its type, grouping key and the surfaces seen."""

    type: str
    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    place_name: str | None = None
    canonical: str = ""

    def add(self, surface: str) -> None:
        self.surfaces[surface] += 1


def group_mentions(mentions: list[tuple[str, str, str | None, str | None]]) -> list[Group]:
    """Group (type, surface, place id, place name) mentions; returns each mention's group, in order.

    Args:
        mentions: type, clitic-free surface and, for resolved places, the gazetteer's identity
            of the place and its preferred name, or None (mentions of one place share a
            group whatever the spelling, and take the preferred name as canonical when the
            gazetteer has one).

    Returns:
        The group of each mention, aligned with `mentions`.
    """
    groups: dict[tuple[str, str], Group] = {}
    keys = [(typ, f"place:{ident}" if ident else name_key(surface)) for typ, surface, ident, _ in mentions]
    linkable = [len(fold_key(surface)) >= _MIN_SURNAME for _, surface, _, _ in mentions]
    linked = _link_short_forms(keys, linkable)
    out = []
    for (typ, surface, _, name), key in zip(mentions, linked, strict=True):
        group = groups.setdefault(key, Group(typ, key[1], place_name=name))
        group.place_name = group.place_name or name
        group.add(surface)
        out.append(group)
    for group in groups.values():
        group.canonical = group.place_name or _pick_canonical(group.surfaces)
    return out


def _link_short_forms(keys: list[tuple[str, str]], linkable: list[bool]) -> list[tuple[str, str]]:
    """Map a surname to its full name (PER) and a headless ORG name to its headed form.

    Only surfaces of `_MIN_SURNAME` letters link: the skeletons of short names collide
    ("جان" and "غيان" both give "جن").
    """
    full: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for typ, key in keys:
        words = key.split()
        if typ == "PER" and len(words) > 1:
            full.setdefault((typ, words[-1]), Counter())[(typ, key)] += 1
        elif typ == "ORG" and len(words) > 1:
            full.setdefault((typ, " ".join(words[1:])), Counter())[(typ, key)] += 1
    out = []
    for (typ, key), ok in zip(keys, linkable, strict=True):
        target = full.get((typ, key)) if ok else None
        out.append(target.most_common(1)[0][0] if target and (typ, key) not in target else (typ, key))
    return out


def _pick_canonical(surfaces: Counter[str]) -> str:
    """The most frequent of the longest surfaces (a full name beats a surname)."""
    longest = max(len(s.split()) for s in surfaces)
    best = [s for s in surfaces if len(s.split()) == longest]
    return max(best, key=lambda s: (surfaces[s], -best.index(s)))


def entity_id(doc_id: str, typ: str, key: str) -> str:
    """A deterministic entity id within a story: story id, type and grouping key hashed.

    >>> entity_id("seed", "PER", "سرج لفرف") == entity_id("seed", "PER", "سرج لفرف")
    True
    """
    digest = hashlib.blake2b(f"{typ}|{key}".encode(), digest_size=6).hexdigest()
    return f"{doc_id}:ent:{digest}"
