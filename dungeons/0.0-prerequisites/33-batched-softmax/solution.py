"""Reference solution: batched_softmax."""

from jaxtyping import Float
from torch import Tensor


def batched_softmax(matrix: Float[Tensor, "batch n"]) -> Float[Tensor, "batch n"]:
    """Shift by the row max, exponentiate, divide by the row total."""
    e = (matrix - matrix.max(dim=-1, keepdim=True).values).exp()
    return e / e.sum(dim=-1, keepdim=True)
