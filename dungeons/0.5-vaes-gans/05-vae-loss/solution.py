"""Reference solution: vae_loss."""

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
    reconstruction = F.mse_loss(img_reconstructed, img)
    kl = (0.5 * (mu**2 + t.exp(2 * logsigma) - 1) - logsigma).mean()
    return reconstruction + beta_kl * kl
