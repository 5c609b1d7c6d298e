"""Wrong: sums the stretched dims without keepdims, so the size-1 dims disappear."""

import numpy as np

Arr = np.ndarray


def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(i for i, (o, b) in enumerate(zip(original.shape, summed.shape))
                      if o == 1 and b != 1)
    return summed.sum(axis=stretched)
