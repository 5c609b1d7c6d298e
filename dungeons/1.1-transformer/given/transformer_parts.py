"""transformer_parts: the configuration and the sublayers of rooms 1-6.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). `Config` (GPT-2's sizes by default) and working
`LayerNorm`, `Attention` (with its causal mask) and `MLP`, with GPT-2's parameter names.
"""

from dataclasses import dataclass

import einops
import torch as t
import torch.nn as nn
import torch.nn.functional as F
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


# ---- Given: the modules you wrote in the earlier rooms ------------------------------


class LayerNorm(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.w = nn.Parameter(t.ones(cfg.d_model))
        self.b = nn.Parameter(t.zeros(cfg.d_model))

    def forward(self, residual: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        mean = residual.mean(dim=-1, keepdim=True)
        var = residual.var(dim=-1, keepdim=True, unbiased=False)
        return (residual - mean) / (var + self.cfg.layer_norm_eps).sqrt() * self.w + self.b


class Attention(nn.Module):
    IGNORE: Float[Tensor, ""]

    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_Q = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_K = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_V = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_O = nn.Parameter(t.empty((cfg.n_heads, cfg.d_head, cfg.d_model)))
        self.b_Q = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_K = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_V = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_O = nn.Parameter(t.zeros((cfg.d_model)))
        for W in (self.W_Q, self.W_K, self.W_V, self.W_O):
            nn.init.normal_(W, std=self.cfg.init_range)
        self.register_buffer("IGNORE", t.tensor(float("-inf"), dtype=t.float32))

    def forward(self, normalized_resid_pre: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        x = normalized_resid_pre
        q = einops.einsum(x, self.W_Q, "b p d, h d e -> b p h e") + self.b_Q
        k = einops.einsum(x, self.W_K, "b p d, h d e -> b p h e") + self.b_K
        v = einops.einsum(x, self.W_V, "b p d, h d e -> b p h e") + self.b_V
        attn_scores = einops.einsum(q, k, "b q h e, b k h e -> b h q k") / self.cfg.d_head**0.5
        attn_pattern = self.apply_causal_mask(attn_scores).softmax(dim=-1)
        z = einops.einsum(attn_pattern, v, "b h q k, b k h e -> b q h e")
        return einops.einsum(z, self.W_O, "b q h e, h e d -> b q d") + self.b_O

    def apply_causal_mask(
        self, attn_scores: Float[Tensor, "batch n_heads query_pos key_pos"]
    ) -> Float[Tensor, "batch n_heads query_pos key_pos"]:
        q_len, k_len = attn_scores.shape[-2:]
        future = t.triu(t.ones(q_len, k_len, dtype=t.bool, device=attn_scores.device), diagonal=1)
        return attn_scores.masked_fill(future, self.IGNORE)


class MLP(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_in = nn.Parameter(t.empty((cfg.d_model, cfg.d_mlp)))
        self.W_out = nn.Parameter(t.empty((cfg.d_mlp, cfg.d_model)))
        self.b_in = nn.Parameter(t.zeros((cfg.d_mlp)))
        self.b_out = nn.Parameter(t.zeros((cfg.d_model)))
        nn.init.normal_(self.W_in, std=self.cfg.init_range)
        nn.init.normal_(self.W_out, std=self.cfg.init_range)

    def forward(self, normalized_resid_mid: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        pre = einops.einsum(normalized_resid_mid, self.W_in, "b p d, d m -> b p m") + self.b_in
        post = F.gelu(pre, approximate="tanh")
        return einops.einsum(post, self.W_out, "b p m, m d -> b p d") + self.b_out

