"""Reference solution: normalize_rows."""

from jaxtyping import Float
from torch import Tensor


def normalize_rows(matrix: Float[Tensor, "m n"]) -> Float[Tensor, "m n"]:
    """Return matrix with each row divided by its L2 norm."""
    return matrix / matrix.norm(dim=1, keepdim=True)
