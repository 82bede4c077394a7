"""Ugly real-world input, written for Khabar in the style of scraped Arabic news feeds.

Each case is `(name, text, expect)`. Every case goes through the shared invariants in
test_ugly_cases.py (schema, exact spans, clean view); `expect` adds what that case is about:

- "normalized": the whole normalized view;
- "has" / "lacks": substrings the normalized view must / must not contain;
- "tokens": the token norms, in order;
- "has_tokens": token norms that must appear;
- "sentences": the number of sentences;
- "lang": the language flag.
"""

from __future__ import annotations

from typing import Any

RLM, LRM, ZWJ, ZWNJ, ZWSP, BOM, NBSP = "\u200f", "\u200e", "\u200d", "\u200c", "\u200b", "\ufeff", "\u00a0"

Case = tuple[str, str, dict[str, Any]]

PRESENTATION_FORMS: list[Case] = [
    ("lam_alef_ligature", "ﻻ تعليق", {"normalized": "لا تعليق"}),
    ("lam_alef_hamza_ligature", "ﻷن الوضع", {"has_tokens": ["لأن"]}),
    ("lam_alef_madda_ligature", "ﻵﻻف النازحين", {"has": "لآلاف"}),
    ("isolated_letter_forms", "ﺑﻐﺪﺍﺩ", {"normalized": "بغداد"}),
    ("final_form_teh_marbuta", "ﺍﻟﻘﺎﻫﺮﺓ", {"normalized": "القاهرة"}),
    ("pbuh_ligature_expanded", "قال النبي ﷺ في الحديث", {"has": "صلى الله عليه وسلم"}),
    ("allah_ligature", "بسم ﷲ", {"normalized": "بسم الله"}),
    ("bismillah_ligature", "﷽ أما بعد", {"has": "بسم الله الرحمن الرحيم"}),
    ("rial_sign", "السعر 50 ﷼", {"has": "50 ريال"}),
    ("isolated_harakat_forms", "كتب ﹰ الخبر", {"lacks": "\ufe70"}),
    ("keheh_presentation_form", "ﮐﺮﺩﺳﺘﺎﻥ", {"normalized": "كردستان"}),
    ("jalla_jalaluhu", "الله ﷻ", {"has": "جل جلاله"}),
    ("mixed_forms_in_word", "ﺍلحكومة", {"normalized": "الحكومة"}),
    ("ornate_parentheses_kept", "﴿ إنا فتحنا ﴾", {"has_tokens": ["إنا", "فتحنا"]}),
]

DIACRITICS: list[Case] = [
    ("full_harakat", "قُتِلَ ثَلاثَةُ أَشْخاصٍ", {"normalized": "قتل ثلاثة أشخاص"}),
    ("tanween_on_alef", "أيضاً", {"normalized": "أيضا"}),
    ("shadda_only", "جرّاء القصف", {"tokens": ["جراء", "القصف"]}),
    ("superscript_alef", "هٰذا", {"normalized": "هذا"}),
    ("quranic_verse", "﴿وَإِذَا قِيلَ لَهُمْ لَا تُفْسِدُوا فِي الْأَرْضِ﴾", {"has": "لا تفسدوا في الأرض"}),
    ("quranic_small_marks", "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى", {"has": "ٱلكتب لا ريب"}),
    ("alef_wasla_kept_in_view", "ٱلرَّحْمَٰنِ", {"normalized": "ٱلرحمن"}),
    ("end_of_ayah_mark", "الحمد لله ۝١", {"lacks": "\u06dd"}),
    ("salla_sign", "محمد ؐ", {"lacks": "\u0610"}),
    ("decomposed_hamza_above", "ا\u0654علن", {"normalized": "أعلن"}),
    ("decomposed_madda", "ا\u0653لاف", {"normalized": "آلاف"}),
    ("decomposed_hamza_below", "ا\u0655لى", {"normalized": "إلى"}),
    ("decomposed_waw_hamza", "مسو\u0654ول", {"normalized": "مسؤول"}),
    ("harakat_on_digits_area", "عام ٢٠١٢مَ", {"has_tokens": ["2012"]}),
    ("leading_mark_after_space", "كلمة َكلمة", {"normalized": "كلمة كلمة"}),
]

