"""Errors found on the blind dev set, one general rule each, on short sentences written for the test."""

from __future__ import annotations

import pytest

from khabar.runner import process_story

pytestmark = [pytest.mark.unit]


def events(text: str) -> list[dict]:
    return process_story({"id": "t", "text": text})["events"]


def of_type(text: str, kind: str) -> list[dict]:
    return [e for e in events(text) if e["type"] == kind]


def test_weak_death_verb_and_its_closing_noun_are_one_report():
    found = of_type('وقال المفوض "نحو 20 شخصا لقوا حتفهم".', "casualties")
    assert [e["killed"] for e in found] == [{"min": 20, "max": 20}]


def test_injured_in_the_next_clause_joins_the_killed_report():
    found = of_type('وقال المفوض "نحو 20 شخصا لقوا حتفهم". وأضاف أن أكثر من 12 شخصا أصيبوا.', "casualties")
    assert [(e["killed"], e["injured"]) for e in found] == [
        ({"min": 20, "max": 20}, {"min": 12, "max": None})
    ]


def test_awda_bihayat_gives_the_killed_figure():
    found = of_type("ونفذت الجماعة هجوما في مدينة مايدوغوري أودى بحياة أربعة أشخاص.", "casualties")
    assert [e["killed"] for e in found] == [{"min": 4, "max": 4}]


def test_laqiya_hatfahum_across_a_long_subset_phrase():
    text = "ولقي عشرة صحافيين بينهم رئيس قسم التصوير في مكتب الوكالة في كابول شاه مراي حتفهم."
    assert [e["killed"] for e in of_type(text, "casualties")] == [{"min": 10, "max": 10}]


def speakers(text: str) -> list[str | None]:
    return [(e["speaker"] or {}).get("text") for e in of_type(text, "statement")]


def test_speaker_is_not_read_from_a_relative_clause():
    assert speakers("قالت شركة فوكس التي يملكها روبرت مردوخ إنها ستبيع حصتها.") == ["شركة فوكس"]


def test_passive_accusation_has_no_speaker_and_an_active_one_keeps_its_subject():
    assert speakers("واندلعت حرب أخرى في 2006. واتهمت إيران بدعم حماس وحزب الله.") == []
    assert speakers("واتهم ظريف نتنياهو بالقيام بخدعة طفولية.") == ["ظريف"]


def test_participle_after_a_reporting_verb_is_neither_speaker_nor_second_statement():
    text = 'وقال المتحدث إن التحالف سيقيم التقرير. وتابع قائلا "لا نملك معلومات أخرى حاليا".'
    assert speakers(text) == ["المتحدث", "المتحدث"]


def test_medium_after_qala_is_the_source_not_the_speaker():
    text = 'وقال ريتا لوكالة أنباء "إيف" "أقوم بهذه المحاولة". وقال لوكالة "إيف" للأنباء "سأواصل التسلق".'
    found = of_type(text, "statement")
    assert [e["speaker"]["text"] for e in found] == ["ريتا", "ريتا"]
    assert [e["source"]["text"] for e in found] == ['لوكالة أنباء "إيف"', 'لوكالة "إيف" للأنباء']


def test_yaquluna_and_bil_qawl_are_reporting_verbs():
    assert len(speakers("ولكن المنتقدين، ومن بينهم سياسيون، يقولون إن الشركة ستعين المدير.")) == 1
    assert len(speakers('ولكن الشركة ردت على ذلك الثلاثاء بالقول إن التأكيدات "خيالية".')) == 1


def test_reporter_is_not_the_attacker_and_the_actor_country_is_not_the_place():
    text = "وقال المرصد السوري لحقوق الإنسان إن الضربة الجوية أصابت المنطقة الواقعة قرب بلدة السوسة."
    assert all(a["role"] != "attacker" for e in of_type(text, "attack") for a in e["actors"])
    text = (
        "وفي وقت سابق، اتهمت الوكالة العربية السورية للأنباء التحالف الذي تقوده الولايات المتحدة "
        "بتنفيذ الضربة الجوية."
    )
    assert [e["location"] for e in of_type(text, "attack")] == [None]


