"""tag: named entities (PER, LOC, ORG, MISC) with exact spans, canonical names, ids and places.

*Find*: the sequence model labels each sentence's tokens; pattern finders add fixed
organisation names, head + modifier phrases, media names, gazetteer places, titled persons
and nationality nouns. Overlaps are settled longest span first, then by how reliable the
finder is; names found once are then found again elsewhere in the story ("لافروف" after
"سيرغي لافروف"). *Annotate*: places are resolved against the gazetteer with the story's
countries as context, mentions are grouped into entities, and the layer is written.

>>> from khabar.normalize.core import process as normalize
>>> doc = process(normalize(Doc(id="x", text="وصل لافروف الى فيينا.")))
>>> [(e["text"], e["type"], e["country"]) for e in doc.entities if e["type"] == "LOC"]
[('فيينا', 'LOC', 'AT')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from khabar.doc import Doc
from khabar.tag.backends import Tagger, load_tagger
from khabar.tag.canonical import entity_id, group_mentions
from khabar.tag.decode import decode_bio, mentions_from_labels, trim
from khabar.tag.gazetteer import Gazetteer, Place, coordinated_places, default_gazetteer, find_places
from khabar.tag.lexicon import (
    AMBIGUOUS_PLACE_HEADS,
    COMMON_WORDS,
    FACILITY_HEADS,
    FEATURE_HEADS,
    HEAD_WORDS,
    NAME_CONNECTORS,
    NAME_TAILS,
    NATIONALITY_STEMS,
    NISBA_COUNTRIES,
    PER_TITLES,
    ROAD_HEADS,
    STOPWORDS,
    fold_key,
)
from khabar.tag.organisations import find_media, find_org_phrases, sport_clubs
from khabar.tag.persons import find_titled_persons
from khabar.tag.rules import (
    find_acronyms,
    find_facilities,
    find_misc_names,
    find_nationalities,
    find_org_names,
    nisba_stem,
    org_names,
)
from khabar.tag.words import (
    Mention,
    TokenView,
    longest_phrase,
    nisba_adjective_at,
    original_offset,
    phrase_widths,
)

STAGE_VERSION = "0.2.0"
# Which finder wins when two overlapping spans are equally long.
_PRIORITY = {"name_list": 6, "pattern": 5, "model": 4, "gazetteer": 3, "nationality": 2, "title": 1}


def process(doc: Doc, tagger: Tagger | None = None, gazetteer: Gazetteer | None = None) -> Doc:
    """Add the `entities` layer.

    Args:
        doc: a normalized document (tokens with `text`, `start`, `end`, `sent`).
        tagger: the sequence tagger; default: the backend chosen by `KHABAR_NER_BACKEND`.
        gazetteer: the place table; default: the committed one.

    Returns:
        The same document with `entities` set and `meta["tag"]` naming the backend used.
    """
    backend = "given"
    if tagger is None:
        tagger, backend = load_tagger()
    gazetteer = gazetteer or default_gazetteer()
    view = TokenView(doc.tokens)
    mentions = find_mentions(view, tagger, gazetteer)
    doc.entities = annotate(doc, view, mentions, gazetteer)
    doc.meta["tag"] = {"backend": backend, "version": STAGE_VERSION}
    return doc


def find_mentions(view: TokenView, tagger: Tagger | None, gazetteer: Gazetteer) -> list[Mention]:
    """All entity mentions of a document, non-overlapping, in text order."""
    known = _known_words(gazetteer)
    model, raw = _model_mentions(view, tagger, known)
    rules, weak_places = _rule_mentions(view, gazetteer, known, raw if tagger is not None else None)
    chosen = split_joined_names(view, settle_overlaps(view, model + rules))
    _drop_descriptive_nisba(view, chosen)
    chosen = [m for m in chosen if not _sided_noun(view, m)]
    chosen += coordinated_places(view, chosen, weak_places)
    _retype_places(view, chosen, gazetteer)
    _retype_prizes(view, chosen)
    _retype_titled_names(view, chosen, gazetteer)
    chosen = sport_clubs(view, chosen, lambda key: _place_kinds(gazetteer, key))
    _quoted_titles(view, chosen, gazetteer)
    chosen = settle_overlaps(view, chosen + propagate(view, chosen))
    return sorted(chosen, key=lambda m: view.char_span(m))


def _model_mentions(view: TokenView, tagger: Tagger | None,
                    known: Callable[[str], bool]) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """The tagger's mentions, trimmed, and its raw token spans and types (before trimming)."""
    sentences = view.sentences()
    if tagger is None or not sentences:
        return [], []
    labels = tagger.predict([[view.texts[i] for i in sent] for sent in sentences])
    raw = [span for sent, lab in zip(sentences, labels, strict=True) for span in decode_bio(lab, sent[0])]
    seen = frozenset(view.keys[first] for first, _, _ in raw)
    mentions = mentions_from_labels(view, labels, known, sentences, seen)
    return [_with_place_head(view, m) for m in mentions], raw


