"""Room (bonus): the ConvTranspose2d module (weight (in, out, kh, kw), no bias)."""

import math

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn

IntOrPair = int | tuple[int, int]


class ConvTranspose2d(nn.Module):
    def __init__(self, in_channels: int, out_channels: int, kernel_size: IntOrPair,
                 stride: IntOrPair = 1, padding: IntOrPair = 0):
        """self.weight: (in_channels, out_channels, kh, kw), uniform in +-1/sqrt(out * kh * kw)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "b ic h w"]) -> Float[Tensor, "b oc oh ow"]:
        """The transposed convolution of x with self.weight, self.stride, self.padding."""
        raise NotImplementedError
