"""Room: Backward of permute: the inverse permutation.

Write permute_back, the backward function of np.transpose(x, axes).
"""

import numpy as np

Arr = np.ndarray


def permute_back(grad_out: Arr, out: Arr, x: Arr, axes: tuple) -> Arr:
    """Backward function of out = np.transpose(x, axes).

    grad_out, out: arrays of the permuted shape (out.shape[i] == x.shape[axes[i]]).
    x: the forward input.
    axes: the forward permutation, may contain negative axes.
    Return: dL/dx, an array of shape x.shape.

    Example: x.shape (2, 3, 4), axes (2, 0, 1): grad_out.shape (4, 2, 3) -> result (2, 3, 4)
    """
    raise NotImplementedError
