"""Room: correlated features, in pairs that are present or absent together.

toy_model.py (next to this file) gives ToyModel (forward, generate_batch, calculate_loss);
self.feature_probability is (inst, feats) and every feature of an instance shares one p here.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor

import toy_model


class ToyModel(toy_model.ToyModel):
    def generate_correlated_features(
        self, batch_size: int, n_correlated_pairs: int
    ) -> Float[Tensor, "batch inst 2*n_correlated_pairs"]:
        """Features 2k and 2k+1 are both present (with probability p =
        self.feature_probability[:, [0]], per instance) or both absent; their magnitudes
        are independent uniform [0, 1) draws. Pairs, instances and rows are independent.
        """
        raise NotImplementedError
