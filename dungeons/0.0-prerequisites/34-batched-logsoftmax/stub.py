"""Room: The alchemist's ledger: log-softmax without loss.

x - logsumexp(x) along every row, stable for huge and tiny probabilities.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def batched_logsoftmax(matrix: Float[Tensor, "batch n"]) -> Float[Tensor, "batch n"]:
    """Log-softmax of every row.

    matrix:  (batch, n) floats (scores).
    Returns: (batch, n), out[b, j] = matrix[b, j] - log(sum_k exp(matrix[b, k])).

    Example: [[1001, 1002, 1003], [1004, 1005, 1006]]
             -> [[-2.4076, -1.4076, -0.4076], [-2.4076, -1.4076, -0.4076]]
    """
    raise NotImplementedError
