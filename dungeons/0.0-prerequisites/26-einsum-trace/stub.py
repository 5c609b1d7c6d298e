"""Room: einsum I, the trace.

Return the sum of the diagonal of a square matrix, with einops.einsum.
"""

import numpy as np
from einops import einsum


def einsum_trace(mat: np.ndarray):
    """Trace of `mat` (shape (n, n)), as one number.

    Example: [[1, 2], [3, 4]] -> 5.
    """
    raise NotImplementedError
