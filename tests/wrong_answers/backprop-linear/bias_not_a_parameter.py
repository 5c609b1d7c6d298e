"""Wrong: stores the bias as a plain Tensor, so parameters() never yields it."""

import numpy as np

from backprop_framework import Module, Parameter, Tensor


class Linear(Module):
    weight: Parameter
    bias: "Parameter | None"

    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        bound = in_features ** -0.5
        self.weight = Parameter(Tensor(np.random.uniform(-bound, bound, (out_features, in_features))))
        self.bias = Tensor(np.random.uniform(-bound, bound, (out_features,)), requires_grad=True) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        out = x @ self.weight.T
        return out if self.bias is None else out + self.bias
