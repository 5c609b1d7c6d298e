"""Reference solution: DCGAN Discriminator."""

from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Discriminator(nn.Module):
    def __init__(
        self,
        img_size: int = 64,
        img_channels: int = 3,
        hidden_channels: list[int] = [128, 256, 512],
    ):
        super().__init__()
        n = len(hidden_channels)
        assert img_size % 2**n == 0, "img_size must be divisible by 2 ** len(hidden_channels)"
        s = img_size // 2**n
        blocks = []
        for i, (c_in, c_out) in enumerate(zip([img_channels] + hidden_channels[:-1], hidden_channels)):
            layers = [nn.Conv2d(c_in, c_out, 4, stride=2, padding=1, bias=False)]
            if i > 0:
                layers.append(nn.BatchNorm2d(c_out))
            layers.append(nn.LeakyReLU(0.2))
            blocks.append(nn.Sequential(*layers))
        self.hidden_layers = nn.Sequential(*blocks)
        self.classifier = nn.Sequential(
            Rearrange("b c h w -> b (c h w)"),
            nn.Linear(hidden_channels[-1] * s * s, 1, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x: Float[Tensor, "batch channels size size"]) -> Float[Tensor, "batch"]:
        return self.classifier(self.hidden_layers(x)).squeeze()
