"""Room: picture puzzle, the same digit twice.

Picture 0 above a copy of itself, with einops.repeat.
"""

import torch as t
from einops import repeat
from jaxtyping import UInt8
from torch import Tensor


def column_stacking_copying(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h2 w"]:
    """Picture 0 of `arr`, twice, one copy above the other.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, 2*h, w) = (3, 96, 48) uint8; rows 0..h-1 and h..2h-1 both equal arr[0].
    """
    raise NotImplementedError
