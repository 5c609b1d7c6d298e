"""Room: conv2d with stride and padding (int or pair), from as_strided and einsum.

force_pair and pad2d are given.
"""

import einops
import torch
from jaxtyping import Float
from torch import Tensor

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


def pad2d(
    x: Float[Tensor, "batch in_channels height width"],
    left: int,
    right: int,
    top: int,
    bottom: int,
    pad_value: float,
) -> Float[Tensor, "batch in_channels output_height output_width"]:
    """Given (from the pad2d room): x padded on width (left/right) and height (top/bottom)."""
    b, ic, h, w = x.shape
    out = x.new_full((b, ic, top + h + bottom, left + w + right), pad_value)
    out[..., top : top + h, left : left + w] = x
    return out


def conv2d(
    x: Float[Tensor, "batch in_channels height width"],
    weights: Float[Tensor, "out_channels in_channels kernel_height kernel_width"],
    stride: IntOrPair = 1,
    padding: IntOrPair = 0,
) -> Float[Tensor, "batch out_channels output_height output_width"]:
    """Like torch's conv2d; stride and padding are an int or a (height, width) pair.

    x: (b, ic, h, w), weights: (oc, ic, kh, kw) -> (b, oc, oh, ow) with
    oh = 1 + (h + 2*pad_h - kh) // stride_h and ow = 1 + (w + 2*pad_w - kw) // stride_w.
    """
    raise NotImplementedError
