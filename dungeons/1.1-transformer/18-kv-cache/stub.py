"""Room: KV cache.

Three pieces, in this order: `Attention.forward` keeps each layer's keys and values,
`DemoTransformer.forward` runs only the new tokens (at the right positions), and
`sample_with_cache` feeds the model one token per step.

Given here: the cache's shapes, `empty_kv_cache`, and the `TransformerBlock` that hands a
layer's cache entry to its attention. Config, LayerNorm, MLP, Embed, PosEmbed, Unembed and
the plain Attention (your earlier rooms) are given in transformer_blocks.py, next to this file.
"""

import einops
import torch as t
import torch.nn as nn
from jaxtyping import Float, Int
from torch import Tensor
from transformer_blocks import MLP, Config, Embed, LayerNorm, PosEmbed, Unembed
from transformer_blocks import Attention as PlainAttention

# One layer's cache: keys [0] and values [1] of every position seen so far.
KeyValueCacheTensor = Float[Tensor, "2 batch seq_len n_heads d_head"]
# The whole model's cache: one entry per layer.
KeyValueCache = Float[Tensor, "n_layers 2 batch seq_len n_heads d_head"]


def empty_kv_cache(cfg: Config, batch: int = 1) -> KeyValueCache:
    """Given: a cache that holds no positions yet, shape (n_layers, 2, batch, 0, n_heads, d_head)."""
    return t.zeros(cfg.n_layers, 2, batch, 0, cfg.n_heads, cfg.d_head)


class Attention(PlainAttention):
    """Same parameters (W_Q, ..., b_O, IGNORE) as the plain Attention of the earlier rooms."""

    def forward(
        self, normalized_resid_pre: Float[Tensor, "batch new d_model"], kv_cache_entry: KeyValueCacheTensor
    ) -> tuple[Float[Tensor, "batch new d_model"], KeyValueCacheTensor]:
        """Attention for `new` positions that come after the `past` ones in the cache.

        normalized_resid_pre: (batch, new, d_model), the new positions only.
        kv_cache_entry: (2, batch, past, n_heads, d_head), keys and values of the past positions.
        Returns (out: (batch, new, d_model), new entry: (2, batch, past + new, n_heads, d_head)).
        New query i sits at position past + i: it sees keys 0..past + i, no later ones.
        """
        raise NotImplementedError


class TransformerBlock(nn.Module):
    """Given: the block of room 7, passing each layer's cache entry through its attention."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.ln1, self.attn, self.ln2, self.mlp = LayerNorm(cfg), Attention(cfg), LayerNorm(cfg), MLP(cfg)

    def forward(self, resid_pre, kv_cache_entry):
        attn_out, kv_cache_entry = self.attn(self.ln1(resid_pre), kv_cache_entry)
        resid_mid = resid_pre + attn_out
        return resid_mid + self.mlp(self.ln2(resid_mid)), kv_cache_entry


class DemoTransformer(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.embed = Embed(cfg)
        self.pos_embed = PosEmbed(cfg)
        self.blocks = nn.ModuleList([TransformerBlock(cfg) for _ in range(cfg.n_layers)])
        self.ln_final = LayerNorm(cfg)
        self.unembed = Unembed(cfg)

    def forward(
        self, tokens: Int[Tensor, "batch new"], kv_cache: KeyValueCache
    ) -> tuple[Float[Tensor, "batch new d_vocab"], KeyValueCache]:
        """tokens: (batch, new), only the tokens after the `past` ones already in kv_cache.

        kv_cache: (n_layers, 2, batch, past, n_heads, d_head).
        Returns (logits: (batch, new, d_vocab), new cache: (n_layers, 2, batch, past + new, ...)).
        """
        raise NotImplementedError


def sample_with_cache(model: nn.Module, tokenizer, prompt: str, max_tokens_generated: int = 100) -> str:
    """Greedy decoding with a KV cache: the same text as the plain loop, less work.

    model(tokens: (1, new), kv_cache) -> (logits: (1, new, d_vocab), kv_cache); model.cfg.
    First call: the whole prompt with empty_kv_cache(model.cfg). Every later call: only the
    token just chosen, shape (1, 1). Stop after eos_token_id or max_tokens_generated tokens.
    Returns tokenizer.decode(prompt + generated tokens).
    """
    raise NotImplementedError
