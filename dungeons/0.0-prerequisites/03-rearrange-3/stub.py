"""Room: Axes of size one.

Build the numbers 1..6 as shape (1, 6, 1) using only torch.arange and einops.rearrange.
"""

import torch
from einops import rearrange
from jaxtyping import Int
from torch import Tensor


def rearrange_3() -> Int[Tensor, "1 6 1"]:
    """Return 1, 2, ..., 6 as an integer tensor of shape (1, 6, 1).

    Use torch.arange for the values and einops.rearrange for the shape
    (no reshape, view, unsqueeze or indexing with None).
    """
    raise NotImplementedError