TATWEEL: list[Case] = [
    ("tatweel_inside_word", "عاجـــــل", {"normalized": "عاجل"}),
    ("tatweel_before_latin", "الـCNN الأمريكية", {"tokens": ["ال", "CNN", "الأمريكية"]}),
    ("tatweel_in_hijri_abbrev", "عام 1439هـ", {"has_tokens": ["1439"]}),
    ("tatweel_line", "ــــــــــــ\nخبر", {"sentences": 1}),
    ("tatweel_and_harakat", "اللـــَّــه", {"normalized": "الله"}),
]

INVISIBLES: list[Case] = [
    ("rlm_around_number", f"قتل {RLM}25{RLM} شخصا", {"normalized": "قتل 25 شخصا"}),
    ("lrm_in_latin_name", f"شركة {LRM}Google{LRM} الأمريكية", {"has_tokens": ["Google"]}),
    ("bidi_embedding", "\u202bخبر عاجل\u202c", {"normalized": "خبر عاجل"}),
    ("bidi_isolates", "\u2067سوريا\u2069 و\u2066UN\u2069", {"has_tokens": ["سوريا", "UN"]}),
    ("bom_at_start", f"{BOM}أعلن الجيش", {"normalized": "أعلن الجيش"}),
    ("zwnj_inside_word", f"می{ZWNJ}خواهد", {"normalized": "ميخواهد"}),
    ("zwsp_between_words", f"سوريا{ZWSP}والعراق", {"tokens": ["سوريا", "والعراق"]}),
    ("zwj_between_letters", f"ب{ZWJ}غداد", {"normalized": "بغداد"}),
    ("soft_hyphen", "inter\u00adnational", {"normalized": "international"}),
    ("arabic_letter_mark", "\u061cالخبر", {"normalized": "الخبر"}),
    ("word_joiner", "كلمة\u2060أخرى", {"lacks": "\u2060"}),
    ("many_controls", f"{RLM}{LRM}{RLM}قال{RLM}{LRM}", {"normalized": "قال"}),
]

SPACES: list[Case] = [
    ("nbsp_between_words", f"وزير{NBSP}الخارجية", {"tokens": ["وزير", "الخارجية"]}),
    ("narrow_nbsp", "25\u202fألف", {"tokens": ["25", "ألف"]}),
    ("ideographic_space", "خبر\u3000عاجل", {"normalized": "خبر عاجل"}),
    ("em_space", "خبر\u2003عاجل", {"normalized": "خبر عاجل"}),
    ("tabs_and_crlf", "السطر الأول.\r\n\tالسطر الثاني", {"sentences": 2}),
    ("line_separator", "خبر\u2028خبر آخر", {"sentences": 2}),
    ("many_blank_lines", "عنوان\n\n\n\nنص الخبر", {"sentences": 2}),
    ("only_spaces_between", "   كلمة   ", {"tokens": ["كلمة"]}),
]

LOOKALIKES: list[Case] = [
    ("farsi_yeh", "کشور ایران", {"normalized": "كشور ايران"}),
    ("farsi_yeh_final", "علی", {"normalized": "علي"}),
    ("keheh", "کرکوک", {"normalized": "كركوك"}),
    ("kurdish_ae", "ھەولێر", {"lacks": "ە"}),
    ("heh_yeh_above", "خانۀ", {"normalized": "خانة"}),
    ("heh_goal", "ہے", {"normalized": "هي"}),
    ("urdu_yeh_barree", "پاکستانے", {"lacks": "ے"}),
    ("veh_folded_not_normalized", "ڤيينا", {"normalized": "ڤيينا"}),
    ("gaf_folded_not_normalized", "گوگل", {"normalized": "گوگل"}),
]

