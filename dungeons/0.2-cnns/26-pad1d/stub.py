"""Room: pad the last axis of (b, ic, w) with a constant."""

import torch
from jaxtyping import Float
from torch import Tensor


def pad1d(
    x: Float[Tensor, "batch in_channels width"], left: int, right: int, pad_value: float
) -> Float[Tensor, "batch in_channels output_width"]:
    """Return x padded with `left` and `right` copies of pad_value on its last axis.

    x: (b, ic, w) -> (b, ic, left + w + right), same dtype as x; x is not changed.
    Example: pad1d([[[1., 2.]]], 2, 1, 0.) -> [[[0., 0., 1., 2., 0.]]].
    """
    raise NotImplementedError
