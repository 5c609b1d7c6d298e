"""Room: picture puzzle, a digit on its side.

Picture 1 with height and width swapped, with einops.rearrange.
"""

from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def transpose_image(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c w h"]:
    """Picture 1 of `arr`, mirrored across its main diagonal.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, w, h) = (3, 48, 48) uint8 with out[:, x, y] == arr[1, :, y, x].
    """
    raise NotImplementedError