DIGITS: list[Case] = [
    ("eastern_digits", "قتل ١٢ شخصا", {"tokens": ["قتل", "12", "شخصا"]}),
    ("persian_digits", "۱۴۰۲", {"normalized": "1402"}),
    ("arabic_decimal_percent", "ارتفع ١٢٫٥٪", {"tokens": ["ارتفع", "12.5", "%"]}),
    ("arabic_thousands", "١٣٬٥٠٠ لاجئ", {"tokens": ["13,500", "لاجئ"]}),
    ("decimal_mark_outside_number", "٫ وحدها", {"has": "\u066b"}),
    ("thousands_mark_outside_number", "كلمة٬ كلمة", {"has": "\u066c"}),
    ("latin_decimal", "نمو 1.5 في المئة", {"has_tokens": ["1.5"]}),
    ("latin_thousands", "12,500 نازح", {"has_tokens": ["12,500"]}),
    ("maghrebi_comma_decimal", "7,5 بالمائة", {"has_tokens": ["7,5"]}),
    ("mixed_digit_systems", "بين ٢٠١٢ و2013", {"tokens": ["بين", "2012", "و", "2013"]}),
    ("percent_before_number", "٪41 من الأصوات", {"tokens": ["%", "41", "من", "الأصوات"]}),
    ("date_with_slashes", "في 16/10/2015", {"tokens": ["في", "16", "/", "10", "/", "2015"]}),
    ("time_of_day", "الساعة 10:30 صباحا", {"has_tokens": ["10", ":", "30"]}),
    ("number_glued_to_word", "و12 قتيلا", {"tokens": ["و", "12", "قتيلا"]}),
    ("number_then_unit", "15كم", {"tokens": ["15", "كم"]}),
    ("negative_number", "-5 درجات", {"tokens": ["-", "5", "درجات"]}),
    ("million_decimal_eastern", "٦٫٦ ملايين", {"tokens": ["6.6", "ملايين"]}),
    ("dollar_amount", "$1.5 مليار", {"tokens": ["$", "1.5", "مليار"]}),
    ("fullwidth_digits", "\uff11\uff12 شخصا", {"tokens": ["12", "شخصا"]}),
    ("version_like_number", "3.5.2020", {"tokens": ["3.5.2020"]}),
]

HTML: list[Case] = [
    ("entity_amp", "الأمن &amp; السلام", {"normalized": "الأمن & السلام"}),
    ("entity_nbsp", "وزير&nbsp;الدفاع", {"tokens": ["وزير", "الدفاع"]}),
    ("entity_quot", "قال &quot;لا&quot;", {"tokens": ["قال", '"', "لا", '"']}),
    ("numeric_entity_arabic", "&#1587;&#1608;&#1585;&#1610;&#1575;", {"normalized": "سوريا"}),
    ("hex_entity", "&#x627;&#x644;&#x639;&#x631;&#x627;&#x642;", {"normalized": "العراق"}),
    ("entity_for_diacritic", "كتب&#1614; الخبر", {"normalized": "كتب الخبر"}),
    ("unknown_entity_kept", "&foo; نص", {"has": "&foo;"}),
    ("br_tag_is_a_line_break", "الخبر الأول<br>الخبر الثاني", {"sentences": 2}),
    ("p_tags", "<p>فقرة أولى</p><p>فقرة ثانية</p>", {"sentences": 2}),
    ("inline_tags_removed", "قصف <b>حلب</b> اليوم", {"tokens": ["قصف", "حلب", "اليوم"]}),
    ("inline_tag_between_words", "كلمة</span><span>أخرى", {"tokens": ["كلمة", "أخرى"]}),
    ("anchor_with_attributes", '<a href="http://x.com/a?b=1">الرابط</a>', {"normalized": "الرابط"}),
    ("script_removed", "قبل<script>var x = 1 < 2;</script>بعد", {"lacks": "var"}),
    ("html_comment", "نص<!-- تعليق مخفي -->آخر", {"lacks": "مخفي"}),
    ("less_than_in_text", "العدد < 5 و > 2", {"has": "< 5"}),
    ("angle_quotes_not_tags", "<<عاجل>>", {"has": "عاجل"}),
    ("double_escaped_entity", "&amp;quot;", {"normalized": "&quot;"}),
]

