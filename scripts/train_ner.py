"""Train Khabar's named-entity model (issue 4) and write it to services/khabar/tag/model/.

Run:
    .venv-train/bin/python scripts/train_ner.py --shared ../shared --out services/khabar/tag/model

The model is a BiLSTM-CRF over frozen word2vec vectors (full form + prefix-stripped stem)
and a character CNN. Only the emission network is exported to ONNX; the CRF transitions
go to ``transitions.npy`` and serving decodes them with numpy Viterbi, so the run-time
needs onnxruntime and numpy, never torch.

Steps (each cached in ``--work``, default ``out/ner``, so a rerun skips finished ones):
1. word2vec (skip-gram, 100 dims) on the normalized news corpus plus train tokens.
2. Tune: train on the first 90% of train sentences, pick the epoch count on the last 10%.
3. Final: retrain on all of train for that many epochs, export ONNX, score dev and test.
The test split is only scored at the end and is never used to choose anything.

Training env (torch is training-only and lives apart from the project env):
    uv venv --python 3.11 .venv-train
    uv pip install --python .venv-train/bin/python torch==2.15.0 gensim==4.4.0 onnx==1.23.2 \
        onnxruntime==1.32.0 numpy==2.4.6
PyPI's Linux torch wheel needs its nvidia-* dependencies just to import (``--no-deps`` fails
with ``libcudart.so.13`` missing), so the plain install is used; it runs on CPU here.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from khabar.tag.ner_conll import format_scores, read_conll, score  # noqa: E402
from khabar.tag.ner_features import TokenEncoder, normalize_word, split_sentences, tokenize_text  # noqa: E402

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
TRAIN_FILE = "data/anercorp/ANERCorp_CamelLab_train.txt"
TEST_FILE = "data/anercorp/ANERCorp_CamelLab_test.txt"
NEWS_FILE = "data/news/ant_multisource_politics.jsonl"
DEV_FRACTION = 0.1


def read_news_sentences(shared: Path) -> list[list[str]]:
    """Normalized token lists, one per paragraph of each news article."""
    sentences = []
    with open(shared / NEWS_FILE, encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            for para in (article["title"] + "\n" + article["text"]).split("\n"):
                tokens = [normalize_word(t) for t in tokenize_text(para)]
                if tokens:
                    sentences.append(tokens)
    return sentences


def train_vectors(shared: Path, work: Path) -> Path:
    """Step 1: skip-gram vectors on news + train text; saved as a gensim KeyedVectors file."""
    target = work / "w2v.kv"
    if target.exists():
        return target
    from gensim.models import Word2Vec

    sentences = read_news_sentences(shared)
    sentences += [[normalize_word(t) or t for t in toks] for toks, _ in read_conll(shared / TRAIN_FILE)]
    model = Word2Vec(
        sentences, vector_size=100, window=5, min_count=3, sg=1, negative=5, workers=2, epochs=8, seed=1
    )
    model.wv.save(str(target))
    return target


def build_vocab(kv_path: Path, train: list) -> tuple[list[str], np.ndarray, list[str]]:
    """Words (PAD, UNK, then word2vec order), their unit-scaled vectors, and the char list."""
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(kv_path))
    words = ["<pad>", "<unk>", *kv.index_to_key]
    vectors = np.zeros((len(words), kv.vector_size), dtype=np.float32)
    raw = kv.vectors / np.linalg.norm(kv.vectors, axis=1, keepdims=True)
    vectors[2:] = raw * np.sqrt(kv.vector_size) * 0.2
    char_counts: dict[str, int] = {}
    for tokens, _ in train:
        for token in tokens:
            for char in normalize_word(token):
                char_counts[char] = char_counts.get(char, 0) + 1
    chars = ["<pad>", "<unk>", *sorted(c for c, n in char_counts.items() if n >= 2)]
    return words, vectors, chars


def encode(encoder: TokenEncoder, data: list) -> list[tuple]:
    """Per sentence: (word ids, stem ids, char ids, tag ids) as numpy arrays."""
    out = []
    for tokens, tags in data:
        batch = encoder.encode_batch([tokens])
        out.append(
            (
                batch["words"][0],
                batch["stems"][0],
                batch["chars"][0],
                np.array([TAGS.index(t) for t in tags], dtype=np.int64),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=Path("out/ner"))
    parser.add_argument("--max-epochs", type=int, default=20)
    parser.add_argument("--silver", type=int, default=0, help="news sentences for self-training")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    import ner_torch  # training-only module beside this script (imports torch)

    kv_path = train_vectors(args.shared, args.work)
    train_all = read_conll(args.shared / TRAIN_FILE)
    cut = int(len(train_all) * (1 - DEV_FRACTION))
    words, vectors, chars = build_vocab(kv_path, train_all)
    encoder = TokenEncoder(words, chars)
    train_part, dev_part = encode(encoder, train_all[:cut]), encode(encoder, train_all[cut:])
    dev_gold = [tags for _, tags in train_all[cut:]]

    def run_round(name: str, data: list[tuple]) -> tuple[Path, list[float]]:
        folder = args.work / name
        if (folder / "history.json").exists():  # finished by an earlier run with these settings
            return folder, json.loads((folder / "history.json").read_text())
        model = ner_torch.make_model(vectors, len(chars), len(TAGS))
        history = ner_torch.fit(model, data, args.max_epochs, dev_part, dev_gold, TAGS)
        print(f"{name}: best dev F1 {max(history):.2f} at epoch {int(np.argmax(history)) + 1}", flush=True)
        folder.mkdir(exist_ok=True)
        ner_torch.export(model, folder, words, chars, TAGS)
        (folder / "history.json").write_text(json.dumps(history))
        return folder, history

    rounds = {"gold": run_round("gold", train_part)}
    if args.silver:
        silver = tag_silver(args.shared, rounds["gold"][0], args.silver)
        rounds["gold+silver"] = run_round("gold+silver", train_part + encode(encoder, silver))
    best = max(rounds, key=lambda name: max(rounds[name][1]))
    for name in ("model.onnx", "transitions.npz", "vocab.json"):
        shutil.copy(rounds[best][0] / name, args.out / name)
    report(args, best, {name: history for name, (_, history) in rounds.items()}, train_all[cut:])


def tag_silver(shared: Path, model_dir: Path, count: int) -> list[tuple[list[str], list[str]]]:
    """Self-training data: ``count`` news sentences (5-60 tokens) labelled by an earlier round."""
    from khabar.tag.ner_model import NerModel

    sentences: list[list[str]] = []
    with open(shared / NEWS_FILE, encoding="utf-8") as fh:
        for line in reversed(fh.readlines()):
            for sentence in split_sentences(json.loads(line)["text"]):
                if 5 <= len(sentence) <= 60:
                    sentences.append(sentence)
            if len(sentences) >= count:
                break
    labels = NerModel.load(model_dir, threads=2).predict(sentences[:count])
    return list(zip(sentences[:count], labels, strict=True))


def report(args: argparse.Namespace, best: str, histories: dict[str, list[float]], dev: list) -> None:
    """Score the exported model with the serving code and write metrics.json and PROVENANCE.md."""
    from khabar.tag.ner_model import NerModel

    model = NerModel.load(args.out)
    dev_scores = score([tags for _, tags in dev], model.predict([tokens for tokens, _ in dev]))
    test = read_conll(args.shared / TEST_FILE)
    start = time.perf_counter()
    test_pred = model.predict([tokens for tokens, _ in test])
    seconds = time.perf_counter() - start
    test_scores = score([tags for _, tags in test], test_pred)
    metrics = {
        "chosen_round": best,
        "dev_f1_by_epoch": histories,
        "dev_best_f1": {name: max(history) for name, history in histories.items()},
        "dev": dev_scores,
        "test": test_scores,
        "test_tokens_per_second": round(sum(len(t) for t, _ in test) / seconds),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(format_scores(test_scores))
    write_provenance(args, metrics)


def write_provenance(args: argparse.Namespace, metrics: dict) -> None:
    """Record data, licence, command, date and scores next to the model files."""
    from khabar.tag.ner_conll import format_scores as fmt

    text = f"""# NER model provenance

