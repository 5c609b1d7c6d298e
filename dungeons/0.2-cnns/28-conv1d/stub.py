"""Room: conv1d with stride and padding, from as_strided and einsum.

pad1d is given (you wrote it in an earlier room).
"""

import einops
import torch
from jaxtyping import Float
from torch import Tensor


def pad1d(
    x: Float[Tensor, "batch in_channels width"], left: int, right: int, pad_value: float
) -> Float[Tensor, "batch in_channels output_width"]:
    """Given (from the pad1d room): x padded on its last axis with pad_value."""
    b, ic, w = x.shape
    out = x.new_full((b, ic, left + w + right), pad_value)
    out[..., left : left + w] = x
    return out


def conv1d(
    x: Float[Tensor, "batch in_channels width"],
    weights: Float[Tensor, "out_channels in_channels kernel_width"],
    stride: int = 1,
    padding: int = 0,
) -> Float[Tensor, "batch out_channels output_width"]:
    """Like torch's conv1d: pad both ends with `padding` zeros, windows every `stride` steps.

    x: (b, ic, w), weights: (oc, ic, kw) -> (b, oc, 1 + (w + 2*padding - kw) // stride).
    """
    raise NotImplementedError
