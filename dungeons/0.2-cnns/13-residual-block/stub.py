"""Room: ResidualBlock: a shortcut around two convs.

left: conv3x3(stride) -> BN -> ReLU -> conv3x3 -> BN; right: identity, or conv1x1(stride) -> BN
when the shape changes; output ReLU(left(x) + right(x)). Convs have bias=False.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class ResidualBlock(nn.Module):
    def __init__(self, in_feats: int, out_feats: int, first_stride: int = 1):
        """self.left (declared first), then self.right (nn.Identity or conv1x1 -> BN)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        """ReLU(left(x) + right(x))."""
        raise NotImplementedError
