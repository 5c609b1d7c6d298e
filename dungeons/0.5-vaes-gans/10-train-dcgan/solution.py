"""Reference solution: DCGANTrainer.train, with the two steps from gan-training-steps."""

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
        self.netG = netG
        self.netD = netD
        self.args = args
        self.optG = t.optim.Adam(netG.parameters(), lr=args.lr, betas=args.betas)
        self.optD = t.optim.Adam(netD.parameters(), lr=args.lr, betas=args.betas)

    def training_step_discriminator(
        self, img_real: Float[Tensor, "batch c h w"], img_fake: Float[Tensor, "batch c h w"]
    ) -> Float[Tensor, ""]:
        self.optD.zero_grad()
        D_x = self.netD(img_real)
        D_G_z = self.netD(img_fake.detach())
        lossD = -(t.log(D_x).mean() + t.log(1 - D_G_z).mean())
        lossD.backward()
        self.optD.step()
        return lossD

    def training_step_generator(self, img_fake: Float[Tensor, "batch c h w"]) -> Float[Tensor, ""]:
        self.optG.zero_grad()
        lossG = -t.log(self.netD(img_fake)).mean()
        lossG.backward()
        self.optG.step()
        return lossG

    def train(self, images: Float[Tensor, "n c h w"]) -> tuple[list[float], list[float]]:
        t.manual_seed(self.args.seed)
        loader = DataLoader(TensorDataset(images), batch_size=self.args.batch_size, shuffle=True)
        lossesD, lossesG = [], []
        for _ in range(self.args.epochs):
            for (img_real,) in loader:
                noise = t.randn(len(img_real), self.args.latent_dim_size)
                img_fake = self.netG(noise)
                lossesD.append(self.training_step_discriminator(img_real, img_fake).item())
                lossesG.append(self.training_step_generator(img_fake).item())
        return lossesD, lossesG
