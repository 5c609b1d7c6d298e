"""Reference solution: Linear."""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class Linear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        bound = 1 / in_features**0.5
        self.weight = nn.Parameter((t.rand(out_features, in_features) * 2 - 1) * bound)
        self.bias = nn.Parameter((t.rand(out_features) * 2 - 1) * bound) if bias else None

    def forward(self, x: Float[Tensor, "... in_features"]) -> Float[Tensor, "... out_features"]:
        y = einops.einsum(x, self.weight, "... i, o i -> ... o")
        return y if self.bias is None else y + self.bias

    def extra_repr(self) -> str:
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")
