"""Room: Every pair of rows.

The cosine similarity of every pair of rows of a matrix.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def cos_sim_matrix(matrix: Float[Tensor, "m n"]) -> Float[Tensor, "m m"]:
    """Return out with out[i, j] = cosine similarity of matrix[i] and matrix[j].

    matrix: shape (m, n), no all-zero row. Returns shape (m, m).

    Example: [[1, 0], [2, 2], [-3, 0]] gives
    [[1, 0.7071, -1], [0.7071, 1, -0.7071], [-1, -0.7071, 1]].
    """
    raise NotImplementedError
