"""Room: SimpleMLP: composing modules.

Flatten -> Linear(64, 100) -> ReLU -> Linear(100, 10), for 8x8 digit images.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class SimpleMLP(nn.Module):
    def __init__(self):
        """Sub-modules, in this order: flatten, linear1 (64 -> 100), relu, linear2 (100 -> 10)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch 8 8"]) -> Float[Tensor, "batch 10"]:
        """Logits for the 10 digits."""
        raise NotImplementedError
