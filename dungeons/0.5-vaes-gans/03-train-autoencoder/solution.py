"""Reference solution: AutoencoderTrainer.training_step, evaluate and train."""

from dataclasses import dataclass

import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class AutoencoderArgs:
    latent_dim_size: int = 5
    hidden_dim_size: int = 64
    batch_size: int = 32
    epochs: int = 4
    lr: float = 2e-3
    betas: tuple[float, float] = (0.5, 0.999)


class AutoencoderTrainer:
    def __init__(self, model: nn.Module, args: AutoencoderArgs):
        self.model = model
        self.args = args
        self.optimizer = t.optim.Adam(model.parameters(), lr=args.lr, betas=args.betas)

    def training_step(self, img: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, ""]:
        loss = F.mse_loss(self.model(img), img)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss

    @t.inference_mode()
    def evaluate(self, img: Float[Tensor, "n 1 28 28"]) -> Float[Tensor, "n 1 28 28"]:
        return self.model(img)

    def train(self, images: Float[Tensor, "n 1 28 28"]) -> list[float]:
        loader = DataLoader(TensorDataset(images), batch_size=self.args.batch_size, shuffle=True)
        losses = []
        for _ in range(self.args.epochs):
            for (img,) in loader:
                losses.append(self.training_step(img).item())
        return losses
