"""Room: matrix times matrix with as_strided.

Line both matrices up in (i, j, k) views with zero strides, multiply, sum over j.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def as_strided_mm(matA: Float[Tensor, "i j"], matB: Float[Tensor, "j k"]) -> Float[Tensor, "i k"]:
    """Return matA @ matB, shape (i, k), built with as_strided, a multiply and a sum.

    Example: [[1, 2], [3, 4]] @ [[1, 0], [0, 1]] -> [[1, 2], [3, 4]].
    Either input may be a view with any strides.
    """
    raise NotImplementedError
