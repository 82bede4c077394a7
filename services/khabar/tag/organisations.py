"""Organisation phrases: a head and its modifiers ("وزارة الداخلية العراقية"), quoted names
after a head (تنظيم "الدولة الاسلامية"), and names after an announcing head ("قناة روسيا 1").

Arabic builds these names as a construct (idafa) chain plus agreeing adjectives. An indefinite
head takes one genitive ("مجلس الأمن", "مكتب مكافحة الفساد") and then adjectives ("الدولي");
a definite head takes adjectives only ("الجيش السوري الحر"), since a definite noun after a
definite head starts a new phrase ("تنظر المحكمة القضية" is verb, subject, object). Bodies
take a ل complement ("المرصد السوري لحقوق الانسان").
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.tag.lexicon import (
    MEDIA_HEADS,
    MILITIA_HEADS,
    NAME_ADJECTIVES,
    NAME_DESCRIPTORS,
    NATIONALITY_STEMS,
    NISBA_SHAPED_NOUNS,
    ORG_GENERIC_MODIFIERS,
    ORG_HEADS,
    ORG_LAM_HEADS,
    ORG_NEEDS_NAME,
    PER_TITLES,
    PRONOUN_SUFFIXES,
    STOPWORDS,
    _folded,
    fold_key,
)
from khabar.tag.rules import CLITIC_ARTICLES, head_at, match_org_name, nisba_stem, sport_only_club_names
from khabar.tag.words import Mention, TokenView, definite_noun_before, longest_phrase, original_offset

_MAX_ORG_WORDS = 7
_MAX_MEDIA_WORDS = 3
_MAX_QUOTED_WORDS = 5
_QUOTES = frozenset('"«»“”\'')
# Heads that are also ordinary nouns or verbal nouns ("تنظيم الانتخابات" = organising the
# elections): they start an ORG only before a known name or a quoted name.
# A company's or institution's own organs, named by role: "مجلس الإدارة" is whichever board the
# story's company has, a generic description and no name (CONVENTIONS: generic groups untagged).
#: Head + modifier phrases that name no one body: a company's organs ("رئيس مجلس الإدارة")
#: and "the news agency" without its country ("ذكرت وكالة الأنباء الرسمية").
_ORGANS = frozenset(fold_key(p) for p in ("مجلس الإدارة", "مجلس الأمناء", "مجلس المديرين", "وكالة الأنباء"))
#: An organ of a body named only by its kind is no name either: "مجلس إدارة البنك".
_ORGAN_OF = frozenset(fold_key(p) for p in ("مجلس إدارة", "مجلس أمناء", "مجلس مديري"))
_AMBIGUOUS_HEADS = frozenset(fold_key(w) for w in "تنظيم حركة قيادة اتحاد الاتحاد الأمن جبهة الجبهة".split())
# Heads that take a coordinated modifier ("حزب العدالة والتنمية", "وزارة الخارجية والمغتربين").
_COORDINATING_HEADS = frozenset(fold_key(w) for w in "حزب الحزب وزارة هيئة جبهة جمعية منظمة لجنة".split())
#: Kinds of body that a definite noun names only generically ("البنك", "الشركة").
_KIND_NOUNS = frozenset(fold_key(w) for w in "الشركة البنك المصرف النادي المؤسسة الصندوق الجامعة".split())
_OPERATIONS_HEADS = frozenset(fold_key(w) for w in "قيادة غرفة".split())
_DASHES = frozenset("-–—")
#: Generic group words before a complete organisation name ("قوات حزب الله", "جماعة حزب الله").
_GROUP_HEADS = frozenset(fold_key(w) for w in "قوات القوات جماعة الجماعة".split())
_BRANCH_WORDS = frozenset(fold_key(w) for w in "ولاية فرع جناح".split())


def find_org_phrases(view: TokenView) -> list[Mention]:
    """Head + modifiers: "وزارة الداخلية العراقية", "المرصد السوري لحقوق الانسان"; a branch
    after a dash belongs to the name ("تنظيم الدولة الإسلامية - ولاية خراسان")."""
    found = []
    for i in range(len(view.keys)):
        head_hit = head_at(view, i, ORG_HEADS) if view.is_word[i] else None
        if head_hit is not None:
            mention = _org_phrase_at(view, i, *head_hit)
            if mention is not None:
                mention.last = _branch_end(view, mention.last)
                found.append(mention)
    return found


def _branch_end(view: TokenView, end: int) -> int:
    """Extend over " - ولاية X" (a branch of the organisation), else keep `end`."""
    if end + 2 < len(view.keys) and view.texts[end] in _DASHES and view.keys[end + 1] in _BRANCH_WORDS \
            and view.is_word[end + 2] and view.same_sentence(end, end + 2):
        return end + 3
    return end


def _org_phrase_at(view: TokenView, i: int, lead: int, head: str) -> Mention | None:
    lead_chars = original_offset(view.texts[i], lead)
    whole = _quoted_name(view, i - 1)  # 'ما يسمى "مجلس شورى مجاهدي درنة"': the quotes hold it all
    if whole and whole[0] == i and not _generic_description(view, i, whole[1]) \
            and not any(_verb_shaped(k) for k in view.keys[i + 1:whole[1]]):
        return Mention(i, whole[1], "ORG", "pattern", lead_chars)
    quoted = _quoted_name(view, i + 1)
    if quoted:
        return Mention(quoted[0], quoted[1], "ORG", "pattern")
    named = match_org_name(view, i + 1) if i + 1 < len(view.keys) else None
    if named and view.same_sentence(i, named[0] - 1):
        if head in _GROUP_HEADS and view.keys[i + 1] in ORG_HEADS:
            return Mention(i + 1, named[0], "ORG", "pattern")  # "قوات حزب الله": the name has its own head
        return Mention(i, named[0], "ORG", "pattern", lead_chars)
    if head in _OPERATIONS_HEADS and view.keys[i + 1:i + 2] == ["عمليات"] and i + 2 < len(view.keys):
        return Mention(i, i + 3, "ORG", "pattern", lead_chars)  # "قيادة عمليات بغداد"
    if head in _AMBIGUOUS_HEADS:
        return None
    j = i + 1
    while j < len(view.keys) and j - i < _MAX_ORG_WORDS and view.same_sentence(i, j) \
            and _is_modifier(view, j, head, j - i - 1):
        j += 1
    while j > i + 1 and view.keys[j - 1] in NAME_DESCRIPTORS:
        j -= 1
    fixed = match_org_name(view, i)
    if fixed and fixed[0] < j and _lam_word(view.keys[fixed[0]]):
        j = fixed[0]  # "مجلس الأمن للحصول على": a known name ends before a purpose clause
    mods = view.keys[i + 1:j]
    if not mods or all(m in ORG_GENERIC_MODIFIERS for m in mods):  # "جيش الاحتلال", "الجيش الوطني"
        return None
    if " ".join([head, *mods]) in _ORGANS:  # "رئيس مجلس الإدارة"
        return None
    if f"{head} {mods[0]}" in _ORGAN_OF and all(m in ORG_HEADS or m in _KIND_NOUNS for m in mods[1:]):
        return None
    if head in ORG_NEEDS_NAME and (all(_generic(m) for m in mods) or mods[0] in ORG_HEADS):
        return None  # "القوات الجوية الروسية"; "قوات الجيش الأمريكي" (the inner head starts the name)
    return Mention(i, j, "ORG", "pattern", lead_chars)


def _is_modifier(view: TokenView, j: int, head: str, n_mods: int) -> bool:
    """Does token j continue the name that `head` opened, after `n_mods` modifiers?"""
    key = view.keys[j]
    if not view.is_word[j] or key in STOPWORDS or key in PER_TITLES:  # "للجيش الليبي المشير ..."
        return False
    nxt = view.keys[j + 1] if j + 1 < len(view.keys) and view.same_sentence(j, j + 1) else ""
    if head in ORG_LAM_HEADS:
        if _lam_word(key) and (key.startswith("لل") or nxt.startswith("ال")):
            return True  # "لحقوق الانسان", "للصليب الأحمر"
        if n_mods and _lam_word(view.keys[j - 1]) and key.startswith("ال"):
            return True  # the genitive after it
    if _adjective_like(key):
        # a definite feminine head takes a feminine adjective: "الشرطة المالكي" is the police
        # and a man's name, not one body
        return not (n_mods == 0 and head.startswith("ال") and head.endswith("ه") and key.endswith("ي"))
    if n_mods == 1 and not head.startswith("ال") and not view.keys[j - 1].startswith("ال"):
        return key.startswith("ال")  # the genitive that closes a construct chain: "مكافحة الفساد"
    if n_mods == 0 and not head.startswith("ال"):
        if key.startswith("ال"):
            return True  # the genitive of an indefinite head: "مجلس الأمن"
        # a construct chain: "مكتب مكافحة الفساد"
        return nxt.startswith("ال") and key.isalpha() and not key.startswith(("و", "ل", "ب"))
    return n_mods == 1 and head in _COORDINATING_HEADS and key.startswith("وال")  # "العدالة والتنمية"


def _lam_word(key: str) -> bool:
    return key.startswith("ل") and not key.startswith("ال")


def _adjective_like(key: str) -> bool:
    """Definite adjective shapes: nisba endings ("السوري", "الجنائية") or a known adjective."""
    if not key.startswith("ال") or key in NISBA_SHAPED_NOUNS:
        return False
    return key.endswith(("ي", "يه", "يين", "يون")) or key in NAME_ADJECTIVES


def _generic(key: str) -> bool:
    """A modifier that names no one: generic words and nationality adjectives ("الروسية")."""
    return key in ORG_GENERIC_MODIFIERS or nisba_stem(key) is not None


def _generic_description(view: TokenView, i: int, end: int) -> bool:
    """A quoted head + one indefinite adjective describes, it does not name: "منظمة إرهابية"."""
    return end - i == 2 and not view.keys[i + 1].startswith("ال") and view.keys[i + 1].endswith(("ي", "يه"))


def _quoted_name(view: TokenView, j: int) -> tuple[int, int] | None:
    """Words inside quotes that open at token j: a short run of name-like words, else None."""
    if not 0 <= j < len(view.keys) or view.texts[j] not in _QUOTES or _closes_a_quote(view, j):
        return None
    for k in range(j + 1, min(j + 2 + _MAX_QUOTED_WORDS, len(view.keys))):
        if view.texts[k] in _QUOTES:
            return (j + 1, k) if k > j + 1 and view.same_sentence(j, k) else None
        key = view.keys[k]
        if not view.is_word[k] or key in STOPWORDS or (k == j + 1 and _verbal(key)):
            return None  # a quoted phrase or clause, not a name ("لتعطيله", "سنرد في الوقت")
    return None


def _verbal(key: str) -> bool:
    """A word that reads as a verb or a verbal noun with a pronoun ("لتعطيله", "سنرد")."""
    return key.endswith(("ه", *PRONOUN_SUFFIXES)) or key.startswith("لت") or _verb_shaped(key)


def _verb_shaped(key: str) -> bool:
    """Future and plural imperfect verb shapes: "سنرد", "سيعلن", "يرفضون"."""
    if key.startswith(("سن", "سي", "ست")):
        return True
    return key.startswith(("ي", "ت")) and key.endswith(("ون", "ان", "وا"))


def _closes_a_quote(view: TokenView, j: int) -> bool:
    """An odd number of straight quotes before token j in its sentence: j closes one."""
    k, count = j - 1, 0
    while k >= 0 and view.same_sentence(j, k):
        count += view.texts[k] == '"'
        k -= 1
    return view.texts[j] == '"' and count % 2 == 1


def find_media(view: TokenView) -> list[Mention]:
    """The name after an announcing head, which is left out: "قناة روسيا 1", "صحيفة واشنطن بوست",
    "ميليشيات الحوثي". A known name ends it ("صحيفة نيويورك تايمز عادت ...")."""
    found = []
    for i in range(len(view.keys) - 1):
        head_hit = head_at(view, i, MEDIA_HEADS) if view.is_word[i] else None
        if head_hit is None or (head_hit[1] in MILITIA_HEADS and not view.keys[i + 1].startswith("ال")):
            continue  # "ميليشيا هاجمت مدينة" is no name
        named = match_org_name(view, i + 1)
        j = i + 1
        while j < len(view.keys) and j - i <= _MAX_MEDIA_WORDS and view.same_sentence(i, j) \
                and _media_word(view, j, i):
            j += 1
        end = named[0] if named and named[1] == 0 else j
        if end > i + 1:
            found.append(Mention(i + 1, end, "ORG", "pattern"))
    return found


def _media_word(view: TokenView, j: int, head: int) -> bool:
    key = view.keys[j]
    if view.keys[head] in MILITIA_HEADS or head_at(view, head, MILITIA_HEADS):
        # "ميليشيات الحوثي الإيرانية" -> "الحوثي": one definite word; a nisba after it is an adjective
        return key.startswith("ال") and key not in STOPWORDS and (j == head + 1 or not _adjective_like(key))
    if not view.is_word[j] or key in STOPWORDS or key in NAME_DESCRIPTORS or key.startswith(CLITIC_ARTICLES):
        return False
    if j > head + 1 and (key.startswith(("و", "ف")) or _adjective_like(key)):
        return False  # "مونتي كارلو وشبكة", "قناة السويس فهاجمته", "صحيفة الغد الأردنية"
    if j > head + 1 and view.keys[j - 1].startswith("ال") and not key.startswith("ال") and key.endswith("ا") \
            and len(key) > 3:
        return False  # an indefinite accusative is the verb's object: "نشرت صحيفة الرسالة تقريرا"
    return not (j == head + 1 and key.endswith(("ي", "يه")) and not key.startswith("ال"))  # "شبكة افتراضية"


# --- Sports clubs named after cities ----------------------------------------------------
#: Words that make a sentence a sports report ("فاز برشلونة على ...").
SPORT_CUES = _folded(
    "فريقه فريقها نادي النادي ناديه مباراة المباراة مباراته مباريات المباريات الدوري دوري "
    "فاز فوز فوزه فوزا تعادل التعادل هدفين المدرب مدرب بطولة البطولة مضيفه ضيفه الجولة "
    "الشوط الملعب ملعب استاد تغلب سحق اكتسح المنتخب الكأس كأس لكرة")
#: Left out as too common outside sport: فريق (also a military rank), هدف (aim), بطل (hero),
#: منتخب (elected).
#: First words of club names that put a city after them ("دينامو كييف", "ستيوا بوخارست").
CLUB_PREFIXES = _folded(
    "دينامو ديناموا ستيوا سسكا ريال أسيك ايك فيردر سبارتاك لوكوموتيف شاختار زينيت أتلتيكو "
    "سبورتنغ بوروسيا أولمبيك أولمبياكوس باناثينايكوس رابيد أوستريا")
#: Words before a city that make it the club: the team, its host or guest, the side beaten.
_CLUB_BEFORE = _folded("فريق نادي مضيفه ضيفه منافسه مواطنه أمام امام")
#: Nationality adjectives after a club ("هامبورغ الألماني"), beyond NATIONALITY_STEMS.
_CLUB_NISBA = _folded("روماني إنكليزي انكليزي إنجليزي اسكتلندي إسكتلندي بلجيكي تشيكي روسي")
_WIN_WORDS = _folded("فوز فوزه فوزها بفوزه فاز تغلب تغلبه انتصار انتصاره")
_SPORT_STORY = 2  # sentences with a sports cue that make the whole story a sports report
_NOT_CLUB_BEFORE = _folded("في الى إلى من ملعب استاد مدينة العاصمة")


def _club_nisba(key: str) -> bool:
    """"الالماني", "الألمانية", "الروماني": a nationality adjective (masculine or feminine)."""
    word = key[2:] if key.startswith("ال") else key
    word = word[:-1] if word.endswith("ه") else word
    return word in NATIONALITY_STEMS or word in _CLUB_NISBA


def sport_clubs(view: TokenView, mentions: list[Mention],
                place_kinds: Callable[[str], set[str]]) -> list[Mention]:
    """Cities that name a club in a sports report become ORG (CONVENTIONS: organisations).

    In a sentence with a sports cue (فريق، مباراة، فاز، الدوري ...) a city, not a country, is the
    club when a club word comes first ("دينامو كييف", "ستيوا بوخارست": one ORG), when the team,
    host or guest is named before it ("مضيفه هامبورغ"), when a nationality adjective follows
    ("هامبورغ الألماني") or when it is coordinated with another club ("سلتيك - كوبنهاغن").
    A city after في/من/الى is the venue and stays LOC. A city made a club once, here or by the
    model, is the club in every sports sentence of the story.
    """
    def is_city(key: str) -> bool:
        kinds = place_kinds(key)
        return bool(kinds) and kinds <= {"city", "capital"}
    sport = {view.sents[i] for i in range(len(view)) if view.reads_as(i, SPORT_CUES)}
    if not sport:
        return mentions
    if len(sport) >= _SPORT_STORY:  # a sports story: its results lines count too
        sport = set(view.sents)
    orgs = {m.first: m for m in mentions if m.type == "ORG"}
    org_ends = {m.last: m for m in mentions if m.type == "ORG"}
    # a city already an ORG in a sports sentence (the model's "فريق برشلونة") is a club too
    clubs = {view.stripped_key(m) for m in mentions
             if m.type == "ORG" and view.sents[m.first] in sport and is_city(view.stripped_key(m))}
    out: list[Mention] = []
    candidates = []
    for m in mentions:
        if m.type != "LOC" or view.sents[m.first] not in sport or not is_city(view.stripped_key(m)):
            out.append(m)
            continue
        before = m.first - 1 if view.same_sentence(m.first - 1, m.first) else -1
        after = m.last if view.same_sentence(m.last, m.first) else -1
        if (before >= 0 and view.keys[before] in _NOT_CLUB_BEFORE and not m.lead) \
                or (before < 0 and not _scoreline(view, m.first)):  # a dateline ("الدوحة - قنا")
            out.append(m)
            continue
        if before >= 0 and not m.lead and view.keys[before] in CLUB_PREFIXES:
            prefix = orgs.get(before)
            if prefix in out:  # the longer club wins any overlap left (settle_overlaps)
                out.remove(prefix)
            out.append(Mention(before, m.last, "ORG", m.origin))
            clubs.add(view.stripped_key(m))
            continue
        prefix = org_ends.get(m.first)
        if before >= 0 and not m.lead and prefix is not None and prefix.first == before:
            # "أسيك" found alone: "أسيك أبيدجان" is one club
            if prefix in out:
                out.remove(prefix)
            out.append(Mention(prefix.first, m.last, "ORG", prefix.origin, prefix.lead))
            clubs.add(view.stripped_key(m))
            continue
        strong = (before >= 0 and not m.lead and view.reads_as(before, _CLUB_BEFORE)) \
            or (after >= 0 and _club_nisba(view.keys[after])) \
            or _country_in_brackets(view, m.last, place_kinds) or _beaten(view, before) \
            or _beside_club(view, m, orgs, org_ends)
        if strong:
            clubs.add(view.stripped_key(m))
            out.append(Mention(m.first, m.last, "ORG", m.origin, m.lead))
        else:
            candidates.append(m)
            out.append(m)
    for k, m in enumerate(out):  # a club found once is the club in the report's other mentions
        if m in candidates and view.stripped_key(m) in clubs and not _venue(view, m.first - 1, m.first):
            out[k] = Mention(m.first, m.last, "ORG", m.origin, m.lead)
    return out + _everyday_word_clubs(view, sport)


def _everyday_word_clubs(view: TokenView, sport: set[int]) -> list[Mention]:
    """"فاز الأهلي على الزمالك": in a sports sentence a listed club named by an everyday word is
    the club, unless it agrees with the definite noun before it ("الفريق الأهلي")."""
    found = []
    for i in range(len(view)):
        if view.sents[i] not in sport or not view.is_word[i]:
            continue
        hit = longest_phrase(view, i, *sport_only_club_names())
        if hit and not definite_noun_before(view, i):
            found.append(Mention(i, hit[0], "ORG", "name_list", original_offset(view.texts[i], hit[1])))
    return found


def _venue(view: TokenView, before: int, first: int) -> bool:
    """"في برشلونة": the place a match is played in."""
    return before >= 0 and view.same_sentence(before, first) and view.keys[before] in _NOT_CLUB_BEFORE


def _beside_club(view: TokenView, m: Mention, orgs: dict[int, Mention],
                 org_ends: dict[int, Mention]) -> bool:
    """"سلتيك - كوبنهاغن" in a results line, "برشلونة وريال مدريد": a city next to a club by a
    dash or و ("بغداد - ا ف ب" is a dateline)."""
    if view.texts[m.last:m.last + 1] == ["-"] or view.texts[m.first - 1:m.first] == ["-"]:
        if not _scoreline(view, m.first):
            return False
    if m.last + 1 < len(view) and view.texts[m.last] in ("-", "–") and m.last + 1 in orgs:
        return True
    if m.first >= 2 and view.texts[m.first - 1] in ("-", "–") and m.first - 1 in org_ends:
        return True
    if m.last in orgs and orgs[m.last].lead == 1 and view.keys[m.last].startswith("و"):
        return True
    return m.lead == 1 and view.keys[m.first].startswith("و") and m.first in org_ends


def _country_in_brackets(view: TokenView, i: int, place_kinds: Callable[[str], set[str]]) -> bool:
    """"كوبنهاغن ( الدنمارك ) 1 - صفر": a results line gives each club's country in brackets."""
    if i + 2 >= len(view) or view.texts[i] != "(" or view.texts[i + 2] != ")":
        return False
    return "country" in place_kinds(view.keys[i + 1])


def _beaten(view: TokenView, before: int) -> bool:
    """"بفوزه على كوبنهاغن": the side a win was over."""
    return before >= 1 and view.keys[before] in ("علي", "امام") \
        and any(view.reads_as(j, _WIN_WORDS) for j in range(max(0, before - 2), before))


def _scoreline(view: TokenView, i: int) -> bool:
    """The sentence of token i gives a score ("1 - صفر", "5 - 1")."""
    sent = view.sents[i]
    lo, hi = i, i
    while lo > 0 and view.sents[lo - 1] == sent:
        lo -= 1
    while hi + 1 < len(view) and view.sents[hi + 1] == sent:
        hi += 1
    return any(view.texts[j] == "-" and _score(view.texts[j - 1]) and _score(view.texts[j + 1])
               for j in range(lo + 1, hi))


def _score(text: str) -> bool:
    return text.isdigit() and len(text) <= 2 or text == "صفر"
