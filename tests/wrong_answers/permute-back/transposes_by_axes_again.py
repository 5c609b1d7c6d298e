"""Wrong: transposes by axes again; that undoes a swap but not a 3-cycle."""

import numpy as np

Arr = np.ndarray


def permute_back(grad_out: Arr, out: Arr, x: Arr, axes: tuple) -> Arr:
    return np.transpose(grad_out, axes)
