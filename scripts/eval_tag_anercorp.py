"""Score the full tag stage (model + rules) on ANERcorp, conlleval style.

Run:
    .venv/bin/python scripts/eval_tag_anercorp.py --split dev [--no-rules] [--chunk 10] [--raw]
    .venv/bin/python scripts/eval_tag_anercorp.py --split test   # reporting only, never tune on it

``--split dev`` is the held-out tail of train (the last 10% of its sentences, as in
``scripts/train_ner.py``); ``--split test`` is the CAMeL Lab test split (2,285 gold entities).
``--split cv`` scores all of train, each of N contiguous blocks tagged by a model trained
without it (``train_ner.py --fold K/N --out out/ner/cv/K``): ten times dev's entities, for
judging rules without ever looking at test.

With ``--rules`` (default) each chunk of ``--chunk`` consecutive sentences becomes one Doc
(tokens joined with spaces, sentences with line breaks, so the normalizer keeps ANERcorp's
sentence bounds) and goes through ``normalize`` then ``tag``. Each character-span entity is
mapped back to ANERcorp tokens: a token is inside an entity if it overlaps it, the first
such token gets ``B-``. ``--no-rules`` scores the sequence model alone on ANERcorp's own
tokens (the same numbers as ``scripts/eval_ner.py``).

ANERcorp mode (on unless ``--raw``) applies, in scoring only, the conventions in which
ANERcorp differs from Khabar's CONVENTIONS; the product is untouched. They are not hand
picked per word: ``Conventions.learn`` reads them off tag counts in train[:90%] (never dev,
never test) for three kinds of words Khabar treats by rule: heads of organisation and
place phrases (keep / leave out / tag nothing), words after a name (epithets such as
"المكرمة"), and words Khabar never tags as MISC (currencies, religions). Nationality nouns,
MISC for Khabar and O in ANERcorp (144 of 145 in train), are dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "services"))

from khabar.doc import Doc  # noqa: E402
from khabar.normalize.core import process as normalize  # noqa: E402
from khabar.tag.core import process as tag  # noqa: E402
from khabar.tag.lexicon import (  # noqa: E402
    FACILITY_HEADS,
    FEATURE_HEADS,
    MEDIA_HEADS,
    NATIONALITY_STEMS,
    NOT_MISC,
    ORG_HEADS,
    _folded,
    fold_key,
)
from khabar.tag.ner_conll import cv_split, find_entities, format_scores, read_conll, score  # noqa: E402
from khabar.tag.rules import org_names  # noqa: E402

TRAIN_FILE = "data/anercorp/ANERCorp_CamelLab_train.txt"
TEST_FILE = "data/anercorp/ANERCorp_CamelLab_test.txt"
DEV_FRACTION = 0.1  # as scripts/train_ner.py
# Khabar's type -> ANERcorp's, as read_conll spells it (PERS is renamed PER on reading).
TYPE_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def load_split(shared: Path, split: str) -> list[tuple[list[str], list[str]]]:
    if split == "test":
        return read_conll(shared / TEST_FILE)
    train = read_conll(shared / TRAIN_FILE)
    if split == "cv":
        return train
    cut = int(len(train) * (1 - DEV_FRACTION))
    return train[cut:]


def cv_folds(data: list, models: Path, n_folds: int,
             only: list[int] | None = None) -> list[tuple[list, object]]:
    """``--split cv``: each block of train with the model that did not train on it.

    ``models/K`` holds the fold-K model of ``train_ner.py --fold K/N --out models/K``.
    """
    from khabar.tag.ner_model import NerModel

    return [(cv_split(data, k, n_folds)[1], NerModel.load(models / str(k)))
            for k in range(n_folds) if only is None or k in only]


def build_doc(ident: str, sentences: list[list[str]]) -> tuple[Doc, list[list[tuple[int, int]]]]:
    """One Doc for consecutive sentences, and each token's (start, end) in its text."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s, tokens in enumerate(sentences):
        if s:
            parts.append("\n")
            pos += 1
        spans = []
        for t, token in enumerate(tokens):
            if t:
                parts.append(" ")
                pos += 1
            parts.append(token)
            spans.append((pos, pos + len(token)))
            pos += len(token)
        offsets.append(spans)
    return Doc(id=ident, text="".join(parts)), offsets


