"""Reference solution: multiply_back0 and multiply_back1."""

import numpy as np

Arr = np.ndarray


# ---- given (from the previous room) ---------------------------------------------------
def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    """Sum `broadcasted` until it has the shape of `original`."""
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(i for i, (o, b) in enumerate(zip(original.shape, summed.shape))
                      if o == 1 and b != 1)
    return summed.sum(axis=stretched, keepdims=True)


# ---- yours ------------------------------------------------------------------------------
def multiply_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr | float) -> Arr:
    """Backward function for `out = x * y`, wrt x (argument 0).

    grad_out, out: the broadcast shape of x * y.
    x: Arr; y: Arr or float.
    Returns dL/dx, shaped like x.
    """
    return unbroadcast(y * grad_out, x)


def multiply_back1(grad_out: Arr, out: Arr, x: Arr | float, y: Arr) -> Arr:
    """Backward function for `out = x * y`, wrt y (argument 1).

    grad_out, out: the broadcast shape of x * y.
    x: Arr or float; y: Arr.
    Returns dL/dy, shaped like y.
    """
    return unbroadcast(x * grad_out, y)
