"""Turn a tagger's BIO labels into mentions with the spans CONVENTIONS asks for.

The model labels whole ANERcorp-style tokens, clitics attached. Decoding then trims each
span: punctuation at the edges, the proclitic of the first token ("وبغداد" -> "بغداد",
"للجيش" -> "جيش", CONVENTIONS "Spans"), and for LOC the designators and direction words
("ريف حلب الجنوبي" -> "حلب", CONVENTIONS "LOC").
"""

from __future__ import annotations

from collections.abc import Callable

from khabar import schemas
from khabar.tag.lexicon import (
    COMMON_WORDS,
    LOC_DESIGNATORS,
    LOC_DIRECTIONS,
    MEDIA_HEADS,
    NOT_MISC,
    PER_TITLES,
    STOPWORDS,
    fold_key,
)
from khabar.tag.rules import nisba_stem
from khabar.tag.words import Mention, TokenView, original_offset, proclitic_variants

ENTITY_TYPES = schemas.enum("entity_type")  # the schema is the one place the types are written
_LABEL_ALIASES = {"PERS": "PER", "PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "GPE": "LOC"}


def decode_bio(labels: list[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """BIO labels of one sentence -> (first, last, type) token spans; a stray I- opens a span.

    >>> decode_bio(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    if labels.count("O") == len(labels):
        return spans
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        tag, _, raw = label.partition("-")
        typ = _LABEL_ALIASES.get(raw, raw)
        if start >= 0 and (tag != "I" or typ != kind):
            spans.append((offset + start, offset + i, kind))
            start = -1
        if tag in ("B", "I") and start < 0 and typ in ENTITY_TYPES:
            start, kind = i, typ
    return spans


def mentions_from_labels(view: TokenView, labels: list[list[str]], known: Callable[[str], bool],
                         sentences: list[list[int]], seen: frozenset[str] = frozenset()) -> list[Mention]:
    """Decode every sentence's labels and trim the spans.

    Args:
        view: the document's tokens.
        labels: one label list per sentence, aligned with `sentences`.
        known: whether a folded word is a known name (gazetteer, name lists).
        sentences: token indices per sentence.
        seen: words the model tagged elsewhere in the story; a proclitic before one of
            them is split off ("ولافروف" when "لافروف" was tagged too).

    Returns:
        Trimmed mentions with origin "model"; spans that trim to nothing are dropped.
    """
    out = []
    for idx, sent_labels in zip(sentences, labels, strict=True):
        for first, last, typ in decode_bio(sent_labels, idx[0] if idx else 0):
            for part in split_coordination(view, first, last, typ, known):
                mention = trim(view, Mention(*part, typ, "model"), known, seen)
                if mention is not None:
                    out.append(mention)
    return out


def split_coordination(view: TokenView, first: int, last: int, typ: str,
                       known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Split a span made of coordinated known names ("واشنطن وبيونغيانغ", "فرانس برس وسانا")."""
    if last - first < 2:
        return [(first, last)]
    for k in range(first + 1, last):
        key = view.keys[k]
        left = view.keys[first + 1:k]
        if key.startswith("و") and known(key[1:]) \
                and any(known(" ".join([word, *left])) for _, word in view.variants[first]):
            return [(first, k), *split_coordination(view, k, last, typ, known)]
    return [(first, last)]


def trim(view: TokenView, m: Mention, known: Callable[[str], bool],
         seen: frozenset[str] = frozenset()) -> Mention | None:
    """Drop edge punctuation and stopwords, the proclitic, and for LOC designators/directions.

    A LOC made of designators only ("ريف") is no name and gives None.
    """
    first, last = m.first, m.last
    edge_stops = STOPWORDS if m.origin == "model" else frozenset()  # "سي إن إن" keeps its "إن"
    while first < last and (not view.is_word[first] or _edge_stopword(view, first, edge_stops)):
        first += 1
    while last > first and (not view.is_word[last - 1] or _edge_stopword(view, last - 1, edge_stops)):
        last -= 1
    if m.type == "ORG" and last - first > 1 and view.keys[first] in MEDIA_HEADS:
        first += 1  # "قناة فرانس24" -> "فرانس24": the announcing head is left out
    if m.type == "PER":  # titles are not part of a person's span (CONVENTIONS PER)
        last = _before_eulogy(view, first, last)
        while last - first > 1 and view.reads_as(first, PER_TITLES):
            first += 1
        last = _regnal_end(view, first, last, m.last)
        while first > 0 and view.keys[first - 1] in _NAME_PARTICLES and view.same_sentence(first - 1, first):
            first -= 1  # "فان بيرسي", "دي ميستورا": the particle is part of the surname
        while last - first > 1 and (view.keys[last - 1] in PER_TITLES - _SURNAME_TITLES
                                    or _conjoined(view.keys[last - 1])):
            last -= 1  # "يوسف الشاهد نجل ...", "صالح ومقرهما"; but "طارق السيد" keeps its surname
    if m.type == "LOC":
        rest = view.keys[first + 1:last]
        if not any(known(" ".join([word, *rest])) for _, word in view.variants[first]):  # "والضفة الغربية"
            while last - first > 1 and _is_designator(view.keys[first]):
                first += 1
            while last - first > 1 and view.keys[last - 1] in LOC_DIRECTIONS \
                    and any(k not in LOC_DIRECTIONS for k in view.keys[first:last - 1]):
                last -= 1  # "حلب الجنوب الشرقي" -> "حلب", but "الشرق الأوسط" stays whole
    if first >= last or (m.type == "LOC" and last - first == 1 and _is_designator(view.keys[first])):
        return None
    if last - first == 1 and (len(view.keys[first].removeprefix("ال")) < 2 or view.keys[first] in MEDIA_HEADS
                              or _dual_adjective(view, first, m)):
        return None  # a bare "الـ" before a quoted name, a bare "ميليشيات", "انتحاريتان" (two attacks)
    last = _glued_number_end(view, first, last, m.type)
    if m.type == "MISC" and last - first == 1 and any(w in NOT_MISC for _, w in _bare_readings(view, first)):
        return None  # currencies, number words, religions are not tagged (CONVENTIONS)
    if last - first == 1 and _nationality_adjective(view.keys[first], m.type):
        return None  # "التركي", "الروسي": nationality adjectives are not tagged (CONVENTIONS)
    if first == m.first and m.origin != "model":
        return Mention(first, last, m.type, m.origin, m.lead, m.attrs)  # the finder knew
    lead = 0 if _glued_to_digits(view, first) else strip_proclitic(view.keys[first], known, seen)
    return Mention(first, last, m.type, m.origin, original_offset(view.texts[first], lead), m.attrs)


#: Regnal numbers belong to a monarch's name: "الملك عبدالله الثاني", "محمد السادس".
_REGNAL = frozenset(map(fold_key, ("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع "
                                   "العاشر").split()))
#: European surname particles, written as separate words ("فان نيستلروي", "دي ميستورا", "فون دير لاين").
_NAME_PARTICLES = frozenset(map(fold_key, "فان فون دي دا دو ديل دير".split()))
#: Titles that are also common family names: after a given name they end it ("طارق السيد").
_SURNAME_TITLES = frozenset(map(fold_key, "السيد الشيخ".split()))
#: Folded stopwords that are also names: "علي" is the name, unless written "على" ("on").
_NAME_HOMOGRAPHS = frozenset({"علي"})
_ROYAL_TITLES = frozenset(map(fold_key, "الملك العاهل السلطان الأمير البابا الملكة الإمبراطور الشاه".split()))


def _regnal_end(view: TokenView, first: int, last: int, model_last: int) -> int:
    """Keep or add the regnal number after a name: the tagger's span held it (edge trimming took
    it as a stopword), or a royal title stands before the name."""
    if last >= len(view.keys) or view.keys[last] not in _REGNAL or not view.same_sentence(last - 1, last):
        return last
    royal = first > 0 and view.reads_as(first - 1, _ROYAL_TITLES)
    return last + 1 if model_last > last or royal else last


def _glued_to_digits(view: TokenView, i: int) -> bool:
    """Letters glued to digits are one brand name ("فرانس24"), so no proclitic is read off them."""
    glued = i + 1 < len(view.keys) and view.starts[i + 1] == view.ends[i] and view.keys[i + 1].isdigit()
    return glued or (any(c.isdigit() for c in view.keys[i]) and any(c.isalpha() for c in view.keys[i]))


def _glued_number_end(view: TokenView, first: int, last: int, typ: str) -> int:
    """An organisation's name takes the number glued to it ("فرانس24") or its ل phrase's number
    ("فوكس للقرن 21"); a number after a space is a quantity ("تمتلك فوكس 39 في المئة")."""
    if typ != "ORG" or last >= len(view.keys) or not view.keys[last].isdigit() \
            or not view.same_sentence(last - 1, last):
        return last
    before = view.keys[last - 1]
    lam_phrase = last - first > 1 and before.startswith("ل") and not before.startswith("ال")
    return last + 1 if view.starts[last] == view.ends[last - 1] or lam_phrase else last


def _dual_adjective(view: TokenView, i: int, m: Mention) -> bool:
    """An indefinite dual or plural nisba ("انتحاريتان") describes; it names no place."""
    key = view.keys[i]  # "الكوريتين" (the two Koreas) is a place
    return m.type == "LOC" and not key.startswith("ال") and key.endswith(("يتان", "يتين", "يون", "يين"))


def _nationality_adjective(key: str, typ: str) -> bool:
    """A definite nisba of a nationality that is no entity of this type: an adjective
    ("الروسي") for any type, a plural noun ("السوريين") for any type but MISC."""
    stem = nisba_stem(key) if key.startswith("ال") else None
    if stem is None:
        return False
    return typ != "MISC" or key[2:] == stem


#: Pious formulas after a name ("الشيخ زايد حفظه الله", "رحمه الله"): never part of the person.
#: Written out here because no library lists them; keys are folded like view.keys.
_EULOGIES = tuple(tuple(fold_key(w) for w in phrase.split()) for phrase in (
    "حفظه الله", "حفظها الله", "حفظهم الله", "بحفظ الله", "رحمه الله", "رحمها الله", "رحمهم الله",
    "يرحمه الله", "طيب الله ثراه", "رضي الله عنه", "رضي الله عنها", "صلى الله عليه وسلم",
    "عليه السلام", "أطال الله عمره", "أطال الله بقاءه", "أعزه الله", "نصره الله", "أيده الله",
))


def _before_eulogy(view: TokenView, first: int, last: int) -> int:
    """End a person's span where a pious formula starts (an empty span if it starts the span)."""
    for k in range(first, last):
        if any(tuple(view.keys[k:k + len(e)]) == e for e in _EULOGIES if e[0] == view.keys[k]):
            return k
    return last


def _edge_stopword(view: TokenView, i: int, stops: frozenset[str]) -> bool:
    """A stopword at the edge of a model span, unless its spelling shows a name ("الحسن بن علي").

    Folding merges ى into ي, so the key "علي" is both the preposition "على" and the name.
    """
    key = view.keys[i]
    return key in stops and (key not in _NAME_HOMOGRAPHS or view.texts[i].endswith("ى"))


def _conjoined(key: str) -> bool:
    """A word that starts with the conjunction و and is not a name of its own ("ومقرهما")."""
    return key.startswith("و") and len(key) > 3 and key not in _WAW_NAMES


def _bare_readings(view: TokenView, i: int) -> list[tuple[int, str]]:
    """Token i's proclitic readings, each also without the article ("بالدولار" -> "دولار")."""
    out = list(view.variants[i])
    out += [(lead, word[2:]) for lead, word in view.variants[i] if word.startswith("ال")]
    return out


def _is_designator(key: str) -> bool:
    return any(word in LOC_DESIGNATORS for _, word in proclitic_variants(key))


def _plain_word(key: str) -> bool:
    """A common word whose first letter only looks like a proclitic ("بعض", "وادي", "وسائل")."""
    return key in STOPWORDS or key in COMMON_WORDS or "ال" + key in COMMON_WORDS


# Common names that begin with و, whose first letter is not the conjunction.
_WAW_NAMES = frozenset("وليد وائل وفاء وديع وهبة وجدي وسام وضاح ولي وحيد وداد وهيب ويليام وارن".split())


def strip_proclitic(key: str, known: Callable[[str], bool], seen: frozenset[str] = frozenset()) -> int:
    """Key characters of a name's first token that are a proclitic, not part of the name.

    An article after the proclitic settles it ("والاردن", "للجيش"); otherwise the rest must
    be a known name ("وبغداد", "لسوريا"), except that a leading و before three or more
    letters is the conjunction unless the whole word is known ("ولافروف", but "واشنطن").

    >>> strip_proclitic("والاردن", lambda k: False), strip_proclitic("بشار", lambda k: False)
    (1, 0)
    """
    if known(key) or key.startswith("ال") or _plain_word(key):
        return 0
    variants = proclitic_variants(key)[1:]
    for lead, word in variants:
        if word.startswith("ال") and len(word) > 3:
            return lead
    for lead, word in sorted(variants):
        if known(word) or word in seen:
            return lead
    if key.startswith("و") and len(key) >= 4 and key not in _WAW_NAMES:
        return 1
    return 0
