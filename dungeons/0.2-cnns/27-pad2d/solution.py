"""Reference solution: pad2d."""

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
    """Return x padded on its width (left/right) and height (top/bottom) with pad_value."""
    b, ic, h, w = x.shape
    out = x.new_full((b, ic, top + h + bottom, left + w + right), pad_value)
    out[..., top : top + h, left : left + w] = x
    return out
