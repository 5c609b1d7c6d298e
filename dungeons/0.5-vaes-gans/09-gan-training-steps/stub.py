"""Room: the GAN training steps.

lossD = -(log D(x).mean() + log(1 - D(G(z))).mean()), with the fake image detached.
lossG = -log D(G(z)).mean() (non-saturating).
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class DCGANTrainer:
    def __init__(self, netG: nn.Module, netD: nn.Module, lr: float = 2e-4,
                 betas: tuple[float, float] = (0.5, 0.999)):
        """Given: the two networks and one Adam optimiser for each."""
        self.netG = netG
        self.netD = netD
        self.optG = t.optim.Adam(netG.parameters(), lr=lr, betas=betas)
        self.optD = t.optim.Adam(netD.parameters(), lr=lr, betas=betas)

    def training_step_discriminator(
        self, img_real: Float[Tensor, "batch c h w"], img_fake: Float[Tensor, "batch c h w"]
    ) -> Float[Tensor, ""]:
        """One optimiser step of netD on lossD; return lossD. Detach img_fake."""
        raise NotImplementedError

    def training_step_generator(self, img_fake: Float[Tensor, "batch c h w"]) -> Float[Tensor, ""]:
        """One optimiser step of netG on lossG = -log D(img_fake), mean; return lossG."""
        raise NotImplementedError
