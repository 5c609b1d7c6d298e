"""Oracles and fixtures the 1.4 rooms' tests share (never imported by the player).

Each oracle is written the slow, obvious way (loops over prompts, heads and positions)
so that it stands apart from the vectorised reference solutions.
"""

from __future__ import annotations

import torch
from torch import Tensor

import ioi_dataset as ioi
import tiny_lens


def random_model(seed: int, n_layers: int = 2, n_heads: int = 3) -> tiny_lens.HookedTransformer:
    """An untrained model with the IOI vocabulary: patching results are arbitrary numbers,
    so an answer tuned to the trained model's circuit cannot pass."""
    torch.manual_seed(seed)
    cfg = tiny_lens.Config(n_layers=n_layers, n_heads=n_heads, d_model=24, d_head=8,
                           n_ctx=ioi.SEQ_LEN + 1, d_vocab=len(ioi.VOCAB), init_range=0.4)
    model = tiny_lens.HookedTransformer(cfg).eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def logit_diff_loop(logits: Tensor, answer_tokens: Tensor) -> Tensor:
    """(batch,) logit(correct) - logit(wrong) at the last position, one prompt at a time."""
    out = torch.zeros(logits.shape[0])
    for i in range(logits.shape[0]):
        out[i] = logits[i, -1, answer_tokens[i, 0]] - logits[i, -1, answer_tokens[i, 1]]
    return out


def head_grid(values: Tensor) -> str:
    """'0.0 +0.12  0.1 ...' one layer per '; '."""
    return "; ".join("  ".join(f"{l}.{h} {values[l, h]:+.2f}" for h in range(values.shape[1]))
                     for l in range(values.shape[0]))
