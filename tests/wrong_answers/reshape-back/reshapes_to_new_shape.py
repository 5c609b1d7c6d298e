"""Wrong: reshapes to new_shape (the forward's target), which grad_out already has."""

import numpy as np

Arr = np.ndarray


def reshape_back(grad_out: Arr, out: Arr, x: Arr, new_shape: tuple) -> Arr:
    return np.reshape(grad_out, new_shape)
