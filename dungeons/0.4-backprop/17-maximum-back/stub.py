"""Room: Backward of maximum: who wins, and ties.

Write maximum_back0 and maximum_back1, the backward functions of np.maximum(x, y).
"""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: "Arr | float") -> Arr:
    """Given: sum `broadcasted` back down to the shape of `original`."""
    shape = np.shape(original)
    extra = broadcasted.ndim - len(shape)
    out = broadcasted.sum(axis=tuple(range(extra))) if extra > 0 else broadcasted
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and out.shape[i] != 1)
    return out.sum(axis=stretched, keepdims=True) if stretched else out


def maximum_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    """Backward of out = np.maximum(x, y) wrt x: 1 where x > y, 0.5 on ties. Shape: x.shape.

    Example: x [0, 1, 2], y [-1, 1, 3], grad_out ones  ->  [1, 0.5, 0]
    """
    raise NotImplementedError


def maximum_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    """Backward of out = np.maximum(x, y) wrt y: 1 where y > x, 0.5 on ties. Shape: y.shape.

    Example: x [0, 1, 2], y [-1, 1, 3], grad_out ones  ->  [0, 0.5, 1]
    """
    raise NotImplementedError
