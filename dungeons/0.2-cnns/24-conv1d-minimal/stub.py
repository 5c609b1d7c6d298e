"""Room: 1-D convolution with batches and channels (no stride, no padding)."""

import einops
import torch
from jaxtyping import Float
from torch import Tensor


def conv1d_minimal(
    x: Float[Tensor, "batch in_channels width"],
    weights: Float[Tensor, "out_channels in_channels kernel_width"],
) -> Float[Tensor, "batch out_channels output_width"]:
    """Valid 1-D cross-correlation, like torch's conv1d with stride 1 and padding 0.

    x: (b, ic, w), weights: (oc, ic, kw) -> (b, oc, w - kw + 1).
    out[n, o, p] = sum over c, q of x[n, c, p + q] * weights[o, c, q].
    """
    raise NotImplementedError