URLS_AND_SOCIAL: list[Case] = [
    ("url_in_text", "المصدر: https://www.bbc.com/arabic/middleeast-123. وقال", {
        "has_tokens": ["https://www.bbc.com/arabic/middleeast-123"]}),
    ("www_url", "زوروا www.aljazeera.net للمزيد", {"has_tokens": ["www.aljazeera.net"]}),
    ("url_with_arabic_path", "https://ar.wikipedia.org/wiki/سوريا", {"tokens": ["https://ar.wikipedia.org/wiki/سوريا"]}),
    ("email", "للتواصل: news@example.com", {"has_tokens": ["news@example.com"]}),
    ("hashtag_arabic", "#سوريا_الآن", {"tokens": ["#", "سوريا", "_", "الآن"]}),
    ("mention", "@AJArabic عاجل", {"tokens": ["@", "AJArabic", "عاجل"]}),
    ("url_in_parentheses", "(https://t.co/AbC123)", {"tokens": ["(", "https://t.co/AbC123", ")"]}),
    ("tweet_style", "عاجل | مقتل 3 في #غزة 🇵🇸 https://t.co/xyz", {"has_tokens": ["https://t.co/xyz", "🇵🇸"]}),
]

EMOJI_AND_SCRIPTS: list[Case] = [
    ("emoji_single", "خبر سار 😀", {"tokens": ["خبر", "سار", "😀"]}),
    ("emoji_zwj_family", f"العائلة 👨{ZWJ}👩{ZWJ}👧", {"tokens": ["العائلة", f"👨{ZWJ}👩{ZWJ}👧"]}),
    ("emoji_flag", "🇸🇾 سوريا", {"tokens": ["🇸🇾", "سوريا"]}),
    ("emoji_variation_selector", "❤️ بيروت", {"tokens": ["❤\ufe0f", "بيروت"]}),
    ("emoji_repeated", "😂😂😂", {"tokens": ["😂", "😂", "😂"]}),
    ("emoji_glued_to_word", "عاجل🔴", {"tokens": ["عاجل", "🔴"]}),
    ("cyrillic_kept", "قال Путин إن", {"has_tokens": ["Путин"]}),
    ("cjk_kept", "وصل 习近平 إلى", {"has_tokens": ["习近平"]}),
    ("hebrew_kept", "صحيفة הארץ الإسرائيلية", {"has_tokens": ["הארץ"]}),
    ("french_accents", "قال Emmanuel Macron à Paris", {"has_tokens": ["Macron", "à"]}),
    ("latin_with_digits", "طائرة F16 وMH17", {"has_tokens": ["F16", "MH17"]}),
    ("stray_variation_selector", "كلمة\ufe0f", {"normalized": "كلمة"}),
]

MIXED_DIRECTION: list[Case] = [
    ("latin_org_in_arabic", "وكالة Reuters للأنباء", {"has_tokens": ["Reuters"]}),
    ("arabic_with_latin_parenthesis", "منظمة الصحة العالمية (WHO)", {"has_tokens": ["(", "WHO", ")"]}),
    ("latin_quote_sentence", 'وقال: "We will not leave." ثم غادر', {"has_tokens": ["We", "leave"]}),
    ("acronym_with_dots", "الولايات المتحدة U.S. ترفض", {"sentences": 1}),
    ("english_story", "The United Nations said on Monday that the talks will resume in Geneva.",
     {"lang": "en"}),
    ("french_story", "Le gouvernement a annoncé la fin des combats dans la ville.", {"lang": "fr"}),
    ("numbers_only", "2015 2016 2017", {"lang": "und"}),
    ("mostly_arabic_with_english", "قال المتحدث باسم البنتاغون John Kirby إن القوات باقية", {"lang": "ar"}),
]

