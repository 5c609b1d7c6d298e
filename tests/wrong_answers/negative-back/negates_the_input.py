"""Wrong: returns -x, the forward computation again, instead of -grad_out."""

import numpy as np

Arr = np.ndarray


def negative_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    return -x
