"""Room: Backward of sum: put the summed axes back.

Write sum_back, the backward function of _sum(x, dim, keepdim).
"""

import numpy as np

Arr = np.ndarray


def _sum(x: Arr, dim=None, keepdim=False) -> Arr:
    """Given: the forward function, np.sum with torch's argument names."""
    return np.sum(x, axis=dim, keepdims=keepdim)


def sum_back(grad_out: Arr, out: Arr, x: Arr, dim=None, keepdim=False) -> Arr:
    """Backward function of out = _sum(x, dim, keepdim).

    grad_out, out: the shape of the sum (summed axes gone, or size 1 if keepdim).
    x: the forward input.
    dim: None (everything), an int or a tuple of ints; may be negative.
    Return: dL/dx, an array of shape x.shape.

    Example: x.shape (2, 3), dim=1, grad_out [10., 20.]  ->  [[10, 10, 10], [20, 20, 20]]
    """
    raise NotImplementedError
