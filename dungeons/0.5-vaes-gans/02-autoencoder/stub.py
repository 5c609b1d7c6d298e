"""Room: Autoencoder.

encoder: (batch, 1, 28, 28) -> (batch, latent_dim_size); decoder: the mirror image.
"""

import torch as t
from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Autoencoder(nn.Module):
    def __init__(self, latent_dim_size: int, hidden_dim_size: int):
        """Build self.encoder and self.decoder, two nn.Sequential, layers as in the brief."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, "batch 1 28 28"]:
        """decoder(encoder(x))."""
        raise NotImplementedError
