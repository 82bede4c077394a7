"""Training-only: pretrain a tagger's char CNN and BiLSTM as a two-way language model on news.

Why: 56% of ANERcorp test entities never occur in train, and the tagger's encoder otherwise
learns from ~117k labelled tokens only. Reading millions of unlabelled news tokens and
predicting each neighbour (forward LSTM: the next word, backward LSTM: the previous one),
ELMo-style, teaches the same layers which contexts come before and after names. It costs
nothing at serving time: the tagger keeps its shape and is fine-tuned from these weights.

The targets are k-means clusters of the word2vec vectors plus one class for words outside
the vocabulary: a softmax over the whole vocabulary is too slow on two CPU cores, and a
cluster of skip-gram vectors already says "a given name", "a city", "a reporting verb".
Imported by ``scripts/train_ner.py``; nothing under ``services/`` imports torch.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import ner_torch
import numpy as np
import torch
from torch import nn

IGNORE = -100
# Parameters the language model trains and the tagger starts from; the output layer and the
# CRF are the tagger's own, and the word table stays the shared frozen word2vec table.
ENCODER_PREFIXES = ("char_emb.", "char_cnn.", "forward_lstm.", "backward_lstm.")


def cluster_targets(vectors: np.ndarray, k: int, seed: int = 1, iterations: int = 12) -> np.ndarray:
    """Class per word id: its k-means cluster (spherical, on unit vectors); UNK is class k, PAD ignored."""
    unit = torch.from_numpy(vectors[2:]).float()
    unit = unit / unit.norm(dim=1, keepdim=True).clamp_min(1e-6)
    gen = torch.Generator().manual_seed(seed)
    centres = unit[torch.randperm(len(unit), generator=gen)[:k]].clone()
    for _ in range(iterations):
        assign = torch.cat([(chunk @ centres.T).argmax(1) for chunk in unit.split(8192)])
        sums = torch.zeros_like(centres).index_add_(0, assign, unit)
        counts = torch.bincount(assign, minlength=k).unsqueeze(1)
        empty = counts.squeeze(1) == 0
        sums[empty] = unit[torch.randint(len(unit), (int(empty.sum()),), generator=gen)]
        centres = sums / sums.norm(dim=1, keepdim=True).clamp_min(1e-6)
    targets = np.empty(len(vectors), dtype=np.int64)
    targets[0], targets[1] = IGNORE, k
    targets[2:] = assign.numpy()
    return targets


class LanguageModel(nn.Module):
    """The tagger's encoder with one class-prediction head per direction."""

    def __init__(self, tagger: ner_torch.Tagger, n_classes: int, dropout: float = 0.2) -> None:
        super().__init__()
        self.tagger = tagger
        hidden = tagger.forward_lstm.hidden_size
        self.next_head = nn.Linear(hidden, n_classes)
        self.prev_head = nn.Linear(hidden, n_classes)
        self.dropout = dropout

    def loss(self, batch: dict[str, torch.Tensor], targets: torch.Tensor) -> torch.Tensor:
        tagger = self.tagger
        word_x = tagger.vectors[ner_torch.drop_words(batch["words"])].float()
        stem_x = tagger.vectors[ner_torch.drop_words(batch["stems"])].float()
        fwd, bwd = tagger.states(word_x, stem_x, batch["chars"], batch["rev_index"])
        fwd = nn.functional.dropout(fwd, self.dropout, self.training)
        bwd = nn.functional.dropout(bwd, self.dropout, self.training)
        next_logits = self.next_head(fwd[:, :-1])
        prev_logits = self.prev_head(bwd[:, 1:])
        n_classes = next_logits.shape[2]
        loss_next = nn.functional.cross_entropy(
            next_logits.reshape(-1, n_classes), targets[:, 1:].reshape(-1), ignore_index=IGNORE
        )
        loss_prev = nn.functional.cross_entropy(
            prev_logits.reshape(-1, n_classes), targets[:, :-1].reshape(-1), ignore_index=IGNORE
        )
        return (loss_next + loss_prev) / 2


def pretrain(
    tagger: ner_torch.Tagger,
    data: list[tuple],
    word_classes: np.ndarray,
    epochs: int,
    batch_size: int = 64,
    lr: float = 2e-3,
    seed: int = 7,
) -> None:
    """Train the tagger's encoder in place on ``data`` (word, stem, char id arrays per sentence)."""
    n_classes = int(word_classes.max()) + 1
    torch.manual_seed(seed)
    lm = LanguageModel(tagger, n_classes)
    saved_dropout = tagger.drop.p
    tagger.drop.p = lm.dropout
    params = [p for p in lm.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    rng = random.Random(seed)
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    classes = torch.from_numpy(word_classes)
    lm.train()
    for epoch in range(epochs):
        rng.shuffle(batches)
        start, total, tokens = time.perf_counter(), 0.0, 0
        for step, idx in enumerate(batches, 1):
            items = [(*data[i], np.zeros(len(data[i][0]), dtype=np.int64)) for i in idx]
            batch = ner_torch.make_batch(items)
            ignored = torch.full_like(batch["words"], IGNORE)
            targets = torch.where(batch["mask"] > 0, classes[batch["words"]], ignored)
            loss = lm.loss(batch, targets)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += loss.item()
            tokens += int(batch["mask"].sum())
            if step % 500 == 0:
                rate = tokens / (time.perf_counter() - start)
                print(f"lm epoch {epoch + 1} step {step}/{len(batches)} loss {total / step:.3f}",
                      f"{rate:.0f} tok/s", flush=True)
        seconds = time.perf_counter() - start
        print(f"lm epoch {epoch + 1} loss {total / len(batches):.3f} {seconds:.0f}s", flush=True)
    tagger.drop.p = saved_dropout


def encoder_state(tagger: ner_torch.Tagger) -> dict[str, torch.Tensor]:
    return {k: v for k, v in tagger.state_dict().items() if k.startswith(ENCODER_PREFIXES)}


def load_encoder(tagger: ner_torch.Tagger, path: Path) -> None:
    """Start a tagger from a pretrained encoder (its head and CRF stay freshly initialised)."""
    state = torch.load(path)
    missing = [k for k in encoder_state(tagger) if k not in state]
    if missing:
        raise ValueError(f"{path} lacks encoder weights {missing}")
    tagger.load_state_dict(state, strict=False)
