"""Issue 5: the number grammar, units, bounds and calendars on short phrases.

One phrase per phenomenon the issue lists (digits and separators, word numbers in every
form, fractions, ordinals, percent, money, qualifiers, dates, durations, times,
identifiers), so a regression names the phenomenon it broke.
"""

from __future__ import annotations

import pytest
from babel.dates import get_month_names

from khabar.quantify import calendars
from tests.unit.quantify.conftest import assert_matches, find_surface, quantify_text

pytestmark = pytest.mark.unit


def _short_id(value: object) -> str:
    """Test ids: the surface alone (the phrase and expectation are in the failure message)."""
    return str(value)[:40]


#: (text, surface, expected)
DIGITS = (
    ("فر ١٣٬٥٠٠ لاجئ", "١٣٬٥٠٠", "cardinal 13500 unit=لاجئ"),
    ("ارتفع بنسبة 7,5 بالمائة", "7,5 بالمائة", "percent 7.5 unit=%"),
    ("يعيش ٦٫٦ ملايين نازح", "٦٫٦ ملايين", "cardinal 6600000"),
    ("كلفت 1.5 مليار دولار", "1.5 مليار دولار", "money 1500000000 unit=USD"),
    ("هجّر 3 ملايين شخص", "3 ملايين", "cardinal 3000000 unit=شخص"),
    ("بلغ عددهم 89 ألفا و500 لاجئ", "89 ألفا و500", "cardinal 89500 unit=لاجئ"),
    ("نزح مليون و200 ألف شخص", "مليون و200 ألف", "cardinal 1200000 unit=شخص"),
    ("بلغ عدد السكان 1,500,000 نسمة", "1,500,000", "cardinal 1500000"),
    ("درجة الحرارة -5 في الليل", "-5", "cardinal -5"),
    ("قتل ١٢ شخصا", "١٢", "cardinal 12 unit=شخص"),
    ("قتل ۱۲ شخصا", "۱۲", "cardinal 12 unit=شخص"),
)
WORDS = (
    ("بنى ثلاثمئة منزل", "ثلاثمئة", "cardinal 300 unit=منزل"),
    ("بنى ثلاثمائة منزل", "ثلاثمائة", "cardinal 300 unit=منزل"),
    ("بنى ثلاث مئة منزل", "ثلاث مئة", "cardinal 300 unit=منزل"),
    ("قتل ألف شخص", "ألف", "cardinal 1000 unit=شخص"),
    ("قتل ألفان", "ألفان", "cardinal 2000"),
    ("اعتقل ألفين من المحتجين", "ألفين", "cardinal 2000"),
    ("نزح ثلاثة آلاف شخص", "ثلاثة آلاف", "cardinal 3000 unit=شخص"),
    ("قتل خمسة وعشرين شخصا", "خمسة وعشرين", "cardinal 25 unit=شخص"),
    ("جرح مئة وخمسون شخصا", "مئة وخمسون", "cardinal 150 unit=شخص"),
    ("وصل اثنان من المفاوضين", "اثنان", "cardinal 2"),
    ("التقى اثنين من المسؤولين", "اثنين", "cardinal 2"),
    ("قتل عشرون جنديا", "عشرون", "cardinal 20 unit=جندي"),
    ("أفرج عن الثلاثة أمس", "الثلاثة", "cardinal 3"),
    ("شارك مئة وعشرين ألف متظاهر", "مئة وعشرين ألف", "cardinal 120000"),
    ("بلغت ثلاثة الاف وخمسمئة", "ثلاثة الاف وخمسمئة", "cardinal 3500"),
    ("أرسلت ألفي جندي", "ألفي", "cardinal 2000 unit=جندي"),
    ("هجّر مليوني شخص", "مليوني", "cardinal 2000000 unit=شخص"),
    ("قتل إحدى عشرة امرأة", "إحدى عشرة", "cardinal 11 unit=امرأة"),
    ("أصيب اثنا عشر شخصا", "اثنا عشر", "cardinal 12 unit=شخص"),
    ("اعتقلت ثلاث عشرة ناشطة", "ثلاث عشرة", "cardinal 13"),
    ("نزح مليون ونصف", "مليون ونصف", "cardinal 1500000"),
    ("نزح نصف مليون شخص", "نصف مليون", "cardinal 500000 unit=شخص"),
    ("مقتل شخصين على الأقل", "شخصين على الأقل", "cardinal >=2 unit=شخص"),
)
FRACTIONS_AND_ORDINALS = (
    ("نصف السكان لاجئون", "نصف", "fraction 0.5"),
    ("ثلث الأراضي", "ثلث", "fraction 0.3333333333"),
    ("ربع الميزانية", "ربع", "fraction 0.25"),
    ("ثلاثة أرباع الإنتاج", "ثلاثة أرباع", "fraction 0.75"),
    ("ثلثي المقاعد", "ثلثي", "fraction 0.6666666667"),
    ("الاجتماع الأول للجنة", "الأول", "ordinal 1"),
    ("الجولة الثانية من المحادثات", "الثانية", "ordinal 2"),
    ("اليوم الخامس عشر للحرب", "الخامس عشر", "ordinal 15"),
    ("في القرن الحادي والعشرين", "الحادي والعشرين", "ordinal 21"),
    ("الدورة الخامسة والأربعين للمجلس", "الخامسة والأربعين", "ordinal 45"),
)
PERCENT_AND_MONEY = (
    ("تراجع 12 في المئة", "12 في المئة", "percent 12 unit=%"),
    ("تراجع 12 في المائة", "12 في المائة", "percent 12 unit=%"),
    ("تراجع 12 بالمئة", "12 بالمئة", "percent 12 unit=%"),
    ("تراجع 12%", "12%", "percent 12 unit=%"),
    ("تراجع ٪41", "٪41", "percent 41 unit=%"),
    ("دفع 50 يورو", "50 يورو", "money 50 unit=EUR"),
    ("دفع 500 دولار أمريكي", "500 دولار أمريكي", "money 500 unit=USD"),
    ("بلغ 3 آلاف ليرة سورية", "3 آلاف ليرة سورية", "money 3000 unit=SYP"),
    ("بلغ 1500 ليرة لبنانية", "1500 ليرة لبنانية", "money 1500 unit=LBP"),
    ("بلغ 20 ألف دينار عراقي", "20 ألف دينار عراقي", "money 20000 unit=IQD"),
    ("بلغ 100 دينار أردني", "100 دينار أردني", "money 100 unit=JOD"),
    ("بلغ 50 دينارا ليبيا", "50 دينارا ليبيا", "money 50 unit=LYD"),
    ("بلغ 30 دينارا تونسيا", "30 دينارا تونسيا", "money 30 unit=TND"),
    ("بلغ 10 مليارات ريال سعودي", "10 مليارات ريال سعودي", "money 10000000000 unit=SAR"),
    ("بلغ 250 ريالا يمنيا", "250 ريالا يمنيا", "money 250 unit=YER"),
    ("بلغ 200 جنيه مصري", "200 جنيه مصري", "money 200 unit=EGP"),
    ("بلغ 40 جنيها سودانيا", "40 جنيها سودانيا", "money 40 unit=SDG"),
    ("بلغ مليون درهم إماراتي", "مليون درهم إماراتي", "money 1000000 unit=AED"),
    ("بلغ ألف درهم مغربي", "ألف درهم مغربي", "money 1000 unit=MAD"),
    ("بلغ 20 دولارات", "20 دولارات", "money 20 unit=USD"),
)
BOUNDS = (
    ("قتل أكثر من 60 عنصرا", "أكثر من 60", "cardinal >60 unit=عنصر"),
    ("قتل ما يزيد عن 60 عنصرا", "ما يزيد عن 60", "cardinal >60 unit=عنصر"),
    ("قتل ما يزيد على 60 عنصرا", "ما يزيد على 60", "cardinal >60 unit=عنصر"),
    ("عدد يزيد على 60", "يزيد على 60", "cardinal >60"),
    ("قتل ما لا يقل عن 16 عنصرا", "ما لا يقل عن 16", "cardinal >=16 unit=عنصر"),
    ("قتل 28 قتيلا على الأقل", "28 قتيلا على الأقل", "cardinal >=28 unit=قتيل"),
    ("قتل أقل من 10 أشخاص", "أقل من 10", "cardinal <10 unit=شخص"),
    ("قتل نحو 30 شخصا", "نحو 30", "cardinal ~30 unit=شخص"),
    ("قتل حوالى 30 شخصا", "حوالى 30", "cardinal ~30 unit=شخص"),
    ("قتل قرابة 30 شخصا", "قرابة 30", "cardinal ~30 unit=شخص"),
    ("قتل زهاء 30 شخصا", "زهاء 30", "cardinal ~30 unit=شخص"),
    ("قتل ما يقارب 30 شخصا", "ما يقارب 30", "cardinal ~30 unit=شخص"),
    ("قتل بين 10 و15 شخصا", "بين 10 و15", "cardinal 10..15 unit=شخص"),
    ("ارتفع من 10 الى 20 في المئة", "من 10 الى 20 في المئة", "percent 10..20 unit=%"),
    ("بين 3 و5 ملايين دولار", "بين 3 و5 ملايين دولار", "money 3000000..5000000 unit=USD"),
)
DURATIONS = (
    ("خلال الساعات الأربع والعشرين الأخيرة", "الساعات الأربع والعشرين", "duration 24 unit=hour"),
    ("منذ أكثر من أسبوعين", "منذ أكثر من أسبوعين", "duration >2 unit=week"),
    ("استمر عام ونصف", "عام ونصف", "duration 1.5 unit=year"),
    ("توقف لمدة ساعة", "ساعة", "duration 1 unit=hour"),
    ("استمرت ثلاثة أيام", "ثلاثة أيام", "duration 3 unit=day"),
    ("استمرت يومين", "يومين", "duration 2 unit=day"),
    ("منذ ربع قرن", "منذ ربع قرن", "duration 25 unit=year"),
    ("خلال 24 ساعة", "24 ساعة", "duration 24 unit=hour"),
    ("سجن عامين وثلاثة أشهر", "عامين وثلاثة أشهر", "duration 27 unit=month"),
)
TIMES = (
    ("في الساعة السابعة من مساء الجمعة", "الساعة السابعة من مساء", "time - time=19:00"),
    ("عند الساعة 10:30 صباحا", "الساعة 10:30 صباحا", "time - time=10:30"),
    ("بعد منتصف الليل", "منتصف الليل", "time - time=00:00"),
    ("في الثامنة والنصف مساء", "الثامنة والنصف مساء", "time - time=20:30"),
)
IDENTIFIERS = (
    ("تطبيق القرار 2254", "2254", "identifier -"),
    ("قناة روسيا 1 التلفزيونية", "1", "identifier -"),
    ("على الطريق رقم 5", "5", "identifier -"),
    ("وباء كوفيد-19", "كوفيد-19", "identifier -"),
    ("اتصل على +963 11 2345678", "+963 11 2345678", "identifier -"),
    ("عند جسر 14 تموز", "14 تموز", "identifier -"),
    ("ضمن رؤية 2030", "2030", "identifier -"),
)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    DIGITS + WORDS + FRACTIONS_AND_ORDINALS + PERCENT_AND_MONEY + BOUNDS + DURATIONS + TIMES + IDENTIFIERS,
    ids=_short_id,
)
def test_grammar_phrase(text, surface, expected):
    assert_matches(find_surface(quantify_text(text), surface), expected)


