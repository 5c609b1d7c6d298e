"""Reference solution: DemoTransformer.

Tokens in, logits out: embeddings, blocks, final LayerNorm, unembedding.

Config and working LayerNorm, Embed, PosEmbed, TransformerBlock and Unembed (your earlier
rooms) are given in transformer_blocks.py, next to this file.
"""

import torch.nn as nn
from jaxtyping import Float, Int
from torch import Tensor
from transformer_blocks import Config, Embed, LayerNorm, PosEmbed, TransformerBlock, Unembed


class DemoTransformer(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.embed = Embed(cfg)
        self.pos_embed = PosEmbed(cfg)
        self.blocks = nn.ModuleList([TransformerBlock(cfg) for _ in range(cfg.n_layers)])
        self.ln_final = LayerNorm(cfg)
        self.unembed = Unembed(cfg)

    def forward(self, tokens: Int[Tensor, "batch position"]) -> Float[Tensor, "batch position d_vocab"]:
        """tokens (batch, position) -> logits (batch, position, d_vocab)."""
        residual = self.embed(tokens) + self.pos_embed(tokens)
        for block in self.blocks:
            residual = block(residual)
        return self.unembed(self.ln_final(residual))
