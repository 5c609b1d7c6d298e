"""Wrong: reshapes grad_out to x's shape, which gives the right shape but scrambles values."""

import numpy as np

Arr = np.ndarray


def permute_back(grad_out: Arr, out: Arr, x: Arr, axes: tuple) -> Arr:
    return grad_out.reshape(x.shape)
