"""Wrong: negates grad_out in place, changing the caller's array."""

import numpy as np

Arr = np.ndarray


def negative_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    grad_out *= -1
    return grad_out
