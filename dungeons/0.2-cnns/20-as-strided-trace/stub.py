"""Room: trace with as_strided.

Sum the diagonal of a square matrix using only as_strided and sum.
"""

import torch
from jaxtyping import Float
from torch import Tensor


def as_strided_trace(mat: Float[Tensor, "i j"]) -> Float[Tensor, ""]:
    """Return the trace of the square matrix `mat` (shape (i, i)) as a 0-d tensor.

    Example: [[1, 2], [3, 4]] -> tensor(5).
    `mat` may be a view with any strides: read them from mat.stride().
    """
    raise NotImplementedError
