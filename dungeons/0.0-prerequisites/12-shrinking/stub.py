"""Room: picture puzzle, the grid shrunk.

The 2 x 3 grid of digits, 2 x 2 max-pooled, with one einops.reduce.
"""

import torch as t
from einops import reduce
from jaxtyping import UInt8
from torch import Tensor


def shrinking(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h w3"]:
    """The grid [0][1][2] over [3][4][5], each 2x2 block of pixels replaced by its max.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8, h and w even.
    Returns: (c, h, 3*w/2) = (3, 48, 72) uint8.
    """
    raise NotImplementedError
