"""Room: picture puzzle, a column copied sideways.

Pictures 0 and 1 stacked vertically, that column twice side by side, with einops.repeat.
"""

import torch as t
from einops import repeat
from jaxtyping import UInt8
from torch import Tensor


def row_stacking_double_copying(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h2 w2"]:
    """Pictures 0 over 1, and that column copied once to its right.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, 2*h, 2*w) = (3, 96, 96) uint8, laid out [0][0] over [1][1].
    """
    raise NotImplementedError
