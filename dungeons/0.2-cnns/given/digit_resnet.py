"""A small ResNet for 8x8 digits, and the copy trained on digits 0-5 that the game ships.

The layout follows this dungeon's ResNet34 in miniature, with the same three stages:

    in_layers        Conv2d(1, 16, 3, padding=1, bias=False) -> BatchNorm2d(16) -> ReLU
    residual_layers  one residual block, 16 -> 32 channels, stride 2 (8x8 -> 4x4)
    out_layers       AdaptiveAvgPool2d(1) -> Flatten -> Linear(32, n_classes)

Input `x: (batch, 1, 8, 8)` (grey levels in [0, 1]); output logits `(batch, n_classes)`.
`load_pretrained_digit_resnet()` returns the network trained by
`scripts/train_feature_extractor.py` on the digits 0-5 (6 classes), as a checkpoint
loads: train mode, every parameter trainable. Its facts are in `assets/README.md`.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

ASSET = Path(__file__).resolve().parent.parent / "assets" / "digit_resnet_0to5.pt"


class DigitBlock(nn.Module):
    """Two 3x3 convs with batch norm on the left, a strided 1x1 conv on the right."""

    def __init__(self, in_feats: int, out_feats: int, first_stride: int = 2):
        super().__init__()
        self.left = nn.Sequential(
            nn.Conv2d(in_feats, out_feats, 3, stride=first_stride, padding=1, bias=False),
            nn.BatchNorm2d(out_feats), nn.ReLU(),
            nn.Conv2d(out_feats, out_feats, 3, padding=1, bias=False), nn.BatchNorm2d(out_feats))
        self.right = nn.Sequential(
            nn.Conv2d(in_feats, out_feats, 1, stride=first_stride, bias=False),
            nn.BatchNorm2d(out_feats))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.left(x) + self.right(x))


class DigitResNet(nn.Module):
    """(batch, 1, 8, 8) -> (batch, n_classes): stem, one residual block, pool + linear."""

    def __init__(self, n_classes: int = 6, out_features_per_group: tuple[int, ...] = (16, 32)):
        super().__init__()
        first, last = out_features_per_group
        self.out_features_per_group = list(out_features_per_group)
        self.in_layers = nn.Sequential(
            nn.Conv2d(1, first, 3, padding=1, bias=False), nn.BatchNorm2d(first), nn.ReLU())
        self.residual_layers = nn.Sequential(DigitBlock(first, last))
        self.out_layers = nn.Sequential(
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(last, n_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out_layers(self.residual_layers(self.in_layers(x)))


def _find_asset(name: str = ASSET.name) -> Path:
    """../assets beside the shipped copy; from a workspace copy, ask arena_dungeon."""
    if (ASSET.parent / name).is_file():
        return ASSET.parent / name
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "0.2-cnns" / "assets" / name


def load_pretrained_digit_resnet() -> DigitResNet:
    """The DigitResNet trained on digits 0-5 (6 classes): train mode, all parameters trainable."""
    checkpoint = torch.load(_find_asset(), map_location="cpu", weights_only=True)
    model = DigitResNet(n_classes=6)
    model.load_state_dict(checkpoint)
    return model