def to_bio(entities: list[dict], offsets: list[list[tuple[int, int]]]) -> list[list[str]]:
    """Token BIO labels per sentence: a token overlapping an entity is inside it."""
    labels = [["O"] * len(spans) for spans in offsets]
    flat = [(s, t, a, b) for s, spans in enumerate(offsets) for t, (a, b) in enumerate(spans)]
    for ent in sorted(entities, key=lambda e: (e["start"], -e["end"])):
        kind = TYPE_MAP.get(ent["type"])
        if kind is None:
            continue
        hits = [(s, t) for s, t, a, b in flat if a < ent["end"] and ent["start"] < b]
        first = True
        prev_sent = None
        for s, t in hits:
            if labels[s][t] != "O":  # already claimed by an earlier entity
                first = True
                continue
            labels[s][t] = ("B-" if first or s != prev_sent else "I-") + kind
            first, prev_sent = False, s
    return labels


# --- ANERcorp mode -------------------------------------------------------------------
# Where ANERcorp's annotation differs from CONVENTIONS.md, learned from token tags in train[:90%].
#: Head nouns whose phrases ANERcorp annotates its own way ("وزارة الخارجية": nothing;
#: "حركة حماس": only حماس; "حزب الله": all of it; "ميناء حيفا": only حيفا), where ours always
#: keep the head (CONVENTIONS ORG and LOC). Which way each goes: `learn_head_rules`.
HEAD_CANDIDATES = ORG_HEADS | MEDIA_HEADS | FACILITY_HEADS | FEATURE_HEADS | _folded(
    "قوات حركة قطاع الجيش وزارة الشرطة البرلمان لجنة نهر قيادة شركة وكالة مفوضية سلاح")
_MIN_HEAD_COUNT = 5  # occurrences in train[:90%] before a head's own convention is trusted
_SHARE = 0.3  # share of occurrences that makes a reading ANERcorp's habit for that head
_TAIL_SHARE = 0.7  # share of O after a name that makes a word one ANERcorp leaves outside
#: Words Khabar never tags as MISC by convention (currencies, religions, God's name: CONVENTIONS
#: "Not tagged") that ANERcorp may tag as MISC; `learn_misc_words` keeps those it does tag so
#: in train (دولار B-MISC 88/88, الاسلام 42, الله 42 times).
MISC_CANDIDATES = NOT_MISC | _folded("شيكل فرنك الدولار اليورو الاسترليني الإسترليني الإسلام الاسلام "
                                     "المسيحية اليهودية البوذية")
_MISC_SHARE = 0.5  # tagged MISC in at least this share of its train occurrences
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def _bare(word: str) -> list[str]:
    """The folded word, and the word without one proclitic ("والدولار" -> "الدولار")."""
    key = fold_key(word)
    out = [key]
    if len(key) > 3 and key[0] in _PROCLITICS:
        out.append(key[1:])
    return out


def _nationality_adjective(word: str) -> bool:
    """"اللبناني", "الأميركية", "الافريقي": a nisba adjective of a known nationality."""
    key = fold_key(word)
    key = key[2:] if key.startswith("ال") else key
    for tail in ("يه", "ين", "ون"):
        if key.endswith(tail):
            key = key[:-2] + "ي"
            break
    return key in NATIONALITY_STEMS


def learn_head_rules(train: list[tuple[list[str], list[str]]]) -> dict[str, str]:
    """Per head noun, how ANERcorp tags a phrase it starts, from counts in ``train``:

    ``keep`` (the head opens the entity in >= _SHARE of its occurrences: "حزب", "جامعة"),
    ``strip`` (the next word opens it: "حركة", "قطاع", "شركة"), or ``drop`` (neither:
    "وزارة" 40/40, "الجيش" 74/77, "الشرطة" 50/50 are followed by O).
    """
    counts: dict[str, Counter[str]] = {}
    for tokens, tags in train:
        for i in range(len(tokens) - 1):
            heads = [k for k in _bare(tokens[i]) if k in HEAD_CANDIDATES]
            if not heads:
                continue
            reading = ("keep" if tags[i].startswith("B-") else
                       "strip" if tags[i] == "O" and tags[i + 1].startswith("B-") else
                       "drop" if tags[i] == "O" else None)
            if reading:
                counts.setdefault(heads[0], Counter())[reading] += 1
    rules = {}
    for head, seen in counts.items():
        n = sum(seen.values())
        if n >= _MIN_HEAD_COUNT:
            rules[head] = ("keep" if seen["keep"] >= _SHARE * n else
                           "strip" if seen["strip"] >= _SHARE * n else "drop")
    return rules


