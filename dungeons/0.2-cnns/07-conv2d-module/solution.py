"""Reference solution: Conv2d."""

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
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding
        kh, kw = force_pair(kernel_size)
        bound = 1 / math.sqrt(in_channels * kh * kw)
        shape = (out_channels, in_channels, kh, kw)
        self.weight = nn.Parameter((t.rand(shape) * 2 - 1) * bound)

    def forward(self, x: Float[Tensor, "batch in_channels height width"]
                ) -> Float[Tensor, "batch out_channels out_height out_width"]:
        return F.conv2d(x, self.weight, stride=self.stride, padding=self.padding)

    def extra_repr(self) -> str:
        return ", ".join(f"{k}={getattr(self, k)}" for k in
                         ("in_channels", "out_channels", "kernel_size", "stride", "padding"))
