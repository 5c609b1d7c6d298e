"""Room: The furnace at 1000 degrees: a stable logsumexp.

log(sum(exp(row))) for every row, without overflow, without torch.logsumexp.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def batched_logsumexp(matrix: Float[Tensor, "batch n"]) -> Float[Tensor, "batch"]:
    """Numerically stable log-sum-exp of every row.

    matrix:  (batch, n) floats.
    Returns: (batch,), out[b] = log(sum_j exp(matrix[b, j])), finite even for rows of +-1000.

    Example: [[0, 0, 0, 0], [1000, 1000, 1000, 1000]] -> [log 4, 1000 + log 4]
    """
    raise NotImplementedError
