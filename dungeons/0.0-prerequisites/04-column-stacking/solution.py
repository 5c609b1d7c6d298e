"""Reference solution: column_stacking."""

from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def column_stacking(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c bh w"]:
    """Stack the b pictures of `arr` vertically, picture 0 on top."""
    return rearrange(arr, "b c h w -> c (b h) w")
