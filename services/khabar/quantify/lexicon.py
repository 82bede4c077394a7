"""Number words, ordinals, fractions, percent words and bound qualifiers of MSA (data only).

Spellings are written here as a reader would write them (أربعة، مائة، إحدى); `tokens.py`
folds them (alef, yeh, teh marbuta, hamza seats) once at import, so one entry covers
أربعة/اربعة/اربعه. Case and gender variants are listed explicitly: the number grammar in
`numerals.py` only needs a value and a class for each surface.
"""

from __future__ import annotations

# Word tables read best as compact rows: ruff-format leaves them alone.
# fmt: off

# -- cardinals ------------------------------------------------------------------
#: 1-9 in every case and gender form (اثنا/اثني are the construct forms of the teens).
ONES: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "ثمانى": 8, "تسع": 9, "تسعة": 9,
}
#: 10, which also closes a teen (ثلاثة عشر، إحدى عشرة).
TENS_TEN: dict[str, int] = {"عشر": 10, "عشرة": 10}
TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_HUNDRED_STEMS = {"مئة": 100, "مائة": 100, "مية": 100}
_HUNDRED_PREFIXES = {"ثلاث": 3, "ثلث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8,
                     "تسع": 9}
HUNDREDS: dict[str, int] = {
    **_HUNDRED_STEMS,
    "مئتان": 200, "مئتين": 200, "مئتا": 200, "مئتي": 200,
    "مائتان": 200, "مائتين": 200, "مائتا": 200, "مائتي": 200, "مئتيان": 200,
    # ثلاثمئة … تسعمائة written as one word
    **{p + s: n * 100 for p, n in _HUNDRED_PREFIXES.items() for s in ("مئة", "مائة")},
}
#: scale word -> (scale, count): count 1 singular, 2 dual, 0 plural (needs a count before it).
SCALES: dict[str, tuple[int, int]] = {
    "ألف": (10**3, 1), "ألفا": (10**3, 1), "ألفان": (10**3, 2), "ألفين": (10**3, 2), "ألفي": (10**3, 2),
    "آلاف": (10**3, 0), "ألوف": (10**3, 0),
    "مليون": (10**6, 1), "مليونا": (10**6, 1), "مليونان": (10**6, 2), "مليونين": (10**6, 2),
    "مليوني": (10**6, 2), "ملايين": (10**6, 0),
    "مليار": (10**9, 1), "مليارا": (10**9, 1), "ملياران": (10**9, 2), "مليارين": (10**9, 2),
    "ملياري": (10**9, 2), "مليارات": (10**9, 0),
    "بليون": (10**9, 1), "بليونا": (10**9, 1), "بلايين": (10**9, 0),
    "دزينة": (12, 1), "دزينتين": (12, 2), "دزينات": (12, 0),
    "تريليون": (10**12, 1), "ترليون": (10**12, 1), "تريليونا": (10**12, 1), "تريليونات": (10**12, 0),
    "ترليونات": (10**12, 0),
}
#: "zero" and the vague plurals that are never emitted alone (عشرات، مئات).
ZERO = ("صفر",)
VAGUE = ("عشرات", "مئات", "مئات", "آلاف", "ألوف", "ملايين", "مليارات", "بضع", "بضعة", "عدة")
NEGATIVE = ("سالب", "ناقص")

# -- fractions ------------------------------------------------------------------
#: fraction word -> (numerator, denominator); خمس/سبع/تسع/عشر are fractions only before a
#: definite noun (`numerals.py`), ثمن ("price") only as the plural أثمان.
FRACTIONS: dict[str, tuple[int, int]] = {
    "نصف": (1, 2), "ثلث": (1, 3), "ربع": (1, 4), "سدس": (1, 6),
    "ثلثان": (2, 3), "ثلثين": (2, 3), "ثلثي": (2, 3), "ثلثا": (2, 3), "نصفين": (2, 2),
}
FRACTIONS_AMBIGUOUS: dict[str, tuple[int, int]] = {
    "خمس": (1, 5), "سبع": (1, 7), "تسع": (1, 9), "عشر": (1, 10),
}
#: plural denominators, counted by a cardinal before them (ثلاثة أرباع).
FRACTION_PLURALS: dict[str, int] = {
    "أثلاث": 3, "أرباع": 4, "أخماس": 5, "أسداس": 6, "أسباع": 7, "أثمان": 8, "أتساع": 9, "أعشار": 10,
}

# -- ordinals -------------------------------------------------------------------
ORDINALS: dict[str, int] = {
    "أول": 1, "أولى": 1, "حادي": 1, "حادية": 1,
    "ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5,
    "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9,
    "عاشر": 10, "عاشرة": 10,
}
#: indefinite ordinals that are usually something else (a second of time, a name).
ORDINALS_NEED_ARTICLE = ("ثانية", "حادي", "حادية", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة",
                         "عاشرة", "ثالثة")

