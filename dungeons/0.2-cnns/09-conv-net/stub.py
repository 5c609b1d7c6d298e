"""Room: ConvNet: keeping track of shapes.

conv1 -> relu1 -> maxpool1 -> conv2 -> relu2 -> maxpool2 -> flatten -> fc1 -> relu3 -> fc2,
for (batch, 1, 8, 8) digit images.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class ConvNet(nn.Module):
    def __init__(self):
        """The ten layers of the brief, as attributes, in order."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch 1 8 8"]) -> Float[Tensor, "batch 10"]:
        """Logits for the 10 digits."""
        raise NotImplementedError
