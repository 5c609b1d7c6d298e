"""Room: Add, subtract, divide: six backward functions.

Write the backward functions of np.add, np.subtract and np.true_divide, for both arguments.
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


def add_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    """Backward of out = x + y wrt x. Return shape: x.shape.

    Example: x (4,), y (3, 1), grad_out ones (3, 4)  ->  [3, 3, 3, 3]
    """
    raise NotImplementedError


def add_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    """Backward of out = x + y wrt y. Return shape: y.shape.

    Example: x (4,), y (3, 1), grad_out ones (3, 4)  ->  [[4], [4], [4]]
    """
    raise NotImplementedError


def subtract_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    """Backward of out = x - y wrt x. Return shape: x.shape."""
    raise NotImplementedError


def subtract_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    """Backward of out = x - y wrt y. Return shape: y.shape."""
    raise NotImplementedError


def true_divide_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    """Backward of out = x / y wrt x. Return shape: x.shape."""
    raise NotImplementedError


def true_divide_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    """Backward of out = x / y wrt y. Return shape: y.shape."""
    raise NotImplementedError
