"""Room: Linear: parameters and their initialisation.

A drop-in for nn.Linear: weight (out, in) and bias (out,) as nn.Parameters, both uniform in
[-1/sqrt(in_features), 1/sqrt(in_features)]; bias None when bias=False.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class Linear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        """Make weight (out_features, in_features) and bias (out_features,) or None.

        Both are nn.Parameters drawn uniformly from [-1/sqrt(in_features), 1/sqrt(in_features)].
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "... in_features"]) -> Float[Tensor, "... out_features"]:
        """x @ weight.T + bias, for any number of leading dims."""
        raise NotImplementedError

    def extra_repr(self) -> str:
        """E.g. 'in_features=3, out_features=2, bias=True'."""
        raise NotImplementedError
