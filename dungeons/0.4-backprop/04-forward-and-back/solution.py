"""Reference solution: forward_and_back."""

import numpy as np

Arr = np.ndarray


# ---- given (from the previous rooms) --------------------------------------------------
def unbroadcast(broadcasted: Arr, original: Arr) -> Arr:
    """Sum `broadcasted` until it has the shape of `original`."""
    k = broadcasted.ndim - original.ndim
    summed = broadcasted.sum(axis=tuple(range(k)))
    stretched = tuple(i for i, (o, b) in enumerate(zip(original.shape, summed.shape))
                      if o == 1 and b != 1)
    return summed.sum(axis=stretched, keepdims=True)


def log_back(grad_out: Arr, out: Arr, x: Arr) -> Arr:
    """Backward of out = np.log(x): dL/dx."""
    return grad_out / x


def multiply_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr | float) -> Arr:
    """Backward of out = x * y, wrt x: dL/dx shaped like x."""
    return unbroadcast(y * grad_out, x)


def multiply_back1(grad_out: Arr, out: Arr, x: Arr | float, y: Arr) -> Arr:
    """Backward of out = x * y, wrt y: dL/dy shaped like y."""
    return unbroadcast(x * grad_out, y)


# ---- yours ------------------------------------------------------------------------------
def forward_and_back(a: Arr, b: Arr, c: Arr) -> tuple[Arr, Arr, Arr]:
    """Forward: d = a * b, e = log(c), f = d * e, g = log(f).

    a, b: (n,); c: (1,) or (n,). Backward from grad_out = np.ones_like(g).
    Returns (dg_da, dg_db, dg_dc), shaped like a, b, c.

    Example: a = [1, 2, 3], b = [2, 3, 1], c = [10]
             -> ([1, 1/2, 1/3], [1/2, 1/3, 1], [0.13028834]).
    """
    d = a * b
    e = np.log(c)
    f = d * e
    g = np.log(f)

    dg_dg = np.ones_like(g)
    dg_df = log_back(dg_dg, g, f)
    dg_dd = multiply_back0(dg_df, f, d, e)
    dg_de = multiply_back1(dg_df, f, d, e)
    dg_da = multiply_back0(dg_dd, d, a, b)
    dg_db = multiply_back1(dg_dd, d, a, b)
    dg_dc = log_back(dg_de, e, c)
    return dg_da, dg_db, dg_dc
