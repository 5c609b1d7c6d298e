"""Reference solution: conv_transpose2d."""

import torch.nn.functional as F
from einops import rearrange
from jaxtyping import Float
from torch import Tensor

IntOrPair = int | tuple[int, int]


def _pair(v: IntOrPair) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def fractional_stride_2d(x: Float[Tensor, "b ic h w"], stride_h: int, stride_w: int) -> Float[Tensor, "b ic oh ow"]:
    b, c, h, w = x.shape
    out = x.new_zeros(b, c, (h - 1) * stride_h + 1, (w - 1) * stride_w + 1)
    out[..., ::stride_h, ::stride_w] = x
    return out


def conv_transpose2d(
    x: Float[Tensor, "b ic h w"], weights: Float[Tensor, "ic oc kh kw"],
    stride: IntOrPair = 1, padding: IntOrPair = 0,
) -> Float[Tensor, "b oc oh ow"]:
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    kh, kw = weights.shape[-2:]
    x_spaced = fractional_stride_2d(x, sh, sw)
    x_padded = F.pad(x_spaced, (kw - 1 - pw, kw - 1 - pw, kh - 1 - ph, kh - 1 - ph))
    return F.conv2d(x_padded, rearrange(weights.flip(-1, -2), "i o kh kw -> o i kh kw"))
