"""Room: train the autoencoder.

training_step: MSE between the reconstruction and the image; zero_grad, backward, step.
evaluate: the reconstructions, with no gradient tracking. train: shuffled batches,
args.epochs epochs, one loss.item() per step.
"""

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
        """Given: the model, the args and an Adam optimiser."""
        self.model = model
        self.args = args
        self.optimizer = t.optim.Adam(model.parameters(), lr=args.lr, betas=args.betas)

    def training_step(self, img: Float[Tensor, "batch 1 28 28"]) -> Float[Tensor, ""]:
        """One optimiser step on the reconstruction MSE of this batch; return the loss."""
        raise NotImplementedError

    def evaluate(self, img: Float[Tensor, "n 1 28 28"]) -> Float[Tensor, "n 1 28 28"]:
        """The model's reconstructions of img, computed without tracking gradients."""
        raise NotImplementedError

    def train(self, images: Float[Tensor, "n 1 28 28"]) -> list[float]:
        """args.epochs epochs of shuffled batches; return every step's loss as a float."""
        raise NotImplementedError
