"""Room: matrix times vector with as_strided.

View vec as an (i, j) matrix with a zero row stride, multiply by mat, sum over j.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def as_strided_mv(mat: Float[Tensor, "i j"], vec: Float[Tensor, "j"]) -> Float[Tensor, "i"]:
    """Return mat @ vec, shape (i,), built with as_strided, a multiply and a sum.

    Example: [[1, 2, 3], [4, 5, 6]] and [1, 0, -1] -> [-2, -2].
    mat and vec may be views with any strides.
    """
    raise NotImplementedError
