"""Reference solution: a KV cache for DemoTransformer.

Attention that keeps each layer's keys and values, a model that runs only the new tokens,
and a greedy sampler that feeds one token per step.
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
        x = normalized_resid_pre
        q = einops.einsum(x, self.W_Q, "b p d, h d e -> b p h e") + self.b_Q
        k = einops.einsum(x, self.W_K, "b p d, h d e -> b p h e") + self.b_K
        v = einops.einsum(x, self.W_V, "b p d, h d e -> b p h e") + self.b_V
        k = t.cat([kv_cache_entry[0], k], dim=1)          # (batch, past + new, n_heads, d_head)
        v = t.cat([kv_cache_entry[1], v], dim=1)
        attn_scores = einops.einsum(q, k, "b q h e, b k h e -> b h q k") / self.cfg.d_head**0.5
        n_new, n_all = attn_scores.shape[-2:]
        future = t.triu(t.ones(n_new, n_all, dtype=t.bool), diagonal=n_all - n_new + 1)
        attn_pattern = attn_scores.masked_fill(future, self.IGNORE).softmax(dim=-1)
        z = einops.einsum(attn_pattern, v, "b h q k, b k h e -> b q h e")
        out = einops.einsum(z, self.W_O, "b q h e, h e d -> b q d") + self.b_O
        return out, t.stack([k, v])


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
        past = kv_cache.shape[3]
        residual = self.embed(tokens) + self.pos_embed.W_pos[past : past + tokens.shape[1]]
        new_entries = []
        for block, kv_cache_entry in zip(self.blocks, kv_cache):
            residual, kv_cache_entry = block(residual, kv_cache_entry)
            new_entries.append(kv_cache_entry)
        return self.unembed(self.ln_final(residual)), t.stack(new_entries)


def sample_with_cache(model: nn.Module, tokenizer, prompt: str, max_tokens_generated: int = 100) -> str:
    model.eval()
    input_ids = tokenizer.encode(prompt)
    kv_cache = empty_kv_cache(model.cfg)
    new_tokens = input_ids[None]
    with t.inference_mode():
        for _ in range(max_tokens_generated):
            logits, kv_cache = model(new_tokens, kv_cache)
            next_token = int(logits[0, -1].argmax())
            input_ids = t.cat([input_ids, t.tensor([next_token])])
            if next_token == tokenizer.eos_token_id:
                break
            new_tokens = t.tensor([[next_token]])
    return tokenizer.decode(input_ids)
