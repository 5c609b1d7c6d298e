"""Wrong: flattens grad_out, which is only right when x was 1-D."""

import numpy as np

Arr = np.ndarray


def reshape_back(grad_out: Arr, out: Arr, x: Arr, new_shape: tuple) -> Arr:
    return grad_out.flatten()
