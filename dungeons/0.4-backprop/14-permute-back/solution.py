"""Reference solution: permute_back."""

import numpy as np

Arr = np.ndarray


def permute_back(grad_out: Arr, out: Arr, x: Arr, axes: tuple) -> Arr:
    """Move the gradient back by the inverse permutation (argsort of the positive axes)."""
    inverse = np.argsort([a % x.ndim for a in axes])
    return np.transpose(grad_out, inverse)
