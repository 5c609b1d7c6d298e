"""Room (bonus): conv_transpose1d_minimal from an ordinary convolution.

x: (batch, in_channels, width), weights: (in_channels, out_channels, kernel_width)
-> (batch, out_channels, width + kernel_width - 1). No conv_transpose1d.
"""

import torch as t
import torch.nn.functional as F
from einops import rearrange
from jaxtyping import Float
from torch import Tensor


def conv_transpose1d_minimal(
    x: Float[Tensor, "b ic w"], weights: Float[Tensor, "ic oc kw"]
) -> Float[Tensor, "b oc ow"]:
    """Transposed 1D convolution, stride 1, no padding; ow = w + kw - 1.

    Example: x = [[[1, 10]]], weights = [[[1, 2, 3]]] -> [[[1, 12, 23, 30]]].
    """
    raise NotImplementedError
