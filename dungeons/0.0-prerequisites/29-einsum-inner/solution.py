"""Reference solution: einsum_inner."""

import numpy as np
from einops import einsum


def einsum_inner(vec1: np.ndarray, vec2: np.ndarray):
    """Inner product of vec1 (n,) and vec2 (n,), as one number."""
    return einsum(vec1, vec2, "i, i ->")
