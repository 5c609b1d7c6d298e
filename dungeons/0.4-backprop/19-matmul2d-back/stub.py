"""Room: Backward of a matrix product.

Write matmul2d_back0 and matmul2d_back1, the backward functions of x @ y for 2-D arrays.
"""

import numpy as np

Arr = np.ndarray


def _matmul2d(x: Arr, y: Arr) -> Arr:
    """Given: the forward function, x @ y for two 2-D arrays."""
    return x @ y


def matmul2d_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    """Backward of out = x @ y wrt x.

    x: (n, k), y: (k, m), grad_out and out: (n, m).  Return: dL/dx, shape (n, k).

    Example: x [[1, 2]], y [[3], [4]], grad_out [[1]]  ->  [[3, 4]]
    """
    raise NotImplementedError


def matmul2d_back1(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    """Backward of out = x @ y wrt y.

    x: (n, k), y: (k, m), grad_out and out: (n, m).  Return: dL/dy, shape (k, m).

    Example: x [[1, 2]], y [[3], [4]], grad_out [[1]]  ->  [[1], [2]]
    """
    raise NotImplementedError
