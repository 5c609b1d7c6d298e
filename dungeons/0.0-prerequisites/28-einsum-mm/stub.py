"""Room: einsum III, matrix times matrix.

Return mat1 @ mat2 with einops.einsum.
"""

import numpy as np
from einops import einsum


def einsum_mm(mat1: np.ndarray, mat2: np.ndarray) -> np.ndarray:
    """Matrix product: mat1 (m, n), mat2 (n, p) -> (m, p).

    Example: [[1, 2, 3], [4, 5, 6]] times [[1, 0], [0, 1], [1, 0]] -> [[4, 2], [10, 5]].
    """
    raise NotImplementedError
