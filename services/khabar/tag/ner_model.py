"""Run-time named-entity tagger: ONNX emissions plus numpy Viterbi, no torch.

The model files in ``model/`` are written by ``scripts/train_ner.py`` (see
``model/PROVENANCE.md``). Input is already-tokenized text, tokens as ANERcorp writes them
(clitics attached); output is one BIO label per token with types PER, LOC, ORG, MISC.

Sentences are sorted by length and run in batches, so padding stays small and one
onnxruntime call covers many sentences. The LSTM and linear weights are int8 with
activations quantized per call (onnxruntime dynamic quantization), so a sentence's labels
can differ slightly with the batch it lands in; on held-out dev the effect was 0.3 F1.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort

from khabar.tag.ner_features import TokenEncoder

MODEL_DIR = Path(__file__).resolve().parent / "model"
_BATCH_TOKENS = 8192
_MAX_BATCH = 512
_MAX_WIDTH_RATIO = 1.5
_MIN_BATCH_TOKENS = 64


class NerModel:
    """A loaded tagger; ``predict`` maps token lists to BIO label lists."""

    def __init__(
        self,
        session: ort.InferenceSession,
        encoder: TokenEncoder,
        tags: list[str],
        crf: dict[str, np.ndarray],
    ) -> None:
        self._session = session
        self._encoder = encoder
        self._tags = tags
        self._trans = crf["transitions"].astype(np.float32)
        self._start = crf["start"].astype(np.float32)
        self._end = crf["end"].astype(np.float32)

    @classmethod
    def load(cls, path: Path | None = None, threads: int = 1) -> NerModel:
        """Load the model from ``path`` (default: the committed ``model/`` folder).

        ``threads`` sets onnxruntime's intra-op threads; one is what the stage runs with.
        """
        folder = Path(path) if path is not None else MODEL_DIR
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        with np.load(folder / "transitions.npz") as crf:
            arrays = {k: crf[k] for k in ("transitions", "start", "end")}
        return cls(session, TokenEncoder(vocab["words"], vocab["chars"]), vocab["tags"], arrays)

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        """Label every token of every sentence.

        Args:
            sentences: token lists; empty sentences are allowed.

        Returns:
            One list of BIO labels (``O``, ``B-PER``, ``I-LOC``, ...) per input sentence.
        """
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for batch in _make_batches(order, sentences):
            paths = self._predict_batch([sentences[i] for i in batch])
            for i, path in zip(batch, paths, strict=True):
                out[i] = [self._tags[j] for j in path]
        return out

    def _predict_batch(self, batch: list[list[str]]) -> list[np.ndarray]:
        inputs = self._encoder.encode_batch(batch)
        lengths = np.array([len(s) for s in batch])
        width = inputs["words"].shape[1]
        rev = np.tile(np.arange(width), (len(batch), 1))
        for row, n in enumerate(lengths):
            rev[row, :n] = np.arange(n - 1, -1, -1)
        inputs["rev_index"] = rev
        (emissions,) = self._session.run(None, inputs)
        return decode_viterbi(emissions, lengths, self._trans, self._start, self._end)


def _make_batches(order: list[int], sentences: list[list[str]]) -> list[list[int]]:
    """Group length-sorted sentence indices into batches that waste little on padding.

    A batch closes when it would exceed _BATCH_TOKENS padded tokens or _MAX_BATCH rows, or
    when the next sentence is more than _MAX_WIDTH_RATIO times as long as the batch's shortest
    (once the batch holds _MIN_BATCH_TOKENS real tokens). One story's sentences range from a
    few words to long paragraphs: padding all of them to the longest doubled the LSTM's work
    (measured on 400 news stories), while an extra onnxruntime call costs far less.
    """
    batches: list[list[int]] = []
    current: list[int] = []
    shortest = real = 0
    for i in order:
        n = len(sentences[i])
        # order is ascending, so the newest sentence is the widest in the batch.
        if current and ((len(current) + 1) * n > _BATCH_TOKENS or len(current) >= _MAX_BATCH
                        or (n > _MAX_WIDTH_RATIO * shortest and real >= _MIN_BATCH_TOKENS)):
            batches.append(current)
            current = []
        if not current:
            shortest, real = n, 0
        current.append(i)
        real += n
    if current:
        batches.append(current)
    return batches


def decode_viterbi(
    emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[np.ndarray]:
    """Best tag path per sentence under a linear-chain CRF, vectorized over the batch.

    Padded steps (t >= length) copy the score forward unchanged, so one pass serves every
    length in the batch.
    """
    batch, width, n_tags = emissions.shape
    score = start + emissions[:, 0]
    back = np.zeros((width, batch, n_tags), dtype=np.int64)
    identity = np.broadcast_to(np.arange(n_tags), (batch, n_tags))
    uniform = bool((lengths == width).all())
    for t in range(1, width):
        cand = score[:, :, None] + trans
        best_prev = cand.argmax(axis=1)
        new = cand.max(axis=1) + emissions[:, t]
        if uniform:
            score, back[t] = new, best_prev
            continue
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[t] = np.where(live, best_prev, identity)
    last = (score + end).argmax(axis=1)
    path = np.zeros((batch, width), dtype=np.int64)
    path[:, width - 1] = last
    rows = np.arange(batch)
    for t in range(width - 1, 0, -1):
        path[:, t - 1] = back[t][rows, path[:, t]]
    return [path[row, :n] for row, n in enumerate(lengths)]
