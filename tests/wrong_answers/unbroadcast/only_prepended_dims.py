"""Wrong: sums the prepended dims only, never the stretched size-1 dims."""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    k = broadcasted.ndim - original.ndim
    return broadcasted.sum(axis=tuple(range(k)))
