"""Word lists of the tag stage: clitics, designators, organisation heads, titles, nationalities.

Every list is written in ordinary Arabic and folded once at import with `fold_key`, so the
matching code compares folded token keys only. The lists cover Arabic news in general
(wire copy from the Levant, the Gulf, Iraq, Yemen, Egypt and the Maghreb); they follow the
entity conventions in ``shared/eval/CONVENTIONS.md`` (ANERcorp-like, designators outside
LOC spans, nationality nouns as MISC).
"""

from __future__ import annotations

import re

# Harakat, dagger alef, Quranic marks and tatweel go; hamza carriers, alef maksura and
# teh marbuta fold to their bare letters, and the Persian kaf/yeh to the Arabic ones:
# the same equivalence classes as the scorer's comparison keys.
_DROP = ("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
         "\u200c\u200d\u200e\u200f")
_FOLD_TABLE = str.maketrans(
    {**{c: None for c in _DROP}, "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي",
     "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "_": " ", "-": " ", "ـ": None}
)
_SPACES_RE = re.compile(r"\s+")


def fold_key(text: str) -> str:
    """Fold a surface to the key every list, gazetteer and token lookup uses.

    >>> fold_key("الأُردنّ") == fold_key("الاردن")
    True
    """
    return _SPACES_RE.sub(" ", text.translate(_FOLD_TABLE)).strip()


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words.split())


def _folded_phrases(phrases: str) -> frozenset[str]:
    return frozenset(fold_key(p) for p in phrases.split("|"))


#: Proclitic strings (conjunction, preposition, their stacks), longest first.
PROCLITICS = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال",
              "لل", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")

#: Words that precede a place name and stay outside the LOC span (CONVENTIONS "Designators").
LOC_DESIGNATORS = _folded(
    "محافظة محافظتي مدينة مدينتي مدن ريف بلدة بلدتي بلدات قرية قريتي قرى ولاية ولايتي إقليم قضاء "
    "منطقة مناطق مديرية العاصمة ناحية حي محيط أطراف ضواحي شمال جنوب شرق غرب وسط شمالي جنوبي "
    "شرقي غربي جنوبا شمالا شرقا غربا"
)

#: Direction words that follow a place name ("ريف حلب الجنوب الشرقي") and stay outside the span.
LOC_DIRECTIONS = _folded(
    "الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الشمال الجنوب الشرق الغرب "
    "الأوسط الوسطى"
)

#: Words that make a following gazetteer name a place even when the name is rare or ambiguous.
LOC_TRIGGERS = LOC_DESIGNATORS | _folded("مخيم معبر مطار ميناء سكان أهالي")

#: Heads whose phrase is an organisation ("وزارة الداخلية العراقية", "تنظيم الدولة الإسلامية").
ORG_HEADS = _folded(
    "وزارة الوزارة مجلس المجلس حركة الحركة تنظيم حزب الحزب جيش الجيش المرصد وكالة منظمة المنظمة "
    "هيئة الهيئة جبهة الجبهة كتائب كتيبة جماعة الجماعة الاتحاد اتحاد البنك بنك المصرف مصرف جامعة "
    "صندوق مفوضية المفوضية المحكمة محكمة البرلمان برلمان الحرس سلاح قيادة ائتلاف الائتلاف لجنة "
    "اللجنة مكتب شركة مؤسسة جمعية نقابة الشرطة الأمن البحرية لواء فيلق ألوية قوات غرفة الوكالة "
    "أكاديمية الأكاديمية"
)

#: Words after an organisation or media name that describe it and stay outside the span
#: ("روسيا 1 التلفزيونية", "وكالة الأنباء السورية الرسمية", "مكتب التحقيقات الاتحادي السابق").
NAME_DESCRIPTORS = _folded(
    "التلفزيونية التلفزيوني الإخبارية الإخباري الرسمية الرسمي الحكومية الحكومي الفضائية المحلية "
    "الخاصة المستقلة اليومية الأسبوعية الإلكترونية السابق السابقة الأسبق الحالي الحالية الجديد "
    "الجديدة المقبل المقبلة الإرهابية الإرهابي المتطرفة المتشددة "
    "المؤيدة المؤيد الموالية الموالي المقربة المقرب المعارضة المعارض التابعة التابع "  # stances
    "التواصل الإنترنت"  # the last two: generic networks ("شبكة التواصل")
)

