"""Reference solution: einsum_mm."""

import numpy as np
from einops import einsum


def einsum_mm(mat1: np.ndarray, mat2: np.ndarray) -> np.ndarray:
    """Matrix product: mat1 (m, n), mat2 (n, p) -> (m, p)."""
    return einsum(mat1, mat2, "i j, j k -> i k")
