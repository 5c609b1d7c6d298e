"""Room: AveragePool: one number per channel.

(batch, channels, height, width) -> (batch, channels), the mean over height and width.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class AveragePool(nn.Module):
    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels"]:
        """The mean of each channel over its height and width.

        AveragePool()(t.arange(24.).reshape(1, 2, 3, 4)) -> tensor([[5.5, 17.5]])
        """
        raise NotImplementedError
