"""Wrong: broadcasts grad_out straight to x.shape without re-inserting the summed axes."""

import numpy as np

Arr = np.ndarray


def _sum(x: Arr, dim=None, keepdim=False) -> Arr:
    return np.sum(x, axis=dim, keepdims=keepdim)


def sum_back(grad_out: Arr, out: Arr, x: Arr, dim=None, keepdim=False) -> Arr:
    return np.broadcast_to(grad_out, x.shape)