#: Heads of bodies that take a "ل" complement ("المرصد السوري لحقوق الانسان").
ORG_LAM_HEADS = _folded(
    "المرصد مرصد المفوضية مفوضية مجلس المجلس منظمة المنظمة لجنة اللجنة الهيئة هيئة صندوق مكتب "
    "المركز مركز الشبكة شبكة الاتحاد اتحاد جمعية الجمعية وكالة الوكالة"
)

#: Heads that only announce a name and stay outside its span ("قناة روسيا 1", "ميليشيات الحوثي").
MILITIA_HEADS = _folded("مليشيا ميليشيا ميليشيات مليشيات")
MEDIA_HEADS = _folded("قناة صحيفة مجلة إذاعة تلفزيون شبكة") | MILITIA_HEADS

#: Nouns in -ية/-ي that are not adjectives, so they do not continue an organisation's name
#: after a definite head ("تنظر المحكمة القضية").
NISBA_SHAPED_NOUNS = _folded(
    "القضية العملية الاتفاقية المسؤولية الحرية الأغلبية الغالبية الأقلية الهوية الشخصية الجنسية "
    "الميزانية الضحية الهدية الولاية القرية البداية النهاية الرواية الأولوية الوصية الكمية النوعية "
    "الحماية التسوية الرؤية الأهمية الشفافية العضوية الحصانة الكرسي الوادي الماضي القاضي المبنى"
)

#: Adjectives without the nisba ending that still follow a definite head in a name
#: ("الجيش الحر", "المحكمة العليا", "البيت الأبيض").
NAME_ADJECTIVES = _folded(
    "الحر الحرة الأحرار الأعلى العليا الأول العام العامة الأحمر الأبيض الكبرى المتحدة الموحد"
)

#: After these ORG heads, a bare (indefinite) head with one generic modifier is not a name.
ORG_NEEDS_NAME = _folded("قوات القوات الأمن الشرطة البحرية شركة مكتب لجنة اللجنة برنامج الوكالة الأكاديمية")

#: Modifiers that make "قوات X"/"الجيش X" a generic group, not a named organisation.
ORG_GENERIC_MODIFIERS = _folded(
    "النظام الحكومة الحكومية الأمن الأمنية المعارضة الاحتلال المقاتلة الخاصة التحالف الموالية "
    "الجوية البرية البحرية المسلحة العسكرية الشرطة الدولية المشتركة الحكومي المحلية الإسلامية "
    "النظامي النظامية الحاكم الحاكمة الوطني الوطنية الشرعية"
)

