"""Comparison keys of event arguments, independent of the story they came from.

Two mentions of one real-world event rarely share a surface: "محافظة حلب" and "حلب",
"سيرجي لافروف" and "سيرغي لافروف", a lead and a quote of one statement. These keys
reduce each argument to what the merge rules compare: a place's name terms and its
qualifier (ريف + direction), a speaker's name terms, a content's stem set.

>>> place_key({"text": "ريف حلب الجنوبي"})
{'head': ['حلب'], 'qual': ['جنوب', 'ريف']}
>>> sorted(name_terms("وزير الخارجية الروسي سيرغي لافروف"))
['سيرغي', 'لافروف']
"""

from __future__ import annotations

import re
from typing import Any

from khabar.assemble.triggers import fold, fold_all, lookup_keys

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_NON_QUALIFYING = fold_all(
    (
        "محافظة",
        "مدينة",
        "بلدة",
        "قرية",
        "مخيم",
        "حي",
        "منطقة",
        "مناطق",
        "ولاية",
        "إقليم",
        "قضاء",
        "ناحية",
        "مديرية",
        "محيط",
        "العاصمة",
        "مدينتي",
        "محافظتي",
        "مطار",
        "طريق",
        "معبر",
        "مستشفى",
        "قاعدة",
        "ميناء",
        "جبهة",
        "أطراف",
        "ضواحي",
    )
)
_QUALIFYING = {
    fold(w): q
    for w, q in (
        ("ريف", "ريف"),
        ("شمال", "شمال"),
        ("جنوب", "جنوب"),
        ("شرق", "شرق"),
        ("غرب", "غرب"),
        ("وسط", "وسط"),
        ("شمالي", "شمال"),
        ("جنوبي", "جنوب"),
        ("شرقي", "شرق"),
        ("غربي", "غرب"),
        ("الشمالي", "شمال"),
        ("الجنوبي", "جنوب"),
        ("الشرقي", "شرق"),
        ("الغربي", "غرب"),
        ("الشمالية", "شمال"),
        ("الجنوبية", "جنوب"),
        ("الشرقية", "شرق"),
        ("الغربية", "غرب"),
        ("الجنوب", "جنوب"),
        ("الشمال", "شمال"),
        ("الشرق", "شرق"),
        ("الغرب", "غرب"),
        ("الأوسط", "وسط"),
        ("الوسطى", "وسط"),
    )
}
#: Titles and function words that say nothing about who a speaker or party is.
_GENERIC = fold_all(
    (
        "وزير",
        "وزيرة",
        "وزارة",
        "الخارجية",
        "الدفاع",
        "الداخلية",
        "رئيس",
        "رئيسة",
        "الرئيس",
        "المتحدث",
        "المتحدثة",
        "باسم",
        "الناطق",
        "نائب",
        "مسؤول",
        "مصدر",
        "مصادر",
        "الروسي",
        "الأميركي",
        "الاميركي",
        "الأمريكي",
        "السوري",
        "الإيراني",
        "التركي",
        "الإسرائيلي",
        "الفلسطيني",
        "العراقي",
        "المصري",
        "السعودي",
        "الفرنسي",
        "البريطاني",
        "الأمين",
        "العام",
        "زعيم",
        "قائد",
        "نظيره",
        "نظيرته",
        "سفير",
        "الحكومة",
        "رئيس",
        "الوزراء",
        "الملك",
        "الأمير",
        "ولي",
        "العهد",
        "الشيخ",
        "السيد",
        "الجنرال",
        "العميد",
        "اللواء",
    )
)
_STOPWORDS = fold_all(
    (
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "أن",
        "إن",
        "ان",
        "هذا",
        "هذه",
        "ذلك",
        "التي",
        "الذي",
        "الذين",
        "ما",
        "لا",
        "لم",
        "لن",
        "قد",
        "كان",
        "كانت",
        "هو",
        "هي",
        "هم",
        "نحن",
        "أيضا",
        "ايضا",
        "كل",
        "بعد",
        "قبل",
        "خلال",
        "بين",
        "عند",
        "حتى",
        "أو",
        "او",
        "ثم",
        "إلا",
        "غير",
        "بما",
        "ذلك",
        "تلك",
        "نحو",
        "فيما",
        "حيث",
        "كما",
        "لها",
        "له",
        "لهم",
        "منها",
        "منه",
        "يوم",
        "اليوم",
        "أمس",
    )
)
_SUFFIXES = ("هما", "هم", "ها", "ون", "ين", "ات", "ان", "ه", "ي", "ا")


def terms(text: str) -> list[str]:
    """Folded words of `text` without proclitics or the article, in order (for bags of content words,
    where a wrong strip hits both sides alike)."""
    return [lookup_keys(fold(w))[-1] for w in _WORD_RE.findall(text)]


def name_term(word: str) -> str:
    """A name word folded, without the article only: "لافروف" keeps its ل, "الاردن" is "اردن"."""
    folded = fold(word)
    return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded


def name_words(text: str) -> list[str]:
    """The name terms of a span's text, in order."""
    return [name_term(w) for w in _WORD_RE.findall(text)]


def place_key(location: dict[str, Any] | None) -> dict[str, Any] | None:
    """A place as name terms (`head`, or the GeoNames id) and sorted qualifiers (ريف, directions)."""
    if not location:
        return None
    head, qual = [], set()
    for word in _WORD_RE.findall(location["text"]):
        folded = fold(word)
        forms = lookup_keys(folded)
        q = next((_QUALIFYING[f] for f in forms if f in _QUALIFYING), None)
        if q:
            qual.add(q)
        elif not any(f in _NON_QUALIFYING for f in forms):
            head.append(name_term(word))
    if location.get("geonames_id") is not None:
        head = [f"gn:{location['geonames_id']}"]
    return {"head": head, "qual": sorted(qual)} if head else None


def places_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Same or contained place: one name within the other, and equal qualifiers unless one has none.

    "محافظة حلب" contains "ريف حلب الجنوبي"; "ريف حلب الجنوبي" and "ريف حلب الجنوب الشرقي" differ.
    """
    if a is None or b is None:
        return False
    ha, hb = set(a["head"]), set(b["head"])
    if not (ha <= hb or hb <= ha):
        return False
    return not a["qual"] or not b["qual"] or a["qual"] == b["qual"]


def name_terms(text: str | None) -> set[str]:
    """Terms that identify a speaker or party: names, without titles and nationality adjectives."""
    if not text:
        return set()
    words = name_words(text)
    return {t for t in words if t not in _GENERIC and "ال" + t not in _GENERIC and len(t) > 2} or set(words)


def stem(term: str) -> str:
    """A light suffix strip so "مستعدة", "مستعدون" and "مستعد" compare equal."""
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            return term[: -len(suffix)]
    return term


def content_terms(text: str | None) -> list[str]:
    """Sorted distinct stems of a statement's content, function words dropped."""
    if not text:
        return []
    return sorted({stem(t) for t in terms(text) if t not in _STOPWORDS and len(t) > 2})


def overlap(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Overlap coefficient |A ∩ B| / min(|A|, |B|); 0 when either is empty."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
