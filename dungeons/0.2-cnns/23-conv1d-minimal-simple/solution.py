"""Reference solution: conv1d_minimal_simple."""

import einops
from jaxtyping import Float
from torch import Tensor


def conv1d_minimal_simple(
    x: Float[Tensor, "width"], weights: Float[Tensor, "kernel_width"]
) -> Float[Tensor, "output_width"]:
    """Valid 1-D cross-correlation: out[p] = sum_q x[p + q] * weights[q]."""
    kw = weights.shape[0]
    ow = x.shape[0] - kw + 1
    (s,) = x.stride()
    windows = x.as_strided((ow, kw), (s, s))
    return einops.einsum(windows, weights, "ow kw, kw -> ow")