- Trained: {datetime.date.today().isoformat()} by `scripts/train_ner.py`
- Command: `.venv-train/bin/python scripts/train_ner.py --shared {args.shared} --out {args.out} \\
  --max-epochs {args.max_epochs} --silver {args.silver}`
- Labelled data: ANERcorp, CAMeL Lab train/test split (Benajiba et al. 2007; Obeid et al. 2020),
  CC BY-SA 4.0. The model is a derived work and is released under the same licence.
  Tuning used the last {int(DEV_FRACTION * 100)}% of train sentences as held-out dev; the test split was
  scored only after training.
- Word vectors: word2vec skip-gram, 100 dims, trained here on the normalized text of the ANT
  multi-source politics news subset (16,893 articles, 2018) plus ANERcorp train tokens.
- Architecture: frozen word vectors (full form + prefix-stripped stem) and a char CNN into a
  BiLSTM, CRF transitions decoded with numpy Viterbi at run time (no torch).
- Rounds tried, best held-out dev F1 of each: {metrics["dev_best_f1"]}; kept: {metrics["chosen_round"]}.
  "gold" trains on 90% of train; "gold+silver" adds news sentences labelled by the gold
  round (self-training). Each round keeps its best epoch on held-out dev.

## Held-out dev (last {int(DEV_FRACTION * 100)}% of train sentences)

```
{fmt(metrics["dev"])}
```

## Test (ANERCorp_CamelLab_test.txt, conlleval mode, 2,285 entities)

```
{fmt(metrics["test"])}
```
"""
    (args.out / "PROVENANCE.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
