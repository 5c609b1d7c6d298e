"""Room: Backward of reshape.

Write reshape_back, the backward function of np.reshape.
"""

import numpy as np

Arr = np.ndarray


def reshape_back(grad_out: Arr, out: Arr, x: Arr, new_shape: tuple) -> Arr:
    """Backward function of out = np.reshape(x, new_shape).

    grad_out, out: arrays of the new shape.
    x: the forward input (its shape is the one to go back to).
    new_shape: the shape passed to the forward reshape (may contain -1).
    Return: dL/dx, an array of shape x.shape.

    Example: x.shape (2, 3), new_shape (6,), grad_out [0, 1, 2, 3, 4, 5]
             ->  [[0, 1, 2], [3, 4, 5]]
    """
    raise NotImplementedError
