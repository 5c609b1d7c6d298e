"""Reference solution: maxpool2d."""

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
    """Like torch's max_pool2d: the max of each window, padding with -inf."""
    kh, kw = force_pair(kernel_size)
    sh, sw = force_pair(stride if stride is not None else kernel_size)
    ph, pw = force_pair(padding)
    xp = pad2d(x, left=pw, right=pw, top=ph, bottom=ph, pad_value=float("-inf"))
    b, ic, h, w = xp.shape
    b_s, c_s, h_s, w_s = xp.stride()
    oh, ow = 1 + (h - kh) // sh, 1 + (w - kw) // sw
    windows = xp.as_strided((b, ic, oh, ow, kh, kw), (b_s, c_s, h_s * sh, w_s * sw, h_s, w_s))
    return windows.amax(dim=(-2, -1))