PUNCTUATION_AND_SENTENCES: list[Case] = [
    ("repeated_exclamation", "عاجل!!! انفجار", {"tokens": ["عاجل", "!!!", "انفجار"], "sentences": 2}),
    ("repeated_question", "لماذا؟؟ لا أحد يعرف", {"sentences": 2}),
    ("question_exclamation", "حقا؟! نعم", {"sentences": 2}),
    ("ellipsis_char", "وبعد… انتهى الأمر", {"sentences": 2}),
    ("three_dots", "انتظروا... النتائج", {"tokens": ["انتظروا", "...", "النتائج"]}),
    ("arabic_comma_no_break", "قتل 5، وأصيب 10، بحسب المرصد.", {"sentences": 1}),
    ("arabic_semicolon_no_break", "قال الوزير؛ وأضاف أن", {"sentences": 1}),
    ("decimal_no_break", "بلغ النمو 2.5 في المئة. وتوقع", {"sentences": 2}),
    ("arabic_initial_abbrev", "قال د. محمد علي إن", {"sentences": 1}),
    ("afp_abbreviation", "(أ.ف.ب) - قتل", {"sentences": 1}),
    ("bc_abbreviation", "عام 300 ق.م. وكانت", {"sentences": 1}),
    ("latin_title_abbrev", "قال Mr. Smith إن", {"sentences": 1}),
    ("numbered_list", "1. البند الأول\n2. البند الثاني", {"sentences": 2}),
    ("glued_sentences", "انتهى الاجتماع.وقال الوزير", {"sentences": 2}),
    ("year_ends_sentence", "تأسس عام 2012. وقال", {"sentences": 2}),
    ("quote_after_stop", 'قال "انتهى." ثم غادر', {"sentences": 2}),
    ("guillemets", "قال «لن نتراجع». وأضاف", {"sentences": 2}),
    ("urdu_full_stop", "پاکستان۔ اور", {"sentences": 2}),
    ("dashes_and_brackets", "-- [عاجل] --", {"tokens": ["--", "[", "عاجل", "]", "--"]}),
    ("arabic_question_mark_token", "هل انتهت الحرب؟", {"tokens": ["هل", "انتهت", "الحرب", "؟"]}),
    ("dot_in_domain_no_break", "موقع bbc.com ينشر", {"sentences": 1}),
    ("headline_without_stop", "اكثر من 60 قتيلا في معارك حلب\nإلى ذلك، قتل", {"sentences": 2}),
]

CLITIC_TRAPS: list[Case] = [
    ("ila_not_article", "إلى بغداد", {"tokens": ["إلى", "بغداد"]}),
    ("ila_unhamzated", "الى دمشق", {"tokens": ["الى", "دمشق"]}),
    ("lil_contraction", "للحوثيين", {"tokens": ["للحوثيين"]}),
    ("waw_bi_place", "وبغداد", {"tokens": ["وبغداد"]}),
    ("waw_root_minister", "وزير الدفاع", {"tokens": ["وزير", "الدفاع"]}),
    ("washington_not_clitic", "واشنطن ترد", {"tokens": ["واشنطن", "ترد"]}),
]

CASES: list[Case] = (PRESENTATION_FORMS + DIACRITICS + TATWEEL + INVISIBLES + SPACES + LOOKALIKES + DIGITS
                     + HTML + URLS_AND_SOCIAL + EMOJI_AND_SCRIPTS + MIXED_DIRECTION
                     + PUNCTUATION_AND_SENTENCES + CLITIC_TRAPS)
