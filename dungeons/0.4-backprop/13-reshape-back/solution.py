"""Reference solution: reshape_back."""

import numpy as np

Arr = np.ndarray


def reshape_back(grad_out: Arr, out: Arr, x: Arr, new_shape: tuple) -> Arr:
    """Reshaping moves no values, so reshaping back is the whole backward."""
    return np.reshape(grad_out, x.shape)
