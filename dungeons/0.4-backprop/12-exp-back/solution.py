"""Reference solution: exp_back."""

import numpy as np

Arr = np.ndarray


def exp_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    """Backward function of out = exp(x): the local derivative is out itself."""
    return grad_out * out
