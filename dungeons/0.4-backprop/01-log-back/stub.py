"""Room: The first backward function: log.

Given dL/d(out) for out = log(x), return dL/dx.
"""

import numpy as np

Arr = np.ndarray


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    """Backward function for `out = np.log(x)`.

    grad_out: dL/d(out), same shape as out.
    out:      np.log(x), same shape as x.
    x:        the forward input (positive).
    Returns dL/dx, same shape as x.

    Example: x = [1, e, e**e], grad_out = [2, 2, 2] -> [2, 2/e, 2/e**e].
    """
    raise NotImplementedError
