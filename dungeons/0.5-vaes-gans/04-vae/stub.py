"""Room: VAE.

encoder: (batch, 1, 28, 28) -> (2, batch, latent) = (mu, logsigma); decoder as in the
autoencoder. z = mu + exp(logsigma) * eps, eps ~ N(0, 1).
"""

import torch as t
from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class VAE(nn.Module):
    def __init__(self, latent_dim_size: int, hidden_dim_size: int):
        """Build self.encoder (ending in Linear(hidden, 2 * latent) and a Rearrange to
        (2, batch, latent)) and self.decoder (the autoencoder's)."""
        super().__init__()
        raise NotImplementedError

    def sample_latent_vector(self, x: Float[Tensor, "batch 1 28 28"]) -> tuple[
        Float[Tensor, "batch latent"], Float[Tensor, "batch latent"], Float[Tensor, "batch latent"]
    ]:
        """Return (z, mu, logsigma), z sampled from N(mu, exp(logsigma)^2), differentiably."""
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch 1 28 28"]) -> tuple[
        Float[Tensor, "batch 1 28 28"], Float[Tensor, "batch latent"], Float[Tensor, "batch latent"]
    ]:
        """Return (decoder(z), mu, logsigma)."""
        raise NotImplementedError