def learn_tail_words(train: list[tuple[list[str], list[str]]]) -> frozenset[str]:
    """Words ANERcorp leaves outside a name they follow, read off ``train`` counts: epithets
    such as "المكرمة" of "مكة المكرمة" (ours keep the whole gazetteer name). A word qualifies
    when, right after an entity token, it is O in >= _TAIL_SHARE of >= _MIN_HEAD_COUNT cases."""
    counts: dict[str, Counter[str]] = {}
    for tokens, tags in train:
        for i in range(len(tokens) - 1):
            if tags[i] != "O":
                key = fold_key(tokens[i + 1])
                counts.setdefault(key, Counter())[tags[i + 1].startswith("I-")] += 1
    return frozenset(k for k, c in counts.items()
                     if sum(c.values()) >= _MIN_HEAD_COUNT and c[False] >= _TAIL_SHARE * sum(c.values()))


@dataclass(frozen=True)
class Conventions:
    """ANERcorp's habits learned from train[:90%]: see learn_head_rules and learn_tail_words."""

    heads: dict[str, str]
    tails: frozenset[str]
    misc: frozenset[str]

    @classmethod
    def learn(cls, train: list[tuple[list[str], list[str]]]) -> Conventions:
        return cls(learn_head_rules(train), learn_tail_words(train), learn_misc_words(train))


def anercorp_entities(entities: list[dict], text: str, conventions: Conventions) -> list[dict]:
    """Stage entities rewritten to ANERcorp's conventions (scoring only, product untouched)."""
    head_rules, tail_words = conventions.heads, conventions.tails
    out = []
    for ent in entities:
        words = text[ent["start"]:ent["end"]].split(" ")
        if len(words) > 1 and fold_key(words[-1]) in tail_words:
            end = ent["end"] - len(words[-1]) - 1
            ent = {**ent, "end": end, "text": text[ent["start"]:end]}
        if ent["type"] == "MISC" and ent.get("origin") == "nationality":
            continue  # nationality nouns: O in ANERcorp (144 of 145 in train)
        if ent["type"] in ("ORG", "LOC"):
            words = text[ent["start"]:ent["end"]].split(" ")
            rule = next((head_rules[w] for w in _bare(words[0]) if w in head_rules), "keep")
            if len(words) > 1 and rule == "drop":
                if not _known_org(words[1:]):
                    continue
                rule = "strip"  # "قوات الأمم المتحدة": ANERcorp leaves out the head, tags the name
            if len(words) > 1 and rule == "strip":
                if all(_nationality_adjective(w) for w in words[1:]):
                    continue  # "الجيش اللبناني": ANERcorp tags nothing
                start = ent["start"] + len(words[0]) + 1
                ent = {**ent, "start": start, "text": text[start:ent["end"]]}
        out.append(ent)
    return out


def _known_org(words: list[str]) -> bool:
    """The words are one of Khabar's fixed organisation names ("الأمم المتحدة", "حزب الله")."""
    return fold_key(" ".join(words)) in org_names()[0]


def learn_misc_words(train: list[tuple[list[str], list[str]]]) -> frozenset[str]:
    """The MISC_CANDIDATES that ANERcorp tags as a one-word MISC in >= _MISC_SHARE of >=
    _MIN_HEAD_COUNT train occurrences outside other names (any proclitic read off)."""
    counts: dict[str, Counter[bool]] = {}
    for tokens, tags in train:
        for i, token in enumerate(tokens):
            for key in _bare(token):
                alone = tags[i] == "B-MISC" and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
                if key in MISC_CANDIDATES and (alone or tags[i] == "O"):  # not inside "عبد الله"
                    counts.setdefault(key, Counter())[alone] += 1
    return frozenset(k for k, c in counts.items()
                     if sum(c.values()) >= _MIN_HEAD_COUNT and c[True] >= _MISC_SHARE * sum(c.values()))


