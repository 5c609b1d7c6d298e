"""Wrong: subtract_back1 passes grad_out back to y without the minus sign."""

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
    return unbroadcast(grad_out, x)


def add_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    return unbroadcast(grad_out, y)


def subtract_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    return unbroadcast(grad_out, x)


def subtract_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    return unbroadcast(grad_out, y)


def true_divide_back0(grad_out: Arr, out: Arr, x: Arr, y: "Arr | float") -> Arr:
    return unbroadcast(grad_out / y, x)


def true_divide_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    return unbroadcast(-grad_out * x / y**2, y)
