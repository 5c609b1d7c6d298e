"""Reference solution: the ConvTranspose2d module."""

import math

import torch as t
from jaxtyping import Float
from torch import Tensor, nn

IntOrPair = int | tuple[int, int]


def _pair(v: IntOrPair) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


class ConvTranspose2d(nn.Module):
    def __init__(self, in_channels: int, out_channels: int, kernel_size: IntOrPair,
                 stride: IntOrPair = 1, padding: IntOrPair = 0):
        super().__init__()
        kh, kw = _pair(kernel_size)
        bound = 1 / math.sqrt(out_channels * kh * kw)
        self.weight = nn.Parameter((t.rand(in_channels, out_channels, kh, kw) * 2 - 1) * bound)
        self.stride, self.padding = _pair(stride), _pair(padding)

    def forward(self, x: Float[Tensor, "b ic h w"]) -> Float[Tensor, "b oc oh ow"]:
        return t.conv_transpose2d(x, self.weight, stride=self.stride, padding=self.padding)
