"""Room: the importance-weighted loss of the toy model.

ToyModelBase (toy_base.py, next to this file) gives self.importance (inst, feats).
"""

import einops
from jaxtyping import Float
from torch import Tensor

from toy_base import ToyModelBase, ToyModelConfig  # noqa: F401


class ToyModel(ToyModelBase):
    def calculate_loss(self, out: Float[Tensor, "batch inst feats"],
                       batch: Float[Tensor, "batch inst feats"]) -> Float[Tensor, ""]:
        """Importance-weighted squared error: for each instance, the mean over batch and
        features of importance * (batch - out) ** 2; then the sum over instances.

        Example (1 instance, importance [1, 0.5]): batch [[1, 1]], out [[0, 0]] -> 0.75.
        """
        error = self.importance * (batch - out) ** 2
        return einops.reduce(error, "batch inst feats -> inst", "mean").sum()
