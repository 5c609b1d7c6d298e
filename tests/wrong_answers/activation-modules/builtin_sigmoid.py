"""Wrong: Sigmoid calls the built-in torch.sigmoid."""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class Tanh(nn.Module):
    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        return 2 / (1 + t.exp(-2 * x)) - 1


class LeakyReLU(nn.Module):
    def __init__(self, negative_slope: float = 0.01):
        super().__init__()
        self.negative_slope = negative_slope

    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        return t.where(x > 0, x, self.negative_slope * x)

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}"


class Sigmoid(nn.Module):
    def forward(self, x: Float[Tensor, "..."]) -> Float[Tensor, "..."]:
        return t.sigmoid(x)
