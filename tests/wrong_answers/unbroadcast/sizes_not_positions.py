"""Wrong: collects the size value (1) instead of the axis position."""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(sorted({o for o, b in zip(original.shape, summed.shape)
                              if o == 1 and b != 1}))
    return summed.sum(axis=stretched, keepdims=True)
