"""Room: picture puzzle, a column of digits.

Stack the six digit pictures top to bottom with einops.rearrange.
"""

import torch as t
from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def column_stacking(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c bh w"]:
    """Stack the b pictures of `arr` vertically, picture 0 on top.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, b*h, w) = (3, 288, 48) uint8, with out[:, 48*k + y, x] == arr[k, :, y, x].
    """
    raise NotImplementedError
