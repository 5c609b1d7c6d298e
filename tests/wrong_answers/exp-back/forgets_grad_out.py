"""Wrong: returns the local derivative e^x without multiplying by grad_out."""

import numpy as np

Arr = np.ndarray


def exp_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return out
