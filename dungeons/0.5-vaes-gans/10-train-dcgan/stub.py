"""Room: the DCGAN training loop.

Paste your two steps from the gan-training-steps room. train: seed with args.seed, then
for each epoch and each shuffled batch of real images: fresh noise, one fake batch, the
discriminator step, the generator step on the same fake batch; record both losses.
"""

from dataclasses import dataclass

import torch as t
from jaxtyping import Float
from torch import Tensor, nn
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class DCGANArgs:
    latent_dim_size: int = 8
    batch_size: int = 64
    epochs: int = 5
    lr: float = 2e-3
    betas: tuple[float, float] = (0.5, 0.999)
    seed: int = 0


class DCGANTrainer:
    def __init__(self, netG: nn.Module, netD: nn.Module, args: DCGANArgs):
        """Given: the two networks, the args and one Adam optimiser for each."""
        self.netG = netG
        self.netD = netD
        self.args = args
        self.optG = t.optim.Adam(netG.parameters(), lr=args.lr, betas=args.betas)
        self.optD = t.optim.Adam(netD.parameters(), lr=args.lr, betas=args.betas)

    def training_step_discriminator(
        self, img_real: Float[Tensor, "batch c h w"], img_fake: Float[Tensor, "batch c h w"]
    ) -> Float[Tensor, ""]:
        """Paste yours: one optimiser step of netD on lossD (img_fake detached); return lossD."""
        raise NotImplementedError

    def training_step_generator(self, img_fake: Float[Tensor, "batch c h w"]) -> Float[Tensor, ""]:
        """Paste yours: one optimiser step of netG on lossG = -log D(img_fake), mean; return lossG."""
        raise NotImplementedError

    def train(self, images: Float[Tensor, "n c h w"]) -> tuple[list[float], list[float]]:
        """Seeded; args.epochs epochs of shuffled real batches, a D step then a G step on each;
        return (lossesD, lossesG), one float each per batch."""
        raise NotImplementedError
