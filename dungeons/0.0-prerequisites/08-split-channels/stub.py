"""Room: picture puzzle, red, green and blue apart.

The three colour planes of picture 0 side by side, with einops.rearrange.
"""

import torch as t
from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def split_channels(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "h cw"]:
    """The R, G and B planes of picture 0, left to right, as one greyscale picture.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (h, c*w) = (48, 144) uint8 with out[y, w*k + x] == arr[0, k, y, x].
    """
    raise NotImplementedError
