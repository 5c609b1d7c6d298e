"""Wrong: drops the transposes, which only works (wrongly) for square matrices."""

import numpy as np

Arr = np.ndarray


def _matmul2d(x: Arr, y: Arr) -> Arr:
    """Given: the forward function, x @ y for two 2-D arrays."""
    return x @ y


def matmul2d_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    return grad_out @ y


def matmul2d_back1(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    return x @ grad_out