def anercorp_tokens(tokens: list[str], labels: list[str], misc_words: frozenset[str]) -> list[str]:
    """Untagged words that ANERcorp tags as MISC by habit (currencies, religions, "الله")."""
    labels = list(labels)
    for i, token in enumerate(tokens):
        if labels[i] == "O" and any(w in misc_words for w in _bare(token)):
            labels[i] = "B-MISC"
    return labels


def run_stage(data: list[tuple[list[str], list[str]]], chunk: int, conventions: Conventions | None,
              tagger: object | None = None) -> list[list[str]]:
    """BIO labels from the stage; ``conventions`` None scores Khabar's own spans (``--raw``)."""
    aner = conventions is not None
    predicted: list[list[str]] = []
    for k in range(0, len(data), chunk):
        sentences = [tokens for tokens, _ in data[k:k + chunk]]
        doc, offsets = build_doc(f"anercorp-{k}", sentences)
        doc = tag(normalize(doc), tagger=tagger)  # type: ignore[arg-type]
        entities = anercorp_entities(doc.entities, doc.text, conventions) if conventions is not None \
            else doc.entities
        labels = to_bio(entities, offsets)
        if aner:
            labels = [anercorp_tokens(tokens, lab, conventions.misc)  # type: ignore[union-attr]
                      for tokens, lab in zip(sentences, labels, strict=True)]
        predicted += labels
    return predicted


def show_differences(data, predicted, limit: int) -> None:
    """Print the commonest false positives and misses (by type and surface) for dev analysis."""
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (tokens, gold), pred in zip(data, predicted, strict=True):
        g, p = find_entities(gold), find_entities(pred)
        for a, b, kind in p - g:
            fp[f"{kind} {' '.join(tokens[a:b])}"] += 1
        for a, b, kind in g - p:
            fn[f"{kind} {' '.join(tokens[a:b])}"] += 1
    print("false positives:", *(f"  {n} {k}" for k, n in fp.most_common(limit)), sep="\n")
    print("misses:", *(f"  {n} {k}" for k, n in fn.most_common(limit)), sep="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", choices=("dev", "test", "cv"), default="dev",
                        help="cv: all of train, each block tagged by the --cv-models model that held it out")
    parser.add_argument("--cv-models", type=Path, default=ROOT / "out" / "ner" / "cv")
    parser.add_argument("--cv-folds", default="5", help="N, or N:K,K... to score only some folds")
    parser.add_argument("--rules", action=argparse.BooleanOptionalAction, default=True,
                        help="full tag stage (default) or the sequence model alone")
    parser.add_argument("--chunk", type=int, default=10, help="sentences per Doc")
    parser.add_argument("--raw", action="store_true", help="skip the ANERcorp-mode mapping")
    parser.add_argument("--diff", type=int, default=0, help="show the N commonest errors")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    data = load_split(args.shared, args.split)
    train = read_conll(args.shared / TRAIN_FILE)
    conventions = None if args.raw else Conventions.learn(train[:int(len(train) * (1 - DEV_FRACTION))])
    start = time.perf_counter()
    if args.split == "cv":
        n_folds, _, some = args.cv_folds.partition(":")
        only = [int(k) for k in some.split(",")] if some else None
        folds = cv_folds(data, args.cv_models, int(n_folds), only)
        data = [sent for block, _ in folds for sent in block]
        predicted = [lab for block, model in folds for lab in (
            run_stage(block, args.chunk, conventions, model) if args.rules
            else model.predict([tokens for tokens, _ in block]))]  # type: ignore[attr-defined]
    elif args.rules:
        predicted = run_stage(data, args.chunk, conventions)
    else:  # the model is trained on ANERcorp: its output needs no mapping
        from khabar.tag.ner_model import NerModel
        predicted = NerModel.load(None).predict([tokens for tokens, _ in data])
    seconds = time.perf_counter() - start
    scores = score([tags for _, tags in data], predicted)
    mode = args.rules and not args.raw
    print(f"split={args.split} rules={args.rules} chunk={args.chunk} anercorp_mode={mode}")
    print(format_scores(scores))
    print(f"{len(data)} sentences in {seconds:.1f} s")
    if args.diff:
        show_differences(data, predicted, args.diff)
    if args.out:
        args.out.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
