"""Room: pad the last two axes of (b, ic, h, w) with a constant."""

import torch
from jaxtyping import Float
from torch import Tensor


def pad2d(
    x: Float[Tensor, "batch in_channels height width"],
    left: int,
    right: int,
    top: int,
    bottom: int,
    pad_value: float,
) -> Float[Tensor, "batch in_channels output_height output_width"]:
    """Return x padded on its width (left/right) and height (top/bottom) with pad_value.

    x: (b, ic, h, w) -> (b, ic, top + h + bottom, left + w + right), same dtype as x.
    """
    raise NotImplementedError