#: Organisation names that need no head (CONVENTIONS ORG: bodies, armed groups, media, alliances).
ORG_NAMES = (
    "الأمم المتحدة", "مجلس الأمن", "مجلس الأمن الدولي", "حلف شمال الأطلسي", "الناتو", "حلف الناتو",
    "الاتحاد الأوروبي", "جامعة الدول العربية", "الجامعة العربية", "حزب الله", "حماس", "داعش",
    "طالبان", "القاعدة", "الحوثيين", "الحوثيون", "أنصار الله", "هيئة تحرير الشام", "جبهة النصرة",
    "قوات سوريا الديمقراطية", "قسد", "وحدات حماية الشعب", "حزب العمال الكردستاني", "الحرس الثوري",
    "البنتاغون", "البنتاجون", "الكرملين", "الكونغرس", "الكونجرس", "الكنيست", "رويترز", "فرانس برس",
    "أ ف ب", "أسوشيتد برس", "سانا", "الأونروا", "أونروا", "اليونيسف", "اليونسكو", "الصليب الأحمر",
    "الهلال الأحمر", "منظمة الصحة العالمية", "صندوق النقد الدولي", "البنك الدولي", "أوبك",
    "الإنتربول", "هيومن رايتس ووتش", "منظمة العفو الدولية", "أطباء بلا حدود", "الاتحاد الأفريقي",
    "الاتحاد الإفريقي", "مجلس التعاون الخليجي", "الخوذ البيضاء", "بوكو حرام", "حركة الشباب",
    "الإخوان المسلمين", "الإخوان المسلمون", "سي إن إن", "بي بي سي", "سكاي نيوز", "تاس", "إنترفاكس",
    "نوفوستي", "الأناضول", "الموساد", "الشاباك", "حركة فتح", "فيسبوك", "تويتر", "غوغل", "أمازون",
    "الجيش الحر", "الدولة الإسلامية", "تنظيم الدولة", "وول ستريت جورنال", "نيويورك تايمز",
    "واشنطن بوست", "الغارديان", "تحالف دعم الشرعية", "التحالف العربي", "طالبان باكستان",
    "القيادة المركزية الأمريكية", "القيادة المركزية الأميركية", "القيادة المركزية",
    "الجبهة الشعبية", "الجبهة الشعبية لتحرير فلسطين", "جبهة البوليساريو", "البوليساريو",
    "جبهة التحرير الوطني", "الليكود", "حزب الليكود", "كاديما", "حزب كاديما",
)

#: Football clubs whose names are no everyday word nor place: organisations anywhere.
CLUB_NAMES = (
    "أرسنال", "آرسنال", "تشيلسي", "تشلسي", "توتنهام", "إيفرتون", "مانشستر يونايتد", "مانشستر سيتي",
    "يوفنتوس", "جوفنتوس", "لاتسيو", "إنتر ميلان", "انتر ميلان", "الإنتر", "فيورنتينا", "بايرن ميونيخ",
    "بايرن ميونخ", "بوروسيا دورتموند", "باريس سان جيرمان", "باريس سان جرمان", "أياكس", "اياكس",
    "بنفيكا", "سلتيك", "رينجرز", "أندرلخت", "اندرلخت", "فنربخشة", "فنرباغشة", "غلطة سراي",
    "جالطة سراي", "بشكتاش", "فياريال", "أتلتيكو مدريد", "اتلتيكو مدريد", "ريال مدريد", "الزمالك",
    "الإسماعيلي", "الترجي", "الترجي التونسي", "النجم الساحلي", "الصفاقسي", "الوداد البيضاوي",
    "الرجاء البيضاوي", "الفيصلي", "الغرافة", "الريان",
)
#: Clubs named by everyday words ("النصر" victory, "الأهلي" national, "السد" dam): organisations
#: only in a sports report (organisations.sport_clubs).
SPORT_ONLY_CLUB_NAMES = (
    "الأهلي", "الهلال", "النصر", "الجزيرة", "السد", "الوداد", "الرجاء", "القادسية", "الوحدات",
    "العين", "المحرق", "الرفاع", "الزوراء", "الوصل", "السالمية",
)

#: Words that open a title before a person's name ("الرئيس السوري بشار الاسد").
PER_TITLES = _folded(
    "الرئيس رئيس الرئيسة وزير وزيرة الوزير نائب النائب المتحدث المتحدثة الناطق الناطقة السفير "
    "المبعوث الأمين الملك الملكة الأمير الأميرة الشيخ الجنرال العقيد اللواء العميد المقدم الرائد "
    "النقيب الفريق المشير الدكتور السيد السيدة القاضي الزعيم زعيم قائد القائد المستشارة المستشار "
    "البابا الإمام المرشد المفوض المنسق الناشط الصحفي الصحافي المعارض الداعية "
    "الكاتب المحلل المراسل السيناتور نظيره نظيرته نظيرها معالي سمو فخامة جلالة سعادة صاحب "
    "المرشح المرشحة القس الحاخام أمير ملك الملا نجل نجلة شقيق شقيقة زوجة أرملة"
)

