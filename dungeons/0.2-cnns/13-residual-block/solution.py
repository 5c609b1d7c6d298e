"""Reference solution: ResidualBlock."""

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
