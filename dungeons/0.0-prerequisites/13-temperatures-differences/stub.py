"""Room: Warmer or colder than usual.

Subtract from each day the mean temperature of its own week.
"""

import torch
from einops import rearrange, reduce
from jaxtyping import Float
from torch import Tensor


def temperatures_differences(temps: Float[Tensor, "days"]) -> Float[Tensor, "days"]:
    """Return each day's temperature minus the mean of its 7-day week.

    temps: shape (7 * weeks,), consecutive days, the first one a Monday.
    Returns shape (7 * weeks,), the same layout as temps.

    Example: [10, 12, 14, 16, 18, 20, 22, 30, 30, 31, 29, 35, 25, 30]
    gives    [-6, -4, -2, 0, 2, 4, 6, 0, 0, 1, -1, 5, -5, 0].
    """
    raise NotImplementedError
