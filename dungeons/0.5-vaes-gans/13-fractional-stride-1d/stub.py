"""Room (bonus): fractional_stride_1d, stride - 1 zeros between neighbouring elements."""

import torch as t
from jaxtyping import Float
from torch import Tensor


def fractional_stride_1d(x: Float[Tensor, "b ic w"], stride: int = 1) -> Float[Tensor, "b ic ow"]:
    """Return x with stride - 1 zeros between elements; ow = (w - 1) * stride + 1.

    Example: [[[1, 2, 3]]], stride=2 -> [[[1, 0, 2, 0, 3]]].
    """
    raise NotImplementedError
