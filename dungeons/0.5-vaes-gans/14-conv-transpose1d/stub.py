"""Room (bonus): conv_transpose1d with stride and padding, from an ordinary convolution.

x: (batch, in_channels, width), weights: (in_channels, out_channels, kernel_width)
-> (batch, out_channels, (width - 1) * stride - 2 * padding + kernel_width).
"""

import torch as t
import torch.nn.functional as F
from einops import rearrange
from jaxtyping import Float
from torch import Tensor


def conv_transpose1d(
    x: Float[Tensor, "b ic w"], weights: Float[Tensor, "ic oc kw"], stride: int = 1, padding: int = 0
) -> Float[Tensor, "b oc ow"]:
    """Equal to torch.conv_transpose1d(x, weights, stride=stride, padding=padding).

    Example: [[[1, 10]]], [[[1, 2, 3]]], stride=2 -> [[[1, 2, 13, 20, 30]]].
    """
    raise NotImplementedError
