"""What a number counts: time units, currencies and the common counted nouns (data only).

Currency codes are ISO 4217; `money.py` checks every code here against pycountry's
ISO 4217 table at import, so a typo fails loudly. A bare currency noun with no
nationality adjective (ليرة، دينار، ريال) is ambiguous across countries; only the
unambiguous ones get a default code.
"""

from __future__ import annotations

# Word tables read best as compact rows: ruff-format leaves them alone.
# fmt: off

# -- time units --------------------------------------------------------------------
#: surface -> (unit, count): count 1 singular, 2 dual, 0 plural. Units are the English names
#: the scorers understand; عقد/قرن become years (x10, x100) in `durations.py`.
TIME_UNITS: dict[str, tuple[str, int]] = {
    "ثانية": ("second", 1), "ثانيتين": ("second", 2), "ثانيتان": ("second", 2), "ثوان": ("second", 0),
    "ثواني": ("second", 0),
    "دقيقة": ("minute", 1), "دقيقتين": ("minute", 2), "دقيقتان": ("minute", 2), "دقائق": ("minute", 0),
    "ساعة": ("hour", 1), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2), "ساعات": ("hour", 0),
    "يوم": ("day", 1), "يوما": ("day", 1), "يومين": ("day", 2), "يومان": ("day", 2), "أيام": ("day", 0),
    "أسبوع": ("week", 1), "أسبوعا": ("week", 1), "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
    "أسابيع": ("week", 0),
    "شهر": ("month", 1), "شهرا": ("month", 1), "شهرين": ("month", 2), "شهران": ("month", 2),
    "أشهر": ("month", 0), "شهور": ("month", 0),
    "عام": ("year", 1), "عاما": ("year", 1), "عامين": ("year", 2), "عامان": ("year", 2), "أعوام": ("year", 0),
    "سنة": ("year", 1), "سنتين": ("year", 2), "سنتان": ("year", 2), "سنوات": ("year", 0), "سنين": ("year", 0),
    "عقد": ("decade", 1), "عقدا": ("decade", 1), "عقدين": ("decade", 2), "عقود": ("decade", 0),
    "قرن": ("century", 1), "قرنا": ("century", 1), "قرنين": ("century", 2), "قرون": ("century", 0),
}
#: singular units that are something else when they stand alone (عقد "held", عام "general").
UNITS_NEED_NUMBER = ("عقد", "عقدا", "عام", "ثانية", "قرن")
#: before a bare singular unit these words make it "one unit" (لمدة ساعة، طوال يوم).
SPAN_OPENERS = ("لمدة", "مدة", "طوال", "طيلة", "خلال", "قبل", "بعد", "منذ")
#: after a bare singular unit: "one whole unit" (يوم كامل، سنة كاملة).
WHOLE = ("كامل", "كاملة", "كاملا", "واحد", "واحدة")

# -- currencies --------------------------------------------------------------------
#: currency noun (every number form) -> family.
CURRENCY_NOUNS: dict[str, str] = {
    **dict.fromkeys(("دولار", "دولارا", "دولارات", "دولاران", "دولارين"), "dollar"),
    **dict.fromkeys(("يورو",), "euro"),
    **dict.fromkeys(("ليرة", "ليرات", "ليرتين", "ليرتان"), "lira"),
    **dict.fromkeys(("دينار", "دينارا", "دنانير", "دينارين", "ديناران"), "dinar"),
    **dict.fromkeys(("ريال", "ريالا", "ريالات", "ريالين", "ريالان"), "riyal"),
    **dict.fromkeys(("جنيه", "جنيها", "جنيهات", "جنيهين", "جنيهان"), "pound"),
    **dict.fromkeys(("درهم", "درهما", "دراهم", "درهمين", "درهمان"), "dirham"),
    **dict.fromkeys(("روبل", "روبلا", "روبلات"), "rouble"),
    **dict.fromkeys(("يوان",), "yuan"),
    **dict.fromkeys(("شيكل", "شيكلا", "شيكلات", "شيقل", "شواكل"), "shekel"),
    **dict.fromkeys(("روبية", "روبيات"), "rupee"),
    **dict.fromkeys(("فرنك", "فرنكا", "فرنكات"), "franc"),
    **dict.fromkeys(("تومان",), "toman"),
}
#: family -> code when the noun stands alone.
CURRENCY_DEFAULTS: dict[str, str] = {"dollar": "USD", "euro": "EUR", "rouble": "RUB", "yuan": "CNY",
                                     "shekel": "ILS", "toman": "IRR", "pound": "EGP"}
