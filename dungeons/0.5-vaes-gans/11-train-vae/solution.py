"""Reference solution: VAETrainer.training_step and train."""

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
    kl = (0.5 * (mu**2 + t.exp(2 * logsigma) - 1) - logsigma).mean()
    return F.mse_loss(img_reconstructed, img) + beta_kl * kl


class VAETrainer:
    def __init__(self, model: nn.Module, args: VAEArgs):
        self.model = model
        self.args = args
        self.optimizer = t.optim.Adam(model.parameters(), lr=args.lr, betas=args.betas)

    def training_step(self, img: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, ""]:
        img_reconstructed, mu, logsigma = self.model(img)
        loss = vae_loss(img, img_reconstructed, mu, logsigma, self.args.beta_kl)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss

    def train(self, images: Float[Tensor, "n 1 28 28"]) -> list[float]:
        loader = DataLoader(TensorDataset(images), batch_size=self.args.batch_size, shuffle=True)
        losses = []
        for _ in range(self.args.epochs):
            for (img,) in loader:
                losses.append(self.training_step(img).item())
        return losses
