"""Room: BatchNorm2d: a module with two modes.

Per-channel batch norm over (batch, height, width): batch statistics and running-average
updates in train mode, the running statistics in eval mode.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class BatchNorm2d(nn.Module):
    running_mean: Float[Tensor, "num_features"]
    running_var: Float[Tensor, "num_features"]
    num_batches_tracked: Tensor  # an int64 scalar

    def __init__(self, num_features: int, eps: float = 1e-05, momentum: float = 0.1):
        """Parameters weight (ones), bias (zeros); buffers running_mean (zeros),
        running_var (ones), num_batches_tracked (tensor(0)), in that order."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels height width"]:
        """Normalise each channel: batch stats (and update the buffers) in train mode,
        the running stats in eval mode."""
        raise NotImplementedError
