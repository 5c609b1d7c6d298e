"""Room: anticorrelated features, in pairs where at most one is present.

toy_model.py (next to this file) gives ToyModel (forward, generate_batch, calculate_loss);
self.feature_probability is (inst, feats) and every feature of an instance shares one p <= 0.5.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor

import toy_model


class ToyModel(toy_model.ToyModel):
    def generate_anticorrelated_features(
        self, batch_size: int, n_anticorrelated_pairs: int
    ) -> Float[Tensor, "batch inst 2*n_anticorrelated_pairs"]:
        """Features 2k and 2k+1 are never present together; each one is present with
        probability p = self.feature_probability[:, [0]] (per instance), with a magnitude
        uniform in [0, 1). Pairs, instances and rows are independent.
        """
        p = self.feature_probability[:, [0]]  # (inst, 1)
        n_inst, device = self.cfg.n_inst, self.W.device
        u, v = t.rand((2, batch_size, n_inst, n_anticorrelated_pairs), device=device)
        even_present = u <= p
        odd_present = (u > p) & (v <= p / (1 - p))
        present = einops.rearrange(t.stack([even_present, odd_present], dim=-1),
                                   "batch inst pairs two -> batch inst (pairs two)")
        feat_mag = t.rand((batch_size, n_inst, 2 * n_anticorrelated_pairs), device=device)
        return t.where(present, feat_mag, 0.0)
