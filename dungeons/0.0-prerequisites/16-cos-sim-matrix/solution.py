"""Reference solution: cos_sim_matrix."""

from jaxtyping import Float
from torch import Tensor


def cos_sim_matrix(matrix: Float[Tensor, "m n"]) -> Float[Tensor, "m m"]:
    """Return out with out[i, j] = cosine similarity of matrix[i] and matrix[j]."""
    unit_rows = matrix / matrix.norm(dim=1, keepdim=True)
    return unit_rows @ unit_rows.T
