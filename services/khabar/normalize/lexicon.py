"""Word lists of the clitic splitter (data only; the rules are in clitics.py).

All entries are in folded form (see `tokens.fold`: ا for أ إ آ, ي for ى, ه for ة).
The و-initial stems were chosen from the most frequent و-initial words of a 4-million-word
Arabic news sample whose remainder (without و) is rare as a word of its own, then checked
by hand; they are words whose first letter is a root letter, not the conjunction.
"""

from __future__ import annotations

#: Stems whose initial و is a root letter (وزير is not و + زير). Expanded below with SUFFIXES.
WAW_ROOT_STEMS = """
وزير وزيرا وزاره وزارات وزراء وزاري وزاريه وكاله وكالات وكيل واشنطن وسائل وسيله وفق وفقا
وجود وجه وجهت وجوه وجها وجهه ولايه ولايات ولايت واسع واسعه واسعا واحد واحده وحده وحدات وحدها
وراء وقوع وقع وقعت وقعه وقائع واقع واقعه واقعي واقعيه وصول وصولا وصل وصلت وصلوا وصلنا
وفاه وفات وفيات واضح واضحه واضحا وثائق وثيقه وثيق ووتش وافق وافقت واصف واصفا وصف وصفت وصفه
وضع وضعت وضعه وليد واردات وتيره وليام ويليام وجد وجدت وطن وطني وطنيه واصل واصلت واجه واجهت
واجب وجوب وظيفه وظائف وقت وقتا وفد وفدا وفود وقف وقفت وقوف وقفه وقفا ولد ولدت ولاده وحشي وحشيه
واينستين واغادوغو ويلز وساطه وسيط وسطاء وائل وقود وشيك وشيكه ورق ورقه ورقي ورقيه وعد وعود
وادي وهران وارسو ويكيليكس ولي ولاء وزن وسام وطيد وعي وعر وعيد وكر واعد واعده وجيز ورد وارد
وقائي وقايه ورشه ويست وول وولف ويلسون ويس وزان وسط وسطي ويتكوف وفير
""".split()

#: Inflectional endings that keep a root stem a root word (وزير -> وزيرها, وقت -> وقتها).
SUFFIXES = ("", "ه", "ا", "ات", "ها", "هم", "هما", "ي", "ين", "ون", "ان", "ت", "تا", "وا", "نا", "ته", "تها",
            "تهم", "يه", "يا", "يين", "يون")

WAW_ROOT_WORDS = frozenset(stem + suffix for stem in WAW_ROOT_STEMS for suffix in SUFFIXES)

#: Words that begin with a clitic letter followed by an attested word, but are one word:
#: كامل is not ك + امل, كانت is not ك + انت.
ROOT_WORDS = WAW_ROOT_WORDS | frozenset("""
كامل كامله كاملا كانت كان كافه كبير كما كلا كذلك كيف لكن لذلك لقد لدي ليس ليست
فهم فقط فيه فيها فيما بين بينما بعد بعض بحريه بالغ بالغه بالغا بالغين والد والده والدته والدي
والدين والدا بيان بيانا بقيه فريق فريقا فتره فصائل فصيل فرنسا فلسطين فلسطيني فلسطينيه
""".split())

#: Short words that a conjunction (و, ف) may precede even when the story never uses them alone.
KNOWN_AFTER_CONJ = frozenset("""
لا لم لن قد ما من في عن هو هي هم هما هن ان انه انها انهم كان كانت كانوا قال قالت قالوا لكن
هذا هذه ذلك تلك هناك بعد قبل كل مع اذا لو اما او لذلك ليس ليست منذ حتي بين عند عندما
اضاف اضافت اضافوا اكد اكدت اشار اشارت اعلن اعلنت تابع اردف اوضح اوضحت
""".split())

#: Short words that ب or ل may precede without other evidence: بأن, لأن, لذلك.
KNOWN_AFTER_PREP = frozenset("ان انه انها انهم ذلك".split())

#: Words that look like ال + word but are not the article (إلى/إلا written without hamza).
NOT_ARTICLE = frozenset("الي الا الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي".split())

#: Enclitic pronouns, longest first. ها هم هما هن are split on length alone; the more
#: ambiguous ones (كورونا is not كورو + نا, فيينا is not فيي + نا) need the stem attested.
ENCLITICS_BY_LENGTH = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
ENCLITICS_NEED_STEM = frozenset(("كما", "كم", "نا", "ه"))

#: Short stems (prepositions) that take enclitics: منها, عليهم, لديه, إليها.
SHORT_STEMS = frozenset("من عن في مع لدي علي الي بين عند حول ضد لكن ان منذ لن".split())

#: Words that end like an enclitic but are whole words.
NOT_ENCLITIC = frozenset("""تفاهم مساهم ساهم فهم اتهم اتهام متهم مبهم استفهام تراكم محاكم اماكن
كورونا استانا فيينا اثينا هافانا غانا ليبيا هنا ايضا انها انهم انهما""".split())
