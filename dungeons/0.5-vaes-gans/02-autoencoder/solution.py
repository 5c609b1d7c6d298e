"""Reference solution: Autoencoder."""

from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Autoencoder(nn.Module):
    def __init__(self, latent_dim_size: int, hidden_dim_size: int):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 4, stride=2, padding=1), nn.ReLU(),
            Rearrange("b c h w -> b (c h w)"),
            nn.Linear(32 * 7 * 7, hidden_dim_size), nn.ReLU(),
            nn.Linear(hidden_dim_size, latent_dim_size),
        )
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim_size, hidden_dim_size), nn.ReLU(),
            nn.Linear(hidden_dim_size, 32 * 7 * 7),
            Rearrange("b (c h w) -> b c h w", c=32, h=7, w=7), nn.ReLU(),
            nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1),
        )

    def forward(self, x: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, "batch 1 28 28"]:
        return self.decoder(self.encoder(x))