#: Words allowed inside a title phrase before the name ("المتحدث باسم وزارة الخارجية الروسية").
TITLE_LINKS = _folded(
    "باسم وزارة رئيس مجلس هيئة حكومة جهاز شؤون لشؤون لدى العام الأعلى الأسبق السابق الحالي "
    "المنتهية ولايته الخاص الدولي الأممي إقليم حزب حركة جيش المخابرات الاستخبارات الأركان هيئة "
    "الجمهورية الوزراء الخارجية الدفاع الداخلية خارجية دفاع داخلية الدولة دولة السامي السامية "
    "العامة الأول أول ركن ولي العهد للشؤون"
)

#: Second halves of compound names ("نور الدين", "عبد الله"): never a surname on their own.
NAME_TAILS = _folded("الدين الله الرحمن الرحيم العزيز الكريم الحق الإسلام الدولة الملك النبي")

#: Words inside a name that join its parts ("محمد بن سلمان", "عبد الله", "آل ثاني").
NAME_CONNECTORS = _folded("بن بنت ابن آل أبو أبي عبد ولد")  # ولد: Mauritanian "son of"

#: Currency names: never an entity (CONVENTIONS "Not tagged").
CURRENCIES = _folded(
    "دولار دولارا دولارات يورو ليرة دينار ريال جنيه جنيها جنية درهم روبل يوان ين روبية وون "
    "استرليني إسترليني استرلينيا إسترلينيا"  # "جنيه استرليني" (the pound sterling)
)

#: Words a tagger trained on ANERcorp calls MISC that CONVENTIONS does not tag: currencies,
#: number words, religions and God's name.
NOT_MISC = CURRENCIES | _folded("تريليون مليار مليون ألف الله الإسلام المسيحية اليهودية")

#: Nationality stems (masculine singular nisba, CONVENTIONS MISC: nationalities used as nouns).
NATIONALITY_STEMS = _folded(
    "سوري روسي أمريكي أميركي أردني مصري عراقي لبناني فلسطيني إسرائيلي إيراني تركي سعودي "
    "يمني ليبي تونسي جزائري مغربي سوداني قطري كويتي إماراتي بحريني عماني صومالي موريتاني أفغاني "
    "باكستاني هندي صيني ياباني كوري بريطاني فرنسي ألماني إيطالي إسباني يوناني أوكراني بولندي "
    "سويدي نرويجي هولندي بلجيكي سويسري نمساوي كندي أسترالي برازيلي مكسيكي فنزويلي كوبي أرجنتيني "
    "إثيوبي إريتري كيني نيجيري تشادي أوروبي غربي عربي كردي أفريقي إفريقي آسيوي أرمني أذربيجاني "
    "شيشاني قبرصي إيرلندي بنغالي إندونيسي ماليزي فلبيني فيتنامي أوزبكي طاجيكي تركماني كازاخي "
    "بيلاروسي مجري تشيكي صربي كرواتي بوسني ألباني بلغاري دنماركي فنلندي برتغالي يهودي إيزيدي"
)

#: Broken plurals of nationalities, used as nouns ("الأكراد", "الروس").
NATIONALITY_PLURALS = _folded("العرب الأكراد الأتراك الأفغان الروس الأمريكان الألمان الإنجليز الفرس")

#: Attached pronouns that mark a noun as possessed (so definite) or a verb as having an object:
#: "نظرائها", "لتعطيلهم". The bare ه is left out because it also ends plain nouns (ة folded).
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")

