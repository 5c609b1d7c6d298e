"""Room: einsum II, matrix times vector.

Return mat @ vec with einops.einsum.
"""

import numpy as np
from einops import einsum


def einsum_mv(mat: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """Matrix-vector product: mat (m, n), vec (n,) -> (m,).

    Example: [[1, 2, 3], [4, 5, 6]] times [1, 0, -1] -> [-2, -2].
    """
    raise NotImplementedError
