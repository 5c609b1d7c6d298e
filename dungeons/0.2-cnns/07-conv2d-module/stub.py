"""Room: Conv2d: a weight with four axes.

A bias-free Conv2d module: weight (out, in, kh, kw) uniform in +-1/sqrt(in * kh * kw),
forward through F.conv2d with the stored stride and padding. kernel_size, stride and
padding are each an int or a (height, width) pair; force_pair is given.
"""

import math

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn

IntOrPair = int | tuple[int, int]
Pair = tuple[int, int]


def force_pair(v: IntOrPair) -> Pair:
    """Given: an int v becomes (v, v); a pair of ints is returned as a tuple."""
    if isinstance(v, tuple):
        if len(v) != 2:
            raise ValueError(f"expected a pair, got {v!r}")
        return (int(v[0]), int(v[1]))
    if isinstance(v, int):
        return (v, v)
    raise ValueError(f"expected an int or a pair of ints, got {v!r}")


class Conv2d(nn.Module):
    def __init__(self, in_channels: int, out_channels: int, kernel_size: IntOrPair,
                 stride: IntOrPair = 1, padding: IntOrPair = 0):
        """Make weight (out_channels, in_channels, kernel_height, kernel_width), no bias."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch in_channels height width"]
                ) -> Float[Tensor, "batch out_channels out_height out_width"]:
        """Apply the convolution (F.conv2d is allowed here)."""
        raise NotImplementedError

    def extra_repr(self) -> str:
        """E.g. 'in_channels=3, out_channels=8, kernel_size=3, stride=1, padding=0'."""
        raise NotImplementedError
