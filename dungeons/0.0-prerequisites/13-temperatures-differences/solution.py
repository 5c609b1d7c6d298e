"""Reference solution: temperatures_differences."""

from einops import rearrange, reduce
from jaxtyping import Float
from torch import Tensor


def temperatures_differences(temps: Float[Tensor, "days"]) -> Float[Tensor, "days"]:
    """Return each day's temperature minus the mean of its 7-day week."""
    weeks = rearrange(temps, "(w d) -> w d", d=7)
    means = reduce(weeks, "w d -> w 1", "mean")
    return rearrange(weeks - means, "w d -> (w d)")
