"""Room: picture puzzle, a tall digit.

Picture 0 stretched to double height (each row twice, in place), with einops.repeat.
"""

import torch as t
from einops import repeat
from jaxtyping import UInt8
from torch import Tensor


def stretching(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h2 w"]:
    """Picture 0 of `arr` with every pixel row duplicated right below itself.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, 2*h, w) = (3, 96, 48) uint8 with out[:, 2y] == out[:, 2y+1] == arr[0, :, y].
    """
    raise NotImplementedError
