"""Room: The alchemist's scales: softmax along each row.

exp, then divide by the row total; stable for large scores; no torch.softmax.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def batched_softmax(matrix: Float[Tensor, "batch n"]) -> Float[Tensor, "batch n"]:
    """Softmax of every row.

    matrix:  (batch, n) floats (scores).
    Returns: (batch, n), out[b, j] = exp(matrix[b, j]) / sum_k exp(matrix[b, k]);
             every row is non-negative and sums to 1.

    Example: log([[1, 2, 3, 4]]) -> [[0.1, 0.2, 0.3, 0.4]]
    """
    raise NotImplementedError
