"""Room: Linear with your own Module system.

The framework you built (Tensor, backprop, every backward function, NoGrad, relu) is given
in backprop_framework.py, next to this file, and now ends with Parameter and Module: read
it, import from it, don't edit it. Write the Linear module below.
"""

import numpy as np

from backprop_framework import Module, Parameter, Tensor


class Linear(Module):
    weight: Parameter
    bias: "Parameter | None"

    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        """An affine map y = x @ weight.T + bias.

        weight: Parameter of shape (out_features, in_features); bias: Parameter of shape
        (out_features,), or None when bias=False. Both uniform in [-1/sqrt(in_features),
        1/sqrt(in_features)] (numpy's random generator). Call super().__init__() first.
        """
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """x: (batch, in_features) -> (batch, out_features)."""
        raise NotImplementedError
