"""Room: Weekly averages.

Average each week of daily temperatures with one einops.reduce call.
"""

import torch
from einops import reduce
from jaxtyping import Float
from torch import Tensor


def temperatures_average(temps: Float[Tensor, "days"]) -> Float[Tensor, "weeks"]:
    """Return the mean temperature of each 7-day week.

    temps: shape (7 * weeks,), consecutive days, the first one a Monday.
    Returns shape (weeks,).

    Example: temps = [10, 12, 14, 16, 18, 20, 22, 30, 30, 31, 29, 35, 25, 30]
    gives [16., 30.].
    """
    raise NotImplementedError
