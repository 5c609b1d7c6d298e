"""Room: DCGAN Discriminator.

images (batch, img_channels, img_size, img_size) -> probabilities (batch,) in (0, 1).
"""

import torch as t
from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Discriminator(nn.Module):
    def __init__(
        self,
        img_size: int = 64,
        img_channels: int = 3,
        hidden_channels: list[int] = [128, 256, 512],
    ):
        """Build self.hidden_layers and self.classifier (see the brief)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch channels size size"]) -> Float[Tensor, "batch"]:
        raise NotImplementedError
