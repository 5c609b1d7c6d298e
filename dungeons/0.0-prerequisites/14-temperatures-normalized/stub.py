"""Room: How unusual was today?

Normalise each day by its week's mean and (sample) standard deviation.
"""

import torch
from einops import rearrange, reduce
from jaxtyping import Float
from torch import Tensor


def temperatures_normalized(temps: Float[Tensor, "days"]) -> Float[Tensor, "days"]:
    """Return (temps[i] - mean of its week) / std of its week, for every day i.

    temps: shape (7 * weeks,), consecutive days, the first one a Monday.
    Returns shape (7 * weeks,). Use torch.std's default (sample, n - 1) std.

    Example: the week [1, 2, 3, 4, 5, 6, 7] becomes
    [-1.3887, -0.9258, -0.4629, 0.0, 0.4629, 0.9258, 1.3887].
    """
    raise NotImplementedError