@pytest.mark.parametrize(
    "text",
    [
        "قتل أحد قادته",
        "قال الأمين العام",
        "بداية العام الدراسي",
        "خطوة نحو الحل",
        "كل واحد منهم",
        "واحد من أبرز القادة",
    ],
)
def test_grammar_not_a_quantity(text):
    assert quantify_text(text) == []


# -- dates ---------------------------------------------------------------------------------
def _month_sets():
    for locales in calendars.MONTH_LOCALES.values():
        for locale in locales:
            for number, name in get_month_names("wide", "stand-alone", locale).items():
                yield pytest.param(name, number, id=f"{locale}-{number}")


@pytest.mark.parametrize(("name", "number"), list(_month_sets()))
def test_dates_every_cldr_month_name(name, number):
    text = f"وقع الهجوم في 15 {name} 2016 قرب المدينة"
    found = find_surface(quantify_text(text), f"15 {name} 2016")
    assert_matches(found, f"date - date=2016-{number:02d}-15 month={number} day=15")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    (
        ("شنها الجيش في 16 تشرين الاول/اكتوبر", "16 تشرين الاول/اكتوبر", "date - month=10 day=16"),
        (
            "في 16 أكتوبر/تشرين الأول 2015",
            "16 أكتوبر/تشرين الأول 2015",
            "date - date=2015-10-16 month=10 day=16",
        ),
        ("في تشرين اول 2015", "تشرين اول 2015", "date - date=2015-10 month=10"),
        (
            "في الخامس عشر من نيسان/أبريل 2023",
            "الخامس عشر من نيسان/أبريل 2023",
            "date - date=2023-04-15 month=4 day=15",
        ),
        ("يوم 22/4/2016", "22/4/2016", "date - date=2016-04-22 month=4 day=22"),
        ("في 2016-04-22", "2016-04-22", "date - date=2016-04-22 month=4 day=22"),
        ("منذ صيف 2012", "صيف 2012", "date - date=2012 season=summer"),
        ("في عام 2012", "عام 2012", "date - date=2012"),
        ("في 15 رمضان 1445 هـ", "15 رمضان 1445 هـ", "date - hijri=1445-09-15"),
        ("توفي عام 800 هـ", "عام 800 هـ", "date - hijri=0800"),
        ("في 16 فيفري 1992", "16 فيفري 1992", "date - date=1992-02-16 month=2 day=16"),
        ("في 13 نونبر 2012", "13 نونبر 2012", "date - date=2012-11-13 month=11 day=13"),
        ("قال السبت إن", "السبت", "date - weekday=السبت"),
    ),
    ids=_short_id,
)
def test_dates_without_publication(text, surface, expected):
    assert_matches(find_surface(quantify_text(text), surface), expected)


