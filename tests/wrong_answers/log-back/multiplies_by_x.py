"""Wrong: multiplies by x instead of dividing."""

import numpy as np

Arr = np.ndarray


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return grad_out * x