#: (family, nationality adjective stem) -> code; the adjective's gender/definite forms are
#: matched in `money.py` by stripping ال and a final ة/ه/ا.
CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    ("dollar", "أمريكي"): "USD", ("dollar", "أميركي"): "USD", ("dollar", "كندي"): "CAD",
    ("dollar", "أسترالي"): "AUD", ("dollar", "سنغافوري"): "SGD", ("dollar", "هونغ كونغ"): "HKD",
    ("lira", "سوري"): "SYP", ("lira", "لبناني"): "LBP", ("lira", "تركي"): "TRY",
    ("dinar", "عراقي"): "IQD", ("dinar", "أردني"): "JOD", ("dinar", "كويتي"): "KWD",
    ("dinar", "ليبي"): "LYD", ("dinar", "تونسي"): "TND", ("dinar", "بحريني"): "BHD",
    ("dinar", "جزائري"): "DZD", ("riyal", "سعودي"): "SAR", ("riyal", "يمني"): "YER",
    ("riyal", "قطري"): "QAR", ("riyal", "عماني"): "OMR", ("riyal", "إيراني"): "IRR",
    ("pound", "مصري"): "EGP", ("pound", "سوداني"): "SDG", ("pound", "إسترليني"): "GBP",
    ("pound", "استرليني"): "GBP", ("pound", "لبناني"): "LBP", ("pound", "سوري"): "SYP",
    ("dirham", "إماراتي"): "AED", ("dirham", "مغربي"): "MAD", ("rupee", "هندي"): "INR",
    ("rupee", "باكستاني"): "PKR", ("franc", "سويسري"): "CHF", ("rouble", "روسي"): "RUB",
    ("yuan", "صيني"): "CNY",
}
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP"}