PUBLISHED = "2018-02-21T10:00:00+03:00"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    (
        ("قال السبت إن", "السبت", "date - date=2018-02-17 weekday=السبت"),
        ("قال يوم الأربعاء إن", "الأربعاء", "date - date=2018-02-21 weekday=الأربعاء"),
        ("يجتمع السبت المقبل", "السبت المقبل", "date - date=2018-02-24 weekday=السبت"),
        ("اجتمع الأربعاء الماضي", "الأربعاء الماضي", "date - date=2018-02-14 weekday=الأربعاء"),
        ("سيبدأ السبت", "السبت", "date - date=2018-02-24 weekday=السبت"),
        ("قتل أمس", "أمس", "date - date=2018-02-20"),
        ("قال اليوم الأربعاء", "اليوم", "date - date=2018-02-21"),
        ("يصل غدا", "غدا", "date - date=2018-02-22"),
        ("وقع أول من أمس", "أول من أمس", "date - date=2018-02-19"),
        ("في 16 كانون الثاني", "16 كانون الثاني", "date - date=2018-01-16 month=1 day=16"),
        ("في تشرين الثاني الماضي", "تشرين الثاني الماضي", "date - date=2017-11 month=11"),
        ("في العام الماضي", "العام الماضي", "date - date=2017"),
        ("قبل يومين", "قبل يومين", "date - date=2018-02-19"),
    ),
    ids=_short_id,
)
def test_dates_resolved_against_publication(text, surface, expected):
    assert_matches(find_surface(quantify_text(text, PUBLISHED), surface), expected)
