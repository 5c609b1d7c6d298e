"""Room (bonus): conv_transpose2d from an ordinary convolution.

x: (batch, in_channels, height, width), weights: (in_channels, out_channels, kh, kw);
stride and padding: int or (h, w) pair. Equal to torch.conv_transpose2d.
"""

import torch as t
import torch.nn.functional as F
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

IntOrPair = int | tuple[int, int]


def fractional_stride_2d(x: Float[Tensor, "b ic h w"], stride_h: int, stride_w: int) -> Float[Tensor, "b ic oh ow"]:
    """stride_h - 1 zero rows between rows, stride_w - 1 zero columns between columns."""
    raise NotImplementedError


def conv_transpose2d(
    x: Float[Tensor, "b ic h w"], weights: Float[Tensor, "ic oc kh kw"],
    stride: IntOrPair = 1, padding: IntOrPair = 0,
) -> Float[Tensor, "b oc oh ow"]:
    """Equal to torch.conv_transpose2d(x, weights, stride=stride, padding=padding)."""
    raise NotImplementedError
