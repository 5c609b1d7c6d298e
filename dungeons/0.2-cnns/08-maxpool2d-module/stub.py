"""Room: MaxPool2d: a module with settings but no parameters.

Wrap F.max_pool2d; stride None means kernel_size; default padding 1; readable extra_repr.
"""

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn


class MaxPool2d(nn.Module):
    def __init__(self, kernel_size: int, stride: int | None = None, padding: int = 1):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels out_height out_width"]:
        """Max over each kernel_size x kernel_size window (F.max_pool2d is allowed)."""
        raise NotImplementedError

    def extra_repr(self) -> str:
        """E.g. 'kernel_size=3, stride=2, padding=1'."""
        raise NotImplementedError
