"""Reference solution: conv1d with stride and padding."""

import einops
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
    """Like torch's conv1d: pad both ends with `padding` zeros, windows every `stride` steps."""
    xp = pad1d(x, padding, padding, 0.0)
    b, ic, w = xp.shape
    kw = weights.shape[-1]
    b_s, c_s, w_s = xp.stride()
    ow = 1 + (w - kw) // stride
    windows = xp.as_strided((b, ic, ow, kw), (b_s, c_s, w_s * stride, w_s))
    return einops.einsum(windows, weights, "b ic ow kw, oc ic kw -> b oc ow")
