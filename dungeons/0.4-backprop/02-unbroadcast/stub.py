"""Room: Unbroadcast.

Sum a gradient shaped like a broadcast result back down to the shape of the argument
that was broadcast.
"""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    """Sum `broadcasted` until it has the shape of `original`.

    broadcasted: shape big_shape, where original's shape broadcasts to big_shape.
    original:    shape orig_shape (only its shape is used).
    Returns an array of shape exactly orig_shape.

    Example: original (2, 1, 3), broadcasted = np.ones((5, 1, 2, 4, 3))
             -> shape (2, 1, 3), all values 20.
    """
    raise NotImplementedError
