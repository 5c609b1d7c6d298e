"""Room: Tanh, LeakyReLU, Sigmoid from elementary ops.

Each forward works elementwise on any shape. No torch.tanh, torch.sigmoid, F.leaky_relu.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class Tanh(nn.Module):
    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        """(e^x - e^-x) / (e^x + e^-x), elementwise; same shape as x."""
        raise NotImplementedError


class LeakyReLU(nn.Module):
    def __init__(self, negative_slope: float = 0.01):
        """Store negative_slope as self.negative_slope."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        """x where x > 0, else negative_slope * x; same shape as x."""
        raise NotImplementedError

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}"


class Sigmoid(nn.Module):
    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        """1 / (1 + e^-x), elementwise; same shape as x."""
        raise NotImplementedError