_PLACE_HEADS = FACILITY_HEADS | FEATURE_HEADS | ROAD_HEADS


def _with_place_head(view: TokenView, m: Mention) -> Mention:
    """A name right after a facility, feature or road head is that place's, head included
    (CONVENTIONS LOC): the model's "خناصر أثريا" in "طريق خناصر أثريا" is the road."""
    head = m.first - 1
    if m.type == "PER" or m.lead or head < 0 or not view.same_sentence(head, m.first) \
            or view.keys[head] not in _PLACE_HEADS or view.keys[head - 1:head] == ["عن"]:
        return m
    return Mention(head, m.last, "LOC", m.origin, attrs=m.attrs)


def _rule_mentions(view: TokenView, gazetteer: Gazetteer, known: Callable[[str], bool],
                   raw: list[tuple[int, int, str]] | None) -> tuple[list[Mention], list[Mention]]:
    """The pattern finders' mentions, trimmed, and the weak gazetteer places kept aside.

    With a model (`raw` given), a title only completes a name whose end the model found as a
    person or MISC ("بن سلمان"; "الله" of "الملا فضل الله"), never its organisation or place
    ("الأمين العام لحزب الله"); a facility after a head with an everyday sense ("سهل", "حقل")
    needs a name the model or the gazetteer knows.
    """
    orgs = org_names()[0]
    is_place = gazetteer.strong.__contains__
    titled = find_titled_persons(view, lambda word: word in gazetteer.strong or word in orgs)
    if raw is not None:
        titled = [m for m in titled if any(last == m.last and first >= m.first and typ in ("PER", "MISC")
                                           for first, last, typ in raw)]
    places, weak_places = find_places(view, gazetteer)
    facilities = [m for m in find_facilities(view)
                  if _named_facility(view, m, gazetteer, raw if raw is not None else [])]
    rules = [*find_org_names(view), *find_org_phrases(view), *find_media(view), *find_acronyms(view),
             *places, *facilities, *titled, *find_nationalities(view, is_place),
             *find_misc_names(view)]
    return [m for m in (trim(view, r, known) for r in rules) if m is not None], weak_places


def _named_facility(view: TokenView, m: Mention, gazetteer: Gazetteer,
                    raw: list[tuple[int, int, str]]) -> bool:
    """Keep "سهل الغاب", "قاعدة حميميم الجوية", "سد الموصل"; drop "سهل تحيط به", "قاعدة مهمة",
    "يعتبر سهل": after a head that is also an everyday word, an indefinite name must be a place
    the gazetteer lists, a word the model tagged, or be followed by a facility adjective."""
    if not view.reads_as(m.first, AMBIGUOUS_PLACE_HEADS):
        return True
    name = view.keys[m.first + 1]
    if name.startswith("ال") and name not in COMMON_WORDS or m.last > m.first + 2:
        return True  # "حقل العمر", or a name that took an adjective: "قاعدة حميميم الجوية"
    return name in gazetteer.by_key or any(first <= m.first + 1 < last for first, last, _ in raw)


