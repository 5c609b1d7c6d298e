"""Reference solution: TransformerBlock.

Pre-LayerNorm residual block: attention then MLP, each added to the stream.

Config and working LayerNorm, Attention and MLP (your earlier rooms) are given in
transformer_parts.py, next to this file.
"""

import torch.nn as nn
from jaxtyping import Float
from torch import Tensor
from transformer_parts import MLP, Attention, Config, LayerNorm


class TransformerBlock(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.ln1 = LayerNorm(cfg)
        self.attn = Attention(cfg)
        self.ln2 = LayerNorm(cfg)
        self.mlp = MLP(cfg)

    def forward(self, resid_pre: Float[Tensor, "batch position d_model"]) -> Float[Tensor, "batch position d_model"]:
        """resid_mid = resid_pre + attn(ln1(resid_pre)); resid_post = resid_mid + mlp(ln2(resid_mid))."""
        resid_mid = resid_pre + self.attn(self.ln1(resid_pre))
        return resid_mid + self.mlp(self.ln2(resid_mid))