# -- counted nouns -----------------------------------------------------------------
#: frequent counted nouns in wire copy -> stable singular lemma (CONVENTIONS.md: the noun the
#: number counts; events read it). Other nouns go through the suffix rules of `counted.py`.
COUNTED_NOUNS: dict[str, str] = {
    **dict.fromkeys(("قتيلا", "قتيل", "قتلى"), "قتيل"),
    **dict.fromkeys(("جريحا", "جريح", "جرحى"), "جريح"),
    **dict.fromkeys(("شخصا", "شخص", "أشخاص"), "شخص"),
    **dict.fromkeys(("عنصرا", "عنصر", "عناصر"), "عنصر"),
    **dict.fromkeys(("طفلا", "طفل", "أطفال"), "طفل"),
    **dict.fromkeys(("امرأة", "نساء", "سيدة", "سيدات"), "امرأة"),
    **dict.fromkeys(("جنديا", "جندي", "جنود"), "جندي"),
    **dict.fromkeys(("لاجئا", "لاجئ", "لاجئين", "لاجئون"), "لاجئ"),
    **dict.fromkeys(("غارة", "غارات"), "غارة"),
    **dict.fromkeys(("صاروخا", "صاروخ", "صواريخ"), "صاروخ"),
    **dict.fromkeys(("قذيفة", "قذائف"), "قذيفة"),
    **dict.fromkeys(("أسيرا", "أسير", "أسرى"), "أسير"),
    **dict.fromkeys(("ضحية", "ضحايا"), "ضحية"),
    **dict.fromkeys(("عضوا", "عضو", "أعضاء"), "عضو"),
    **dict.fromkeys(("نائبا", "نائب", "نواب"), "نائب"),
    **dict.fromkeys(("راكبا", "راكب", "ركاب"), "راكب"),
    **dict.fromkeys(("منزلا", "منزل", "منازل"), "منزل"),
    **dict.fromkeys(("مبنى", "مباني", "مبان"), "مبنى"),
    **dict.fromkeys(("قرية", "قرى"), "قرية"),
    **dict.fromkeys(("دولة", "دول"), "دولة"),
    **dict.fromkeys(("مرة", "مرات"), "مرة"),
    **dict.fromkeys(("مقعدا", "مقعد", "مقاعد"), "مقعد"),
    **dict.fromkeys(("صوتا", "صوت", "أصوات"), "صوت"),
    **dict.fromkeys(("كيلومترا", "كيلومتر", "كيلومترات", "كلم", "كم", "كيلو متر"), "كيلومتر"),
    **dict.fromkeys(("مترا", "متر", "أمتار"), "متر"),
    **dict.fromkeys(("ميلا", "ميل", "أميال"), "ميل"),
    **dict.fromkeys(("طنا", "طن", "أطنان"), "طن"),
    **dict.fromkeys(("برميلا", "برميل", "براميل"), "برميل"),
    **dict.fromkeys(("هدفا", "هدف", "أهداف"), "هدف"),
    **dict.fromkeys(("سيارة", "سيارات"), "سيارة"),
    **dict.fromkeys(("طائرة", "طائرات"), "طائرة"),
    **dict.fromkeys(("حالة", "حالات"), "حالة"),
    **dict.fromkeys(("درجة", "درجات"), "درجة"),
    **dict.fromkeys(("نقطة", "نقاط"), "نقطة"),
    **dict.fromkeys(("آخرين", "آخرون", "آخر"), "آخر"),
}
#: dual nouns that carry their own count (مقتل شخصين = 2): CONVENTIONS.md lists them as
#: optional gold, and events need the figure. Only unambiguous duals: مدنيين is also plural.
DUAL_NOUNS: dict[str, str] = {
    **dict.fromkeys(("شخصين", "شخصان"), "شخص"), **dict.fromkeys(("قتيلين", "قتيلان"), "قتيل"),
    **dict.fromkeys(("جريحين", "جريحان"), "جريح"), **dict.fromkeys(("جنديين", "جنديان"), "جندي"),
    **dict.fromkeys(("طفلين", "طفلان"), "طفل"), **dict.fromkeys(("عنصرين", "عنصران"), "عنصر"),
    **dict.fromkeys(("رجلين", "رجلان"), "رجل"), **dict.fromkeys(("امرأتين", "امرأتان"), "امرأة"),
    **dict.fromkeys(("شابين", "شابان"), "شاب"), **dict.fromkeys(("مرتين",), "مرة"),
    **dict.fromkeys(("غارتين",), "غارة"), **dict.fromkeys(("صاروخين",), "صاروخ"),
    **dict.fromkeys(("شرطيين", "شرطيان"), "شرطي"),
}
#: words that follow numbers but are never what they count (prepositions, particles, verbs).
NOT_COUNTED = frozenset((
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "او", "ثم", "قد", "لا", "لم", "لن", "ما", "إن", "أن",
    "ان", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "بعد", "قبل", "منذ", "حتى", "عند", "خلال",
    "بين", "حيث", "كما", "وفق", "بحسب", "حسب", "لدى", "نحو", "ضد", "عبر", "دون", "منها", "منهم", "فيها",
    "بينهم", "بينها", "كان", "كانت", "وكان", "وكانت", "هو", "هي", "هم", "أي", "كل", "بعض", "فقط", "أيضا",
    "هناك", "هنا", "لكن", "ولكن", "إذ", "إذا", "حين", "حيث", "أما", "عندما", "بينما",
))
# fmt: on
