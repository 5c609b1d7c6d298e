"""Room: picture puzzle, a grid of digits.

The six pictures in a 2 x 3 grid (0 1 2 over 3 4 5), with einops.rearrange.
"""

import torch as t
from einops import rearrange
from jaxtyping import UInt8
from torch import Tensor


def stack_rows_cols(arr: UInt8[Tensor, "b c h w"]) -> UInt8[Tensor, "c h2 w3"]:
    """Tile the six pictures in a grid of 2 rows and 3 columns, row by row.

    arr: (b, c, h, w) = (6, 3, 48, 48) uint8.
    Returns: (c, 2*h, 3*w) = (3, 96, 144) uint8, laid out [0][1][2] over [3][4][5].
    """
    raise NotImplementedError
