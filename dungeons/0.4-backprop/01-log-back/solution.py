"""Reference solution: log_back."""

import numpy as np

Arr = np.ndarray


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    """Backward function for `out = np.log(x)`: dL/dx = grad_out / x."""
    return grad_out / x
