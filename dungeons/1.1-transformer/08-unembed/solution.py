"""Reference solution: Unembed.

Map the final residual stream to logits over the vocabulary.
"""

from dataclasses import dataclass

import einops
import torch as t
import torch.nn as nn
from jaxtyping import Float
from torch import Tensor


@dataclass
class Config:
    d_model: int = 768
    debug: bool = True
    layer_norm_eps: float = 1e-5
    d_vocab: int = 50257
    init_range: float = 0.02
    n_ctx: int = 1024
    d_head: int = 64
    d_mlp: int = 3072
    n_heads: int = 12
    n_layers: int = 12


class Unembed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_U = nn.Parameter(t.empty((cfg.d_model, cfg.d_vocab)))
        nn.init.normal_(self.W_U, std=self.cfg.init_range)
        self.b_U = nn.Parameter(t.zeros((cfg.d_vocab), requires_grad=False))

    def forward(self, normalized_resid_final: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_vocab"]:
        """(batch, posn, d_model) -> logits (batch, posn, d_vocab): x @ W_U + b_U."""
        return einops.einsum(normalized_resid_final, self.W_U, "b p d, d v -> b p v") + self.b_U
