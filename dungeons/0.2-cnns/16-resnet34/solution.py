"""Reference solution: ResNet34 (with the blocks it is built from)."""

from jaxtyping import Float
from torch import Tensor, nn


class ResidualBlock(nn.Module):
    def __init__(self, in_feats: int, out_feats: int, first_stride: int = 1):
        super().__init__()
        self.left = nn.Sequential(
            nn.Conv2d(in_feats, out_feats, 3, stride=first_stride, padding=1, bias=False),
            nn.BatchNorm2d(out_feats),
            nn.ReLU(),
            nn.Conv2d(out_feats, out_feats, 3, stride=1, padding=1, bias=False),
            nn.BatchNorm2d(out_feats),
        )
        if first_stride == 1 and in_feats == out_feats:
            self.right = nn.Identity()
        else:
            self.right = nn.Sequential(
                nn.Conv2d(in_feats, out_feats, 1, stride=first_stride, bias=False),
                nn.BatchNorm2d(out_feats),
            )
        self.relu = nn.ReLU()

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        return self.relu(self.left(x) + self.right(x))


class BlockGroup(nn.Module):
    def __init__(self, n_blocks: int, in_feats: int, out_feats: int, first_stride: int = 1):
        super().__init__()
        self.blocks = nn.Sequential(
            ResidualBlock(in_feats, out_feats, first_stride),
            *[ResidualBlock(out_feats, out_feats) for _ in range(n_blocks - 1)],
        )

    def forward(self, x: Float[Tensor, "batch in_feats height width"]
                ) -> Float[Tensor, "batch out_feats out_height out_width"]:
        return self.blocks(x)


class AveragePool(nn.Module):
    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels"]:
        return x.mean(dim=(2, 3))


class ResNet34(nn.Module):
    def __init__(
        self,
        n_blocks_per_group: list[int] = [3, 4, 6, 3],
        out_features_per_group: list[int] = [64, 128, 256, 512],
        first_strides_per_group: list[int] = [1, 2, 2, 2],
        n_classes: int = 1000,
    ):
        super().__init__()
        in_feats0 = 64
        self.in_layers = nn.Sequential(
            nn.Conv2d(3, in_feats0, 7, stride=2, padding=3, bias=False),
            nn.BatchNorm2d(in_feats0),
            nn.ReLU(),
            nn.MaxPool2d(3, stride=2, padding=1),
        )
        in_feats = [in_feats0] + out_features_per_group[:-1]
        self.residual_layers = nn.Sequential(*[
            BlockGroup(n, i, o, s) for n, i, o, s in
            zip(n_blocks_per_group, in_feats, out_features_per_group, first_strides_per_group)
        ])
        self.out_layers = nn.Sequential(AveragePool(),
                                        nn.Linear(out_features_per_group[-1], n_classes))

    def forward(self, x: Float[Tensor, "batch 3 height width"]) -> Float[Tensor, "batch n_classes"]:
        return self.out_layers(self.residual_layers(self.in_layers(x)))
