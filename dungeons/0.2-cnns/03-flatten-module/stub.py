"""Room: Flatten: merging a run of axes.

Merge the axes start_dim..end_dim (inclusive, negatives allowed) into one, like nn.Flatten.
"""

import math

import torch as t
from torch import Tensor, nn


class Flatten(nn.Module):
    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """Merge axes start_dim..end_dim (both included) of x into one.

        For x of shape (2, 3, 4, 5): Flatten() -> (2, 60); Flatten(1, -2) -> (2, 12, 5).
        """
        raise NotImplementedError
