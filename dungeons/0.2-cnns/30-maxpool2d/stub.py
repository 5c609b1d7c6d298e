"""Room: max-pooling from as_strided; force_pair and pad2d are given."""

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


def maxpool2d(
    x: Float[Tensor, "batch in_channels height width"],
    kernel_size: IntOrPair,
    stride: IntOrPair | None = None,
    padding: IntOrPair = 0,
) -> Float[Tensor, "batch in_channels output_height output_width"]:
    """Like torch's max_pool2d: the max of each window, padding with -inf.

    stride=None means stride = kernel_size.
    x: (b, ic, h, w) -> (b, ic, 1 + (h + 2*ph - kh) // sh, 1 + (w + 2*pw - kw) // sw).
    """
    raise NotImplementedError