def test_signed_agreement_with_a_partner_after_qad_plus_perfect():
    text = "وكانت الولايات المتحدة وخمس قوى دولية قد وقعت اتفاقا مع إيران عام 2015 للحد من برنامجها."
    (found,) = of_type(text, "agreement")
    assert [a["text"] for a in found["actors"]] == ["الولايات المتحدة", "إيران"]


def test_summit_of_a_mountain_is_no_meeting():
    assert of_type("قمة جبل إفريست: الحقيقة المؤلمة لتكرار موت المتسلقين", "meeting") == []


def test_a_place_introduced_by_a_designator_stays_the_place_not_the_attacker():
    text = "ففي محافظة #صنعاء شن طيران التحالف أربع غارات استهدفت مواقع الميليشيات في التباب السود."
    (found,) = of_type(text, "attack")
    assert found["location"]["text"] == "صنعاء"
    assert all(a["role"] != "attacker" or a["text"] != "صنعاء" for a in found["actors"])


def test_taking_a_named_place_by_a_named_force_is_an_offensive_there():
    (found,) = of_type("تمكنت قوات الجيش الوطني اليمني من تحرير جبل الحمراء.", "offensive")
    assert found["location"]["text"] == "جبل الحمراء"
    assert of_type("وقالت هيئة تحرير الشام إن مقاتليها صدوا الهجوم.", "offensive") == []
    assert of_type("والتي ستتوج باستعادة الحديدة ومينائها.", "offensive") == []


def test_bomber_habitual_and_copular_mentions_are_not_new_attacks():
    assert of_type("وقال محققون إن الانتحاري دخل المركز التعليمي من مدخل خلفي.", "attack") == []
    assert of_type("وكثيرا ما تنفذ الجماعة هجمات انتحارية في أماكن مزدحمة.", "attack") == []
    triggers = [e["trigger"]["text"] for e in of_type("والانفجار هو الأحدث في سلسلة هجمات.", "attack")]
    assert "والانفجار" not in triggers


def test_dual_explosions_are_an_attack_and_the_announcing_police_not_its_attacker():
    text = "أعلنت الشرطة مقتل 20 شخصا من جراء انفجارين ضربا مسجدا في شمال شرقي البلاد."
    (found,) = of_type(text, "attack")
    assert found["actors"] == []


def test_chemical_attack_on_the_city_takes_the_city_named_before():
    text = (
        "يذكر أن مدينة دوما تتعرض لحصار، وقد كشفت وسائل الإعلام عن استخدام الحكومة "
        "للأسلحة الكيماوية في هجومها على المدينة."
    )
    (found,) = of_type(text, "attack")
    assert found["location"]["text"] == "مدينة دوما"
    assert of_type("وواصل الرئيس في هجومه على الصحافة.", "attack") == []


def test_definite_attack_noun_with_an_imperfect_relative_is_generic():
    assert of_type("وصرح الوزير أن الهجمات التي تستهدف الصحافيين هي دليل على ضعف المتطرفين.", "attack") == []
    assert (
        len(of_type("وقالت السلطات إن الهجوم الذي استهدف مركزا تعليميا غربي كابل خلف قتلى.", "attack")) == 1
    )


def test_time_clause_verb_colon_content_and_quote_tail_give_no_false_speakers():
    assert speakers("وأكد الوزير أنه منذ أعلن الرئيس دونالد ترمب استراتيجيته الجديدة توقعنا ذلك.") == [
        "الوزير"
    ]
    text = 'وشدد ماتيس على أن الحركتين وجهان لعملة واحدة. وقال: "يمكنكم الفصل بينهما بصفتهما تنظيمين".'
    assert speakers(text) == ["ماتيس", "ماتيس"]
    text = 'وصرح ماتيس بأن "القتل شهادة على الجهة التي نقف ضدها". وأكد: "سنقف مع الشعب الأفغاني".'
    assert speakers(text) == ["ماتيس", "ماتيس"]


def test_a_relational_noun_is_no_place_unless_a_definite_name_follows():
    assert [e["location"] for e in of_type("قتل 12 شخصا وسط تقدم لقوات الجيش.", "casualties")] == [None]
    (found,) = of_type("قتل 20 شخصا في شمال شرقي البلاد.", "casualties")
    assert found["location"]["text"] == "شمال شرقي البلاد"