#: relative ordinals (Recognizers-Text's ordinal.relative): a position with no number.
#: الأخير/الأخيرة alone are left out: in wire copy they mean "the latter" or "recent" (وقال
#: الأخير، التطور الأخير) far more often than a last place in a series; so is آخر + noun
#: (آخر مرة، آخر مرحلة), a superlative "latest" that the news gold never counts.
RELATIVE_ORDINALS: dict[str, str] = {
    "التالي": "next", "التالية": "next",
    "السابق": "previous", "السابقة": "previous", "الحالي": "current", "الحالية": "current",
    "قبل الأخير": "penultimate", "قبل الأخيرة": "penultimate", "سبق الأخير": "penultimate",
    "سبقت الأخيرة": "penultimate",
}
#: nouns after which السابق/الأخير/الحالي mean "former", "recent" or "current" and rank
#: nothing: periods of time (الآونة الأخيرة، العام الحالي) and offices (الرئيس السابق).
NOT_RANKED_NOUNS = (
    "الآونة", "الفترة", "الوقت", "اليوم", "الأيام", "الأسبوع", "الأسابيع", "الشهر", "الأشهر", "الشهور",
    "العام", "الأعوام", "السنة", "السنوات", "العقد", "العقود", "القرن", "الساعة", "الساعات", "اللحظة",
    "اللحظات", "الدقائق", "الليلة", "النحو", "الرئيس", "الرئيسة", "الوزير", "الوزراء", "النائب",
    "المدير", "الأمين", "الملك", "الأمير", "الزعيم", "القائد", "المبعوث", "السفير", "المتحدث", "الناطق",
    "المسؤول", "العضو", "المستشار", "المستشارة", "الجاسوس", "العميل", "المدرب", "المرشد", "الحاكم",
    "المحافظ", "الجنرال", "الحكومة", "البرلمان", "النظام", "العهد", "هذا", "هذه",
)

# -- percent --------------------------------------------------------------------
#: the noun of "per cent" (في المئة، بالمائة); the symbols are in `tokens.py`.
PERCENT_NOUNS = ("مئة", "مائة", "مية")

# -- qualifiers (bounds) ---------------------------------------------------------
#: phrase before a number -> approx; CONVENTIONS.md: the stated number is the bound.
QUALIFIERS_BEFORE: dict[str, str] = {
    "أكثر من": "gt", "أزيد من": "gt", "ما يزيد عن": "gt", "ما يزيد على": "gt", "يزيد عن": "gt",
    "يزيد على": "gt", "تزيد عن": "gt", "تزيد على": "gt", "ما يربو على": "gt", "يربو على": "gt",
    "ما يفوق": "gt", "يفوق": "gt", "تفوق": "gt", "فوق": "gt", "أكبر من": "gt", "أعلى من": "gt",
    "تجاوز": "gt", "يتجاوز": "gt", "تتجاوز": "gt", "تخطى": "gt", "يتخطى": "gt", "تتخطى": "gt",
    "ما لا يقل عن": "gte", "لا يقل عن": "gte", "لا تقل عن": "gte", "ما لا يقل عدده عن": "gte",
    "على الأقل": "gte", "لا أقل من": "gte", "أكثر من أو يساوي": "gte", "أكبر من أو يساوي": "gte",
    "يساوي أو أكثر من": "gte", "أعلى من أو يساوي": "gte",
    "أقل من": "lt", "ما يقل عن": "lt", "دون": "lt", "تحت": "lt", "أدنى": "lt", "أدنى من": "lt",
    "أصغر من": "lt", "أخفض من": "lt",
    "أقل من أو يساوي": "lte", "أصغر من أو يساوي": "lte", "يساوي أو أقل من": "lte", "أخفض أو يساوي": "lte",
    "ما يصل إلى": "lte", "يصل إلى": "lte", "تصل إلى": "lte", "بحد أقصى": "lte", "أقصاها": "lte",
    "نحو": "about", "حوالى": "about", "حوالي": "about", "قرابة": "about", "زهاء": "about",
    "ما يقارب": "about", "يقارب": "about", "تقارب": "about", "ما يقرب من": "about", "يقرب من": "about",
    "ما يناهز": "about", "يناهز": "about", "تناهز": "about", "نحوا من": "about", "تقريبا": "about",
    "يساوي": "exact", "ما يساوي": "exact",
}
#: phrase after a number (or after its counted noun) -> approx.
QUALIFIERS_AFTER: dict[str, str] = {
    "على الأقل": "gte", "أو أكثر": "gte", "أو أكثر من": "gte", "أو يساوي": "gte", "فأكثر": "gte",
    "أو أقل": "lte", "أو أقل من": "lte", "فأقل": "lte", "تقريبا": "about", "أو أكبر من": "gte",
}
#: symbols before a number -> approx (RT NumberRange specs; also maths in news).
#: written with spaces: the tokenizer splits >= into two symbols.
QUALIFIER_SYMBOLS: dict[str, str] = {">": "gt", "<": "lt", "> =": "gte", "< =": "lte", "≥": "gte", "≤": "lte"}
#: words that open a range "بين X و Y" / "من X إلى Y", and the words joining its ends.
RANGE_OPENERS = ("بين", "ما بين", "من")
RANGE_JOINERS = ("و", "إلى", "الى", "حتى", "-", "–", "~", "لـ")
# fmt: on
