"""Reference solution: integer_array_indexing."""

from jaxtyping import Float, Int
from torch import Tensor


def integer_array_indexing(matrix: Float[Tensor, "..."], coords: Int[Tensor, "batch ndim"]) -> Float[Tensor, "batch"]:
    """One index tensor per axis: the columns of `coords`."""
    return matrix[tuple(coords.T)]
