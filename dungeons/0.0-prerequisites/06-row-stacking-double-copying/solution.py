"""Reference solution: row_stacking_double_copying."""

from einops import repeat
from jaxtyping import UInt8
from torch import Tensor


def row_stacking_double_copying(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h2 w2"]:
    """Pictures 0 over 1, and that column copied once to its right."""
    return repeat(arr[:2], "b c h w -> c (b h) (2 w)")
