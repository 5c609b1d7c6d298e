"""Reference solution: temperatures_average."""

from einops import reduce
from jaxtyping import Float
from torch import Tensor


def temperatures_average(temps: Float[Tensor, "days"]) -> Float[Tensor, "weeks"]:
    """Return the mean temperature of each 7-day week."""
    return reduce(temps, "(w d) -> w", "mean", d=7)
