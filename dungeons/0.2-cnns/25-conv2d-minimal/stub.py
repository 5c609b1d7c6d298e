"""Room: 2-D convolution with batches and channels (no stride, no padding)."""

import einops
import torch
from jaxtyping import Float
from torch import Tensor


def conv2d_minimal(
    x: Float[Tensor, "batch in_channels height width"],
    weights: Float[Tensor, "out_channels in_channels kernel_height kernel_width"],
) -> Float[Tensor, "batch out_channels output_height output_width"]:
    """Valid 2-D cross-correlation, like torch's conv2d with stride 1 and padding 0.

    x: (b, ic, h, w), weights: (oc, ic, kh, kw) -> (b, oc, h - kh + 1, w - kw + 1).
    """
    raise NotImplementedError
