"""Room: Backward of negation.

Write negative_back, the backward function of np.negative.
"""

import numpy as np

Arr = np.ndarray


def negative_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    """Backward function of out = -x (elementwise).

    grad_out: dL/d(out), same shape as x.
    out: the forward output, -x.
    x: the forward input.
    Return: dL/dx, a new array with the shape of x.

    Example: x = [3., -4.], grad_out = [1., 2.]  ->  [-1., -2.]
    """
    raise NotImplementedError