#: Function words, reporting verbs and time words: never the start or end of a name.
STOPWORDS = _folded(
    "في من على إلى الى عن مع أن إن ان لا لم لن ما ثم أو او قد كما بعد قبل خلال منذ حتى بين ضد عند "
    "لدى حول نحو دون غير كل بعض هذا هذه ذلك تلك الذي التي الذين اللذين اللتين هو هي هم هما نحن "
    "أنه انه أنها انها يوم أمس اليوم غدا الآن أيضا ايضا وقال قال وقالت قالت يقول تقول أعلن اعلن "
    "أكد اكد أضاف اضاف وأضاف واضاف أشار أفاد افاد ذكر أوضح دعا زار التقى استقبل بحث أجرى وصل "
    "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة صباح مساء ظهر فجر ليل الماضي "
    "المقبل الحالي الجاري الأول الثاني الثالث الأخير نفسه إنه إنها بأن بان لأن وأن وان وإن فإن "
    "كان كانت يكون تكون وكان وكانت ليس ليست عام العام سنة شهر أسبوع يناير فبراير مارس أبريل "
    "مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب "
    "أيلول تشرين وفق وفقا بحسب حسب أما إذا اذا لكن ولكن بل عبر تجاه إثر اثر عقب جراء بسبب رغم"
)

#: Generic words that geonames also lists as village names; never a place on their own.
COMMON_WORDS = _folded(
    "الحرة الحر النصر السلام الأمل الوطن الأمن الحرية الوحدة الثورة الشعب الجيش الدولة الحكومة "
    "الرئيس الشرق الغرب الشمال الجنوب الوسط العاصمة المدينة البلد الجمهورية المملكة الإمارة "
    "الخليج البحر النهر الجبل الوادي السوق الجامعة المطار الميناء المعبر الطريق القرية البلدة "
    "الحي المركز القصر البيت الكرامة العدالة التحرير الاستقلال الفتح العودة الإسلام المستقبل "
    "الزهراء الرحمة النور الهدى الإيمان التقدم الحسين الإمام أمان عمر علي محمد أحمد "
    "حسن حسين خالد سعيد فاطمة مريم عيسى موسى إبراهيم يوسف عباس جعفر قاسم صالح مصطفى مهدي "
    "بين عند منذ ضد حول دون مع قبل بعد أكثر أقل كبير صغير جديد جديدة قديم قديمة الجديدة القديمة "
    "مالي قاهرة سيول الجزيرة هوية البلاد الدول العالم المنطقة الأرض الساحل الحدود المناطق البلدة "
    "القرى الميدان الجبهة البيضاء الجديد الجميل الصور صور الخبر خبر العين الباب بشار الخمس العبور "
    "رشيد عالية سعيدة بركان بحري ربك آنفا بركة سلطات معسكر كسل حولي صبيا تازة سلالة إمارة الأصنام "
    "النصر الوحدة النهضة الشروق الأمل التحرير الاستقلال "
    "الكبرى الصغرى العليا السفلى عربي عربية العرب الأحمر الأبيض الأسود الأخضر أول ثاني ثالث"
)

#: Heads, titles and designators: words whose first letter is never a proclitic to split off.
HEAD_WORDS = ORG_HEADS | MEDIA_HEADS | PER_TITLES | LOC_TRIGGERS | TITLE_LINKS

#: Places whose name is also a common word ("دوما" Douma / always, "جده" Jeddah / his
#: grandfather): never found on their own, only after a designator or by the model.
PLACE_HOMONYMS = _folded(
    "دوما جده عدن حجة دخان سحب مقر وقف صهيون مصفح الهندية الهندي أدى الحرية جنين بيت رأس الشيخ "
    "الخليل حماة بعقوبة المسيلة العيون"
)

#: Phrases in which a place name is an ordinary word ("مسقط رأس" = birthplace, not Muscat).
NOT_PLACE_PHRASES = _folded_phrases("مسقط رأس|مسقط رأسه|مسقط رأسها|مسقط رأسهم|ظروف قاهرة|قوة قاهرة")

#: Arab League members: their towns' Arabic names are native Arabic, not transliterations, so a
#: city of `gazetteer.STRONG_POPULATION` there is found without a designator.
ARAB_LEAGUE = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())

