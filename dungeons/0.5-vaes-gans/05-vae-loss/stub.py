"""Room: the VAE loss.

loss = mean squared error(img, img_reconstructed) + beta_kl * mean KL(N(mu, sigma^2) || N(0, 1)).
"""

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor


def vae_loss(
    img: Float[Tensor, "batch 1 28 28"],
    img_reconstructed: Float[Tensor, "batch 1 28 28"],
    mu: Float[Tensor, "batch latent"],
    logsigma: Float[Tensor, "batch latent"],
    beta_kl: float = 0.1,
) -> Float[Tensor, ""]:
    """Return the scalar VAE loss; KL per element is (mu^2 + sigma^2 - 1) / 2 - logsigma."""
    raise NotImplementedError
