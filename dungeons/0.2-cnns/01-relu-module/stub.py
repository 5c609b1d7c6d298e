"""Room: Your first module: ReLU.

Write ReLU as an nn.Module whose forward returns max(x, 0) elementwise.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class ReLU(nn.Module):
    def forward(self, x: Float[Tensor, "*"]) -> Float[Tensor, "*"]:
        """Return max(x, 0) elementwise, as a new tensor of the same shape and dtype.

        ReLU()(t.tensor([-2.0, 0.0, 3.0])) -> tensor([0., 0., 3.])
        """
        raise NotImplementedError
