"""Wrong: uses >= on both sides, so a tie sends the full gradient to both."""

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
    share = (x >= y) * 1.0
    return unbroadcast(grad_out * share, x)


def maximum_back1(grad_out: Arr, out: Arr, x: "Arr | float", y: Arr) -> Arr:
    share = (y >= x) * 1.0
    return unbroadcast(grad_out * share, y)
