"""Room: DCGAN Generator.

z: (batch, latent_dim_size) -> images (batch, img_channels, img_size, img_size) in (-1, 1).
"""

import torch as t
from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Generator(nn.Module):
    def __init__(
        self,
        latent_dim_size: int = 100,
        img_size: int = 64,
        img_channels: int = 3,
        hidden_channels: list[int] = [128, 256, 512],
    ):
        """Build self.project_and_reshape and self.hidden_layers (see the brief)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch latent"]) -> Float[Tensor, "batch channels size size"]:
        raise NotImplementedError
