"""Wrong: divides by the output log(x) instead of the input x."""

import numpy as np

Arr = np.ndarray


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return grad_out / out
