"""Reference solution: einsum_mv."""

import numpy as np
from einops import einsum


def einsum_mv(mat: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """Matrix-vector product: mat (m, n), vec (n,) -> (m,)."""
    return einsum(mat, vec, "i j, j -> i")
