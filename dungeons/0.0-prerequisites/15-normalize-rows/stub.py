"""Room: Rows of length one.

Divide every row of a matrix by its L2 norm.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def normalize_rows(matrix: Float[Tensor, "m n"]) -> Float[Tensor, "m n"]:
    """Return matrix with each row divided by its L2 norm.

    matrix: shape (m, n), no all-zero row. Returns shape (m, n).

    Example: [[3, 4], [0, -5], [2, 0]] gives [[0.6, 0.8], [0.0, -1.0], [1.0, 0.0]].
    """
    raise NotImplementedError
