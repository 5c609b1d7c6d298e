"""Reference solution: einsum_outer."""

import numpy as np
from einops import einsum


def einsum_outer(vec1: np.ndarray, vec2: np.ndarray) -> np.ndarray:
    """Outer product: vec1 (m,), vec2 (n,) -> (m, n)."""
    return einsum(vec1, vec2, "i, j -> i j")