def _known_words(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Words that are names or name heads as they stand, so no proclitic is split off them."""
    names = org_names()[0]

    def known(word: str) -> bool:
        return word in gazetteer.by_key or word in names or word in HEAD_WORDS
    return known


def settle_overlaps(view: TokenView, mentions: list[Mention]) -> list[Mention]:
    """Keep a non-overlapping subset: longer spans first, then the more reliable finder."""
    def rank(m: Mention) -> tuple[int, int, int]:
        start, end = view.char_span(m)
        return -(end - start), -_PRIORITY.get(m.origin, 0), start

    taken: list[tuple[int, int]] = []
    kept = []
    for m in sorted(mentions, key=rank):
        start, end = view.char_span(m)
        if start < end and all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            kept.append(m)
    return kept


def split_joined_names(view: TokenView, mentions: list[Mention]) -> list[Mention]:
    """Undo the model's merge of two neighbouring persons: "اتهم ظريف نتنياهو" is subject and
    object when "محمد جواد ظريف" and "بنيامين نتنياهو" are two other persons of the story."""
    people: dict[str, str] = {}  # surname -> the full name it ends
    for m in mentions:
        if m.type == "PER" and m.last - m.first >= 2:
            people.setdefault(view.keys[m.last - 1], view.stripped_key(m))
    out = []
    for m in mentions:
        if m.type == "PER" and m.last - m.first == 2 and _two_persons(view, m, people):
            out += [Mention(m.first, m.first + 1, "PER", m.origin, m.lead),
                    Mention(m.last - 1, m.last, "PER", m.origin)]
        else:
            out.append(m)
    return out


def _two_persons(view: TokenView, m: Mention, people: dict[str, str]) -> bool:
    """Each word of a two-word PER ends a different, other person's name, the first word a
    name of three words or more, as full names are given first ("محمد جواد ظريف")."""
    key = view.stripped_key(m)
    first, second = key.split(" ", 1)
    owners = {people.get(first), people.get(second)}
    return None not in owners and key not in owners and len(owners) == 2 \
        and len(people[first].split()) > 2 \
        and _good_surname(first) and _good_surname(second) and not second.startswith("ل")


_SIDES = frozenset(fold_key(w) for w in "اليمنى اليسرى الأيمن الأيسر".split())


def _sided_noun(view: TokenView, m: Mention) -> bool:
    """A definite word with right/left after it is a common noun, not a name: "الزاوية اليمنى"
    (the goal's corner, not the Libyan town), "الجناح الأيسر"."""
    return m.last - m.first == 1 and m.type != "PER" and view.stripped_key(m).startswith("ال") \
        and view.same_sentence(m.first, m.last) and view.keys[m.last] in _SIDES


def _drop_descriptive_nisba(view: TokenView, mentions: list[Mention]) -> None:
    """A listed organisation's name followed by a nationality adjective: the adjective only
    describes it (CONVENTIONS: nationality adjectives are not tagged, unless part of the
    official name): "حزب الله اللبناني" -> "حزب الله", "حماس الفلسطينية" -> "حماس"."""
    names = org_names()[0]
    for m in mentions:
        last = view.keys[m.last - 1]
        if m.type != "ORG" or m.last - m.first < 2 or not last.startswith("ال") \
                or (nisba_stem(last) is None and last[2:-1] not in NATIONALITY_STEMS):  # "الفلسطينية"
            continue
        inner = Mention(m.first, m.last - 1, m.type, m.origin, m.lead)
        # a listed name that carries its own adjective ("القيادة المركزية الأميركية") keeps it
        if view.stripped_key(inner) in names and view.stripped_key(m) not in names:
            m.last -= 1


def _retype_places(view: TokenView, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Give every LOC its gazetteer key, and make countries and capitals LOC whatever the model
    said (CONVENTIONS: political uses). A facility or a road takes the place named inside it
    ("مطار الحديدة", "طريق خناصر أثريا") for its coordinates."""
    for m in mentions:
        key = view.stripped_key(m)
        places = gazetteer.by_key.get(key)
        if m.type == "LOC":
            if places:
                m.attrs["key"] = key
            elif inner := _inner_place(view, m, gazetteer):
                m.attrs["key"], m.attrs["inner"] = inner, True  # coordinates, not identity
        elif places and m.origin == "model" and key in gazetteer.strong \
                and any(p.kind != "city" for p in places):
            m.type, m.attrs["key"] = "LOC", key


_MAX_TITLE_GAP = 3  # title words between a title head and the name ("المبعوث الدولي الخاص")


def _retype_titled_names(view: TokenView, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """The model's organisation or place right after a person's title is the person:
    "المبعوث الدولي ستافان دي ميستورا" (CONVENTIONS PER), unless it is a listed organisation,
    a known place or holds an organisation head ("رئيس الوزراء", "وزير خارجية قطر" stay).
    Then every model organisation of the story ending in that person's surname follows."""
    people: set[str] = set()
    for m in mentions:
        if m.type in ("ORG", "LOC") and m.origin == "model" and m.last - m.first >= 2 \
                and _after_title(view, m.first) and not _named_body(view, m, gazetteer):
            m.type = "PER"
            m.attrs.pop("key", None)
        if m.type == "PER" and m.last - m.first >= 2:
            people.add(view.keys[m.last - 1])
    for m in mentions:
        if m.type == "ORG" and m.origin == "model" and m.last - m.first >= 2 \
                and view.keys[m.last - 1] in people and not _named_body(view, m, gazetteer):
            m.type = "PER"


def _after_title(view: TokenView, first: int) -> bool:
    """A person's title ends right before token `first` ("الرئيس", "المبعوث الدولي")."""
    for j in range(first - 1, max(first - 2 - _MAX_TITLE_GAP, -1), -1):
        if not view.same_sentence(j, first) or not view.is_word[j]:
            return False
        if view.reads_as(j, PER_TITLES):
            return True
        if not view.keys[j].startswith("ال") or view.keys[j] in STOPWORDS:
            return False  # title words after the head are definite adjectives ("الدولي", "الخاص")
    return False


def _named_body(view: TokenView, m: Mention, gazetteer: Gazetteer) -> bool:
    key = view.stripped_key(m)
    return key in org_names()[0] or key in gazetteer.by_key \
        or any(view.reads_as(k, HEAD_WORDS) for k in range(m.first, m.last))


_PRIZE_HEADS = frozenset(map(fold_key, "جائزة جوائز".split()))


def _retype_prizes(view: TokenView, mentions: list[Mention]) -> None:
    """A name right after "جائزة" names the prize, not the person or place it honours:
    "جائزة نوبل للسلام" -> نوبل is MISC (CONVENTIONS MISC: named things)."""
    for m in mentions:
        if m.last - m.first > 1 and view.reads_as(m.first, _PRIZE_HEADS):
            m.first, m.lead = m.first + 1, 0  # a title rule's "بجائزة نوبل": the head stays out
        before = m.first - 1
        if m.type != "MISC" and not m.lead and before >= 0 and view.same_sentence(before, m.first) \
                and view.reads_as(before, _PRIZE_HEADS):
            m.type = "MISC"
            m.attrs.pop("key", None)


def _quoted_titles(view: TokenView, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """A region's name in guillemets is a title named after it, the newspaper «الشرق الأوسط»
    (CONVENTIONS ORG: media); a country in guillemets stays LOC (a style of scare quotes)."""
    for m in mentions:
        if m.type == "LOC" and not m.lead and view.texts[m.first - 1:m.first] == ["«"] \
                and view.texts[m.last:m.last + 1] == ["»"] \
                and _place_kinds(gazetteer, view.stripped_key(m)) == {"region"}:
            m.type = "ORG"
            m.attrs.pop("key", None)


def _place_kinds(gazetteer: Gazetteer, key: str) -> set[str]:
    """What a name may be: {"city"}, {"capital"}, {"country"} ... (empty: not a known place)."""
    return {p.kind for p in gazetteer.by_key.get(key, ())}


def _inner_place(view: TokenView, m: Mention, gazetteer: Gazetteer) -> str | None:
    for i in range(m.first, m.last):
        hit = gazetteer.match_at(view, i)
        if hit and hit[0] <= m.last and hit[2] not in COMMON_WORDS and not (i == m.first and hit[1]):
            return hit[2]
    return None


def propagate(view: TokenView, mentions: list[Mention]) -> list[Mention]:
    """Find again, anywhere in the story, the names already found once (and PER surnames).

    A one-word name that the model alone found once, and that no list knows, is not spread:
    one-off model errors ("جنسيا", "الألغام") would multiply.
    """
    surfaces: dict[str, tuple[str, dict[str, Any]]] = {}
    counts = Counter(view.stripped_key(m) for m in mentions)
    for m in mentions:
        if m.type == "MISC":
            continue  # a nationality noun elsewhere may be an adjective ("اللاجئين السوريين")
        key = view.stripped_key(m)
        if " " not in key and (counts[key] < 2 and m.origin == "model" and "key" not in m.attrs
                               and key not in org_names()[0] or key in NAME_CONNECTORS):
            continue
        surfaces.setdefault(key, (m.type, m.attrs))
        words = key.split()
        if m.type == "PER" and len(words) > 1 and _good_surname(words[-1]):
            surfaces.setdefault(words[-1], ("PER", {}))
    widths = phrase_widths(surfaces)
    found = []
    for i in range(len(view.keys)):
        hit = longest_phrase(view, i, surfaces, widths) if view.is_word[i] else None
        if hit and not _adjective_use(view, i):
            end, lead, key = hit
            typ, attrs = surfaces[key]
            lead_chars = original_offset(view.texts[i], lead)
            found.append(Mention(i, end, typ, "propagated", lead_chars, attrs=dict(attrs)))
    return found


def _adjective_use(view: TokenView, i: int) -> bool:
    """A feminine nisba agreeing with the noun before it ("الحكومة السعودية") is an adjective."""
    return nisba_adjective_at(view, i, NATIONALITY_STEMS)


def _good_surname(word: str) -> bool:
    if len(word) < 3 or word in NAME_TAILS or word in NAME_CONNECTORS:  # "تقي الدين": "الدين" alone
        return False  # is no surname, nor "ولد" of "محمد ولد عبد العزيز"
    return word not in STOPWORDS and word not in COMMON_WORDS and word not in HEAD_WORDS


def annotate(doc: Doc, view: TokenView, mentions: list[Mention],
             gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Resolve places, group mentions into entities and build the layer's spans."""
    places = _resolve_places(mentions, gazetteer, _nisba_votes(view))
    spans = [view.char_span(m) for m in mentions]
    surfaces = [_clean_surface(view, m, doc.text[s:e]) for m, (s, e) in zip(mentions, spans, strict=True)]
    # a facility named after a town shares its coordinates, not its identity ("مطار الحديدة")
    same = [None if m.attrs.get("inner") else place for m, place in zip(mentions, places, strict=True)]
    groups = group_mentions([(m.type, surf, place.ident if place else None,
                              gazetteer.preferred_names.get(place.ident) if place else None)
                             for m, surf, place in zip(mentions, surfaces, same, strict=True)])
    out = []
    for m, (start, end), group, place in zip(mentions, spans, groups, places, strict=True):
        attrs: dict[str, Any] = {"type": m.type, "id": entity_id(doc.id, m.type, group.key),
                                 "canonical": group.canonical, "origin": m.origin}
        if m.type == "LOC":
            attrs.update(_place_attrs(place))
        out.append(doc.span(start, end, **attrs))
    return out


def _nisba_votes(view: TokenView) -> Counter[str]:
    """Countries named by nationality adjectives in the story ("الأردني", "السورية")."""
    votes: Counter[str] = Counter()
    for key in view.keys:
        word = key[2:] if key.startswith("ال") else key
        iso = NISBA_COUNTRIES.get(word[:-1] if word.endswith("يه") else word)
        if iso:
            votes[iso] += 1
    return votes


def _resolve_places(mentions: list[Mention], gazetteer: Gazetteer,
                    context: Counter[str]) -> list[Place | None]:
    """Resolve every place, preferring the countries the story's nationality adjectives and
    unambiguous place names point to."""
    for m in mentions:
        places = gazetteer.by_key.get(m.attrs.get("key", "")) if m.type == "LOC" else None
        countries = {p.country for p in places or ()}
        if len(countries) == 1:  # only unambiguous names vote ("عمان" is Oman or Amman)
            context[countries.pop()] += 1
    return [gazetteer.resolve(m.attrs["key"], context) if m.type == "LOC" and "key" in m.attrs else None
            for m in mentions]


def _place_attrs(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"geonames_id": None, "lat": None, "lon": None, "country": None}
    return {"geonames_id": place.geonames_id, "lat": place.lat, "lon": place.lon,
            "country": place.country or None}


def _clean_surface(view: TokenView, m: Mention, text: str) -> str:
    """A mention's surface for canonical names: no diacritics or tatweel, and the article back
    after a contracted لل ("للأمم المتحدة" -> "الأمم المتحدة")."""
    text = "".join(c for c in text if not ("\u064b" <= c <= "\u0652" or c in "\u0670\u0640"))
    if m.lead and fold_key(view.texts[m.first][:m.lead]).endswith("لل"):
        text = "ال" + text
    return text
