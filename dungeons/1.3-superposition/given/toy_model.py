"""toy_model: the toy model of rooms 1-3 (forward, generate_batch, calculate_loss).

GIVEN code: read it and import from it, but don't edit it. It holds the answers of rooms
1-3 (the toy model's forward pass, its sparse feature batches and its loss) and builds on
`toy_base.py`. There is no training loop here: you write `optimize` in room 4, and later
rooms' tests train their models themselves.
"""

import einops
import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor

from toy_base import ToyModelBase, ToyModelConfig  # noqa: F401  (re-exported for the rooms)


class ToyModel(ToyModelBase):
    """ReLU(Wᵀ W x + b) for each of n_inst independent instances."""

    def forward(self, features: Float[Tensor, "... inst feats"]) -> Float[Tensor, "... inst feats"]:
        h = einops.einsum(features, self.W, "... inst feats, inst hidden feats -> ... inst hidden")
        out = einops.einsum(h, self.W, "... inst hidden, inst hidden feats -> ... inst feats")
        return F.relu(out + self.b_final)

    def generate_batch(self, batch_size: int) -> Float[Tensor, "batch inst feats"]:
        """Each feature is present with its feature_probability, with a magnitude uniform in [0, 1)."""
        shape = (batch_size, self.cfg.n_inst, self.cfg.n_features)
        feat_mag = t.rand(shape, device=self.W.device)
        feat_seeds = t.rand(shape, device=self.W.device)
        return t.where(feat_seeds <= self.feature_probability, feat_mag, 0.0)

    def calculate_loss(self, out: Float[Tensor, "batch inst feats"],
                       batch: Float[Tensor, "batch inst feats"]) -> Float[Tensor, ""]:
        """Importance-weighted squared error, mean over batch and features, summed over instances."""
        error = self.importance * (batch - out) ** 2
        return einops.reduce(error, "batch inst feats -> inst", "mean").sum()
