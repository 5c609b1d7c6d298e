"""Room: the simplest 1-D convolution.

Build the (ow, kw) window view of x with as_strided, then contract it with the kernel.
"""

import einops
import torch
from jaxtyping import Float
from torch import Tensor


def conv1d_minimal_simple(
    x: Float[Tensor, "width"], weights: Float[Tensor, "kernel_width"]
) -> Float[Tensor, "output_width"]:
    """Valid 1-D cross-correlation: out[p] = sum_q x[p + q] * weights[q].

    x: (w,), weights: (kw,) -> (w - kw + 1,).
    Example: x = [1, 2, 4, 7, 11], weights = [1, 0, -1] -> [-3, -5, -7].
    """
    raise NotImplementedError
