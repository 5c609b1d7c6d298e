"""Room: BlockGroup: residual blocks in a row.

The first block maps in_feats -> out_feats with first_stride; the rest are out -> out, stride 1.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class ResidualBlock(nn.Module):
    """Paste your ResidualBlock from the previous room (self.left, then self.right)."""

    def __init__(self, in_feats: int, out_feats: int, first_stride: int = 1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        raise NotImplementedError


class BlockGroup(nn.Module):
    def __init__(self, n_blocks: int, in_feats: int, out_feats: int, first_stride: int = 1):
        """self.blocks: an nn.Sequential of n_blocks ResidualBlocks."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        raise NotImplementedError
