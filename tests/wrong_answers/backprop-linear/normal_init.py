"""Wrong: initialises with a standard normal scaled by 1/sqrt(in), not a uniform."""

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
        self.weight = Parameter(Tensor(bound * np.random.randn(out_features, in_features)))
        self.bias = Parameter(Tensor(bound * np.random.randn(out_features))) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        out = x @ self.weight.T
        return out if self.bias is None else out + self.bias
