"""Reference solution: split_channels."""

from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def split_channels(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "h cw"]:
    """The R, G and B planes of picture 0, left to right, as one greyscale picture."""
    return rearrange(arr[0], "c h w -> h (c w)")
