"""Reference solution: VAE."""

import torch as t
from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class VAE(nn.Module):
    def __init__(self, latent_dim_size: int, hidden_dim_size: int):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 4, stride=2, padding=1), nn.ReLU(),
            Rearrange("b c h w -> b (c h w)"),
            nn.Linear(32 * 7 * 7, hidden_dim_size), nn.ReLU(),
            nn.Linear(hidden_dim_size, 2 * latent_dim_size),
            Rearrange("b (n latent) -> n b latent", n=2),
        )
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim_size, hidden_dim_size), nn.ReLU(),
            nn.Linear(hidden_dim_size, 32 * 7 * 7),
            Rearrange("b (c h w) -> b c h w", c=32, h=7, w=7), nn.ReLU(),
            nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1),
        )

    def sample_latent_vector(self, x: Float[Tensor, "batch 1 28 28"]) -> tuple[
        Float[Tensor, "batch latent"], Float[Tensor, "batch latent"], Float[Tensor, "batch latent"]
    ]:
        mu, logsigma = self.encoder(x)
        z = mu + t.exp(logsigma) * t.randn_like(mu)
        return z, mu, logsigma

    def forward(self, x: Float[Tensor, "batch 1 28 28"]) -> tuple[
        Float[Tensor, "batch 1 28 28"], Float[Tensor, "batch latent"], Float[Tensor, "batch latent"]
    ]:
        z, mu, logsigma = self.sample_latent_vector(x)
        return self.decoder(z), mu, logsigma
