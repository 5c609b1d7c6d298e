"""Wrong: returns the local derivative 1/x, forgetting the incoming gradient."""

import numpy as np

Arr = np.ndarray


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return 1 / x