#: The Arab world and its neighbours: where Arabic news names towns and villages, and where
#: a story's countries decide between namesakes ("طرابلس" in Lebanon or Libya).
NEWS_REGION = ARAB_LEAGUE | frozenset("IR TR IL AF PK ET ER SS CY ML NE TD".split())

#: Nationality adjectives -> ISO country: "نظيره الأردني" makes عمان Amman, not Oman.
NISBA_COUNTRIES = {fold_key(word): iso for word, iso in (pair.split(":") for pair in (
    "أردني:JO سوري:SY لبناني:LB عراقي:IQ فلسطيني:PS مصري:EG سعودي:SA يمني:YE عماني:OM قطري:QA "
    "كويتي:KW إماراتي:AE بحريني:BH ليبي:LY تونسي:TN جزائري:DZ مغربي:MA سوداني:SD موريتاني:MR "
    "صومالي:SO إيراني:IR تركي:TR إسرائيلي:IL روسي:RU أمريكي:US أميركي:US بريطاني:GB فرنسي:FR "
    "ألماني:DE إيطالي:IT إسباني:ES صيني:CN ياباني:JP هندي:IN باكستاني:PK أفغاني:AF أوكراني:UA "
    "كندي:CA أسترالي:AU برازيلي:BR مكسيكي:MX يوناني:GR قبرصي:CY إثيوبي:ET نيجيري:NG كيني:KE"
).split())}

#: Heads of named facilities, which keep their head in the LOC span (CONVENTIONS LOC: "مطار
#: كويرس العسكري", "مستشفى الشفاء", "حقل الشرارة", "جسر 14 تموز").
FACILITY_HEADS = _folded("مطار جسر مستشفى حقل معبر ميناء سجن مخيم سد قلعة مسجد جامع كنيسة قاعدة")

#: Heads of named geographic features, which keep their head too: in "جبل الشيخ", "وادي بردى",
#: "هضبة الجولان" the head is part of the proper name (CONVENTIONS LOC: geographic features),
#: unlike the administrative designators above. No adjective follows into the span
#: ("وادي الضبوعة الحدودي" -> "وادي الضبوعة").
FEATURE_HEADS = _folded("جبل جبال وادي هضبة سهل بحيرة نهر")

#: Facility and feature heads that are everyday words too: سهل "easy", حقل "field (of study)",
#: جامع "comprehensive", قاعدة "rule", سد "to fill", قلعة, هضبة; the name after them must be known.
AMBIGUOUS_PLACE_HEADS = _folded("سهل حقل جامع قاعدة سد هضبة")

#: Heads of roads: a name the model finds after one is the road's (CONVENTIONS LOC: "طريق
#: خناصر أثريا"); found only with the model, since "طريق" is also "way" ("عن طريق").
ROAD_HEADS = _folded("طريق شارع أوتوستراد")

#: Words after a facility head that make it generic ("حقل النفط", "مخيم اللاجئين").
FACILITY_GENERIC = _folded(
    "النفط الغاز الألغام اللاجئين النازحين الجوي الجوية البحري البحرية العسكري العسكرية الدولي "
    "المدينة البلدة القرية الرئيسي الرئيسية الجديد الجديدة القديم القديمة الميداني الميدانية "
    "التدريب الاعتقال نافذة مؤبد"
)

#: Heads of named storms (CONVENTIONS MISC: "دانيال").
STORM_HEADS = _folded("العاصفة عاصفة الإعصار إعصار")

#: Named diseases and products that are MISC (CONVENTIONS MISC).
MISC_NAMES = (
    "كوفيد-19", "كوفيد 19", "كوفيد", "كورونا", "فيروس كورونا", "إيبولا", "الإيدز", "زيكا",
    "برنت", "خام برنت", "غرب تكساس الوسيط", "خام غرب تكساس الوسيط",
)

#: Month names (MSA, Levantine, Maghrebi): a facility name may hold a date ("جسر 14 تموز").
MONTHS = _folded(
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط "
    "آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل ماي جوان جويلية أوت"
)
