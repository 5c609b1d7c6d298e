"""Wrong: returns the local derivative (-1 everywhere) without multiplying by grad_out."""

import numpy as np

Arr = np.ndarray


def negative_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return -np.ones_like(x)
