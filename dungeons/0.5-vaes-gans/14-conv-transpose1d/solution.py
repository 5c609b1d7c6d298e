"""Reference solution: conv_transpose1d."""

import torch.nn.functional as F
from einops import rearrange
from jaxtyping import Float
from torch import Tensor


def fractional_stride_1d(x: Float[Tensor, "b ic w"], stride: int = 1) -> Float[Tensor, "b ic ow"]:
    b, c, w = x.shape
    out = x.new_zeros(b, c, (w - 1) * stride + 1)
    out[..., ::stride] = x
    return out


def conv_transpose1d(
    x: Float[Tensor, "b ic w"], weights: Float[Tensor, "ic oc kw"], stride: int = 1, padding: int = 0
) -> Float[Tensor, "b oc ow"]:
    kw = weights.shape[-1]
    pad = kw - 1 - padding
    x_spaced = F.pad(fractional_stride_1d(x, stride), (pad, pad))
    return F.conv1d(x_spaced, rearrange(weights.flip(-1), "i o k -> o i k"))
