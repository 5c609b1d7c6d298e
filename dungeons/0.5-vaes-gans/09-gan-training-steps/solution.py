"""Reference solution: DCGANTrainer's two training steps."""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class DCGANTrainer:
    def __init__(self, netG: nn.Module, netD: nn.Module, lr: float = 2e-4,
                 betas: tuple[float, float] = (0.5, 0.999)):
        self.netG = netG
        self.netD = netD
        self.optG = t.optim.Adam(netG.parameters(), lr=lr, betas=betas)
        self.optD = t.optim.Adam(netD.parameters(), lr=lr, betas=betas)

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
