"""Reference solution: transpose_image."""

from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def transpose_image(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c w h"]:
    """Picture 1 of `arr`, mirrored across its main diagonal."""
    return rearrange(arr[1], "c h w -> c w h")
