"""demo_transformer: the whole model of room 9 and the log-probabilities of room 10.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). Builds on transformer_blocks.py and transformer_parts.py,
next to it: `DemoTransformer` (tokens in, logits out) and `get_log_probs`; `Config` can be
imported from here too.
"""

import torch.nn as nn
from jaxtyping import Float, Int
from torch import Tensor
from transformer_blocks import Config, Embed, LayerNorm, PosEmbed, TransformerBlock, Unembed

__all__ = ["Config", "DemoTransformer", "get_log_probs"]


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
        residual = self.embed(tokens) + self.pos_embed(tokens)
        for block in self.blocks:
            residual = block(residual)
        return self.unembed(self.ln_final(residual))


def get_log_probs(
    logits: Float[Tensor, "batch posn d_vocab"], tokens: Int[Tensor, "batch posn"]
) -> Float[Tensor, "batch posn-1"]:
    log_probs = logits.log_softmax(dim=-1)
    return log_probs[:, :-1].gather(dim=-1, index=tokens[:, 1:].unsqueeze(-1)).squeeze(-1)

