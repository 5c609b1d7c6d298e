"""Room: einsum V, the outer product.

Return the outer product of two vectors with einops.einsum.
"""

import numpy as np
from einops import einsum


def einsum_outer(vec1: np.ndarray, vec2: np.ndarray) -> np.ndarray:
    """Outer product: vec1 (m,), vec2 (n,) -> (m, n) with out[i, j] = vec1[i] * vec2[j].

    Example: [1, 2, 3] and [1, 10] -> [[1, 10], [2, 20], [3, 30]].
    """
    raise NotImplementedError
