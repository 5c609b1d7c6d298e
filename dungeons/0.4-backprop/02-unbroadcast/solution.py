"""Reference solution: unbroadcast."""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    """Sum `broadcasted` until it has the shape of `original`."""
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(i for i, (o, b) in enumerate(zip(original.shape, summed.shape))
                      if o == 1 and b != 1)
    return summed.sum(axis=stretched, keepdims=True)
