"""Room: Boss: ResNet34.

in_layers (conv7x7 s2 -> BN -> ReLU -> maxpool) -> residual_layers (BlockGroups) ->
out_layers (average pool -> Linear). Paste your ResidualBlock and BlockGroup first.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class ResidualBlock(nn.Module):
    """Paste your ResidualBlock (self.left, then self.right; convs with bias=False)."""

    def __init__(self, in_feats: int, out_feats: int, first_stride: int = 1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        raise NotImplementedError


class BlockGroup(nn.Module):
    """Paste your BlockGroup (self.blocks, an nn.Sequential of ResidualBlocks)."""

    def __init__(self, n_blocks: int, in_feats: int, out_feats: int, first_stride: int = 1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        raise NotImplementedError


class ResNet34(nn.Module):
    def __init__(
        self,
        n_blocks_per_group: list[int] = [3, 4, 6, 3],
        out_features_per_group: list[int] = [64, 128, 256, 512],
        first_strides_per_group: list[int] = [1, 2, 2, 2],
        n_classes: int = 1000,
    ):
        """self.in_layers, self.residual_layers, self.out_layers, in that order."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch 3 height width"]) -> Float[Tensor, "batch n_classes"]:
        """Logits for each image."""
        raise NotImplementedError
