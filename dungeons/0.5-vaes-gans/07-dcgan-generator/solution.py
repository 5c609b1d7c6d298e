"""Reference solution: DCGAN Generator."""

from einops.layers.torch import Rearrange
from jaxtyping import Float
from torch import Tensor, nn


class Generator(nn.Module):
    def __init__(
        self,
        latent_dim_size: int = 100,
        img_size: int = 64,
        img_channels: int = 3,
        hidden_channels: list[int] = [128, 256, 512],
    ):
        super().__init__()
        n = len(hidden_channels)
        assert img_size % 2**n == 0, "img_size must be divisible by 2 ** len(hidden_channels)"
        s = img_size // 2**n
        chans = list(hidden_channels)[::-1]
        self.project_and_reshape = nn.Sequential(
            nn.Linear(latent_dim_size, chans[0] * s * s, bias=False),
            Rearrange("b (c h w) -> b c h w", h=s, w=s),
            nn.BatchNorm2d(chans[0]),
            nn.ReLU(),
        )
        blocks = []
        for i, (c_in, c_out) in enumerate(zip(chans, chans[1:] + [img_channels])):
            conv = nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1, bias=False)
            if i < n - 1:
                blocks.append(nn.Sequential(conv, nn.BatchNorm2d(c_out), nn.ReLU()))
            else:
                blocks.append(nn.Sequential(conv, nn.Tanh()))
        self.hidden_layers = nn.Sequential(*blocks)

    def forward(self, x: Float[Tensor, "batch latent"]) -> Float[Tensor, "batch channels size size"]:
        return self.hidden_layers(self.project_and_reshape(x))
