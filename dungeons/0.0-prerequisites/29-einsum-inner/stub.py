"""Room: einsum IV, the inner product.

Return the dot product of two vectors with einops.einsum.
"""

import numpy as np
from einops import einsum


def einsum_inner(vec1: np.ndarray, vec2: np.ndarray):
    """Inner product of vec1 (n,) and vec2 (n,), as one number.

    Example: [1, 2, 3] and [4, -5, 6] -> 12.
    """
    raise NotImplementedError
