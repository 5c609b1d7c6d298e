"""Room: a model that must compute |x| of every feature, with neurons in the middle.

toy_base.py (next to this file) gives the config and ToyModelBase; the three methods are
small changes to the toy model's forward, generate_batch and calculate_loss (rooms 1-3).
"""

import einops
import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn

from toy_base import ToyModelBase, ToyModelConfig


class NeuronComputationModel(ToyModelBase):
    W1: Float[Tensor, "inst d_hidden feats"]
    W2: Float[Tensor, "inst feats d_hidden"]
    b_final: Float[Tensor, "inst feats"]

    def __init__(self, cfg: ToyModelConfig, feature_probability: float | Tensor = 1.0,
                 importance: float | Tensor = 1.0, device: str = "cpu"):
        """Given: W1, W2 (kaiming-uniform) and b_final (zeros); the tied W is removed."""
        super().__init__(cfg, feature_probability, importance, device)
        del self.W
        self.W1 = nn.Parameter(nn.init.kaiming_uniform_(t.empty((cfg.n_inst, cfg.d_hidden, cfg.n_features))))
        self.W2 = nn.Parameter(nn.init.kaiming_uniform_(t.empty((cfg.n_inst, cfg.n_features, cfg.d_hidden))))
        self.to(device)

    def forward(self, features: Float[Tensor, "... inst feats"]) -> Float[Tensor, "... inst feats"]:
        """h = ReLU(W1 x), out = ReLU(W2 h + b_final), for every instance."""
        h = F.relu(einops.einsum(features, self.W1, "... inst feats, inst hidden feats -> ... inst hidden"))
        out = einops.einsum(h, self.W2, "... inst hidden, inst feats hidden -> ... inst feats")
        return F.relu(out + self.b_final)

    def generate_batch(self, batch_size: int) -> Float[Tensor, "batch inst feats"]:
        """Present with probability feature_probability (its own draw); magnitude uniform in [-1, 1)."""
        shape = (batch_size, self.cfg.n_inst, self.cfg.n_features)
        feat_mag = 2 * t.rand(shape, device=self.W1.device) - 1
        feat_seeds = t.rand(shape, device=self.W1.device)
        return t.where(feat_seeds <= self.feature_probability, feat_mag, 0.0)

    def calculate_loss(self, out: Float[Tensor, "batch inst feats"],
                       batch: Float[Tensor, "batch inst feats"]) -> Float[Tensor, ""]:
        """Mean over batch and features of importance * (|batch| - out) ** 2, summed over instances."""
        error = self.importance * (batch.abs() - out) ** 2
        return einops.reduce(error, "batch inst feats -> inst", "mean").sum()
