"""Boss: train the VAE on the handwritten digits.

training_step: forward, vae_loss, zero_grad, backward, step. train: shuffled batches,
args.epochs epochs, one loss.item() per step.
"""

from dataclasses import dataclass

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class VAEArgs:
    latent_dim_size: int = 5
    hidden_dim_size: int = 64
    batch_size: int = 32
    epochs: int = 6
    lr: float = 2e-3
    betas: tuple[float, float] = (0.5, 0.999)
    beta_kl: float = 0.01


def vae_loss(
    img: Float[Tensor, "batch 1 28 28"],
    img_reconstructed: Float[Tensor, "batch 1 28 28"],
    mu: Float[Tensor, "batch latent"],
    logsigma: Float[Tensor, "batch latent"],
    beta_kl: float = 0.1,
) -> Float[Tensor, ""]:
    """Paste yours from the vae-loss room: MSE + beta_kl * mean KL(N(mu, sigma^2) || N(0, 1))."""
    raise NotImplementedError


class VAETrainer:
    def __init__(self, model: nn.Module, args: VAEArgs):
        """Given: the model, the args and an Adam optimiser."""
        self.model = model
        self.args = args
        self.optimizer = t.optim.Adam(model.parameters(), lr=args.lr, betas=args.betas)

    def training_step(self, img: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, ""]:
        """One optimiser step on vae_loss for this batch; return the loss."""
        raise NotImplementedError

    def train(self, images: Float[Tensor, "n 1 28 28"]) -> list[float]:
        """args.epochs epochs of shuffled batches; return every step's loss as a float."""
        raise NotImplementedError
