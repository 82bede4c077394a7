"""Calendar words: month and weekday names from CLDR (via Babel), plus what CLDR lacks.

Month names come from Babel's CLDR data rather than hand-written tables: `ar` gives the
MSA set (يناير …), `ar_SY`/`ar_LB`/`ar_IQ`/`ar_JO` the Levantine/Iraqi set (كانون الثاني …),
`ar_DZ`/`ar_TN` the Algerian/Tunisian set (جانفي …) and `ar_MA` the Moroccan one (يوليوز،
غشت، شتنبر …); `ar_MR` adds أغشت/شتمبر/دجمبر. CLDR lacks the Egyptian spellings يونيه/يوليه
and the article-less Levantine forms (تشرين اول), listed by hand below. Babel ships
only the Gregorian calendar, so the Hijri month names are hand-written too.
"""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names

# Word tables read best as compact rows: ruff-format leaves them alone.
# fmt: off

#: CLDR locales whose month names are read, by regional set.
MONTH_LOCALES = {
    "msa": ("ar",),
    "levantine": ("ar_SY", "ar_LB", "ar_IQ", "ar_JO", "ar_PS"),
    "maghrebi": ("ar_DZ", "ar_TN", "ar_MA", "ar_MR"),
}
#: spellings in wire copy that CLDR does not list.
MONTHS_EXTRA: dict[str, int] = {
    "يونيه": 6, "يوليه": 7, "إبريل": 4, "ابريل": 4, "اغسطس": 8, "أغسطس": 8,
    "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12, "شتنبر": 9,
}
#: month names that are also ordinary words (مارس "practised", آب/أب "father", ماي);
#: accepted only next to a day, a year, another month name or a month cue.
MONTHS_AMBIGUOUS = ("مارس", "آب", "ماي", "أيار", "جوان", "أوت", "تموز", "نيسان")
MONTH_CUES = ("شهر", "في", "منذ", "حتى", "مطلع", "أوائل", "أواخر", "أواسط", "منتصف", "نهاية", "بداية",
              "خلال", "بحلول", "قبل", "بعد", "مطلع", "أول", "آخر")

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
#: markers after a year: هـ (Hijri) and م (Gregorian).
ERA_MARKERS = {"هـ": "hijri", "ه": "hijri", "هجري": "hijri", "هجرية": "hijri", "م": "ad", "ميلادي": "ad",
               "ميلادية": "ad"}

#: relative days -> offset from the publication date (None: relative to something else).
RELATIVE_DAYS: dict[str, int | None] = {
    "اليوم": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "غدا": 1, "الغد": 1,
    "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2, "قبل أمس": -2, "قبل يوم أمس": -2, "بعد غد": 2,
    "بعد الغد": 2,
    # the day after/before the story's own events: a date, but not one publication fixes
    "اليوم التالي": None, "اليوم السابق": None, "اليوم الماضي": None, "الليلة الماضية": None,
}
#: words before a weekday that put it in the future (CONVENTIONS.md: "سيبدأ السبت"): the
#: particles and frequent future verbs of wire copy. A list, not a س-prefix rule: سيرغي and
#: ستيجر are names.
FUTURE_MARKERS = (
    "سوف", "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم", "سيبدأ", "ستبدأ", "سيعقد", "ستعقد", "سيجتمع",
    "ستجتمع", "سيزور", "ستزور", "سيلتقي", "ستلتقي", "سيجري", "ستجري", "سينطلق", "ستنطلق", "سيصل", "ستصل",
    "سيتوجه", "ستتوجه", "سيتم", "ستتم", "سيقام", "ستقام", "سيلقي", "سيصدر", "ستصدر", "سيعلن", "ستعلن",
    "ستستأنف", "سيستأنف", "سيكون", "ستكون", "سيشارك", "ستشارك", "سيصوت", "سيناقش", "ستناقش", "سيحضر",
    "ستنظم", "سينظم", "ستشهد", "سيشهد", "سيغادر", "ستغادر", "سيعود", "ستعود", "سيوقع", "ستوقع",
)
#: "announced the holding of …" (أعلن عن عقد، كشف عن إجراء): a planned event, so a weekday
#: in the same clause is ahead of publication; pairs of (particle, verbal noun).
FUTURE_PHRASES = ("عن عقد", "عن إجراء", "عن تنظيم", "عن إطلاق", "عن بدء")
#: words after a weekday or month that move it (CONVENTIONS.md: default is on or before).
NEXT_WORDS = ("المقبل", "القادم", "المقبلة", "القادمة", "التالي")
LAST_WORDS = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "السابق")
THIS_WORDS = ("الحالي", "الجاري", "الحالية", "الجارية")

#: seasons and parts of a year that may stand before a year (صيف 2012، مطلع 2019).
YEAR_PARTS = {"صيف": "summer", "شتاء": "winter", "ربيع": "spring", "خريف": "autumn", "مطلع": "early",
              "أوائل": "early", "بداية": "early", "مستهل": "early", "أواخر": "late", "نهاية": "late",
              "أواسط": "mid", "منتصف": "mid"}
YEAR_NOUNS = ("عام", "العام", "سنة", "السنة", "عامي", "العامين")
#: prepositions that make a bare 19xx/20xx number a year.
YEAR_CUES = ("في", "منذ", "حتى", "بحلول", "قبل", "بعد", "خلال", "لعام", "مع", "عن")

#: parts of the day -> hour adjustment rule for a clock hour given with them.
DAYPARTS: dict[str, str] = {
    "صباحا": "am", "صباح": "am", "فجرا": "am", "فجر": "am", "ضحى": "am",
    "مساء": "pm", "مساءا": "pm", "عصرا": "pm", "عصر": "pm", "ظهرا": "noon", "ظهر": "noon",
    "ليلا": "night", "ليل": "night", "الليل": "night", "بعد الظهر": "pm", "بعد الظهيرة": "pm",
    "في الليل": "night", "من مساء": "pm", "من صباح": "am", "من فجر": "am", "من ليل": "night",
    "وقت الغداء": "noon", "في المساء": "pm", "في الصباح": "am",
}
#: named times of day -> "HH:MM" (a hyphenated spelling, منتصف-الليل, matches too).
NAMED_TIMES: dict[str, str] = {
    "منتصف الليل": "00:00", "منتصف ليل": "00:00", "منتصف النهار": "12:00", "الظهيرة": "12:00",
    "وقت الظهيرة": "12:00", "منتصف الصباح": "10:00", "منتصف الظهر": "14:00", "الظهر": "12:00",
}


# fmt: on


def cldr_months() -> dict[str, int]:
    """Every CLDR month name of the locales above (format and stand-alone) -> month number."""
    names: dict[str, int] = {}
    for locales in MONTH_LOCALES.values():
        for locale in locales:
            for context in ("format", "stand-alone"):
                for number, name in get_month_names("wide", context, locale).items():
                    names[name] = number
    return names


def cldr_weekdays() -> dict[str, int]:
    """CLDR weekday names of `ar` -> ISO weekday (Monday 1 … Sunday 7)."""
    return {name: index + 1 for index, name in get_day_names("wide", "format", "ar").items()}
