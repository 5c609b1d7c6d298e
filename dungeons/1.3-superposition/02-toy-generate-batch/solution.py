"""Room: sparse feature batches for the toy model.

ToyModelBase (toy_base.py, next to this file) gives self.feature_probability (inst, feats)
and self.cfg (n_inst, n_features).
"""

import torch as t
from jaxtyping import Float
from torch import Tensor

from toy_base import ToyModelBase, ToyModelConfig  # noqa: F401


class ToyModel(ToyModelBase):
    def generate_batch(self, batch_size: int) -> Float[Tensor, "batch inst feats"]:
        """A batch of sparse features: each element is present with its feature_probability
        (one independent draw per element), with a magnitude uniform in [0, 1) (another draw).

        Returns (batch_size, n_inst, n_features); absent features are 0.0.
        """
        shape = (batch_size, self.cfg.n_inst, self.cfg.n_features)
        feat_mag = t.rand(shape, device=self.W.device)
        feat_seeds = t.rand(shape, device=self.W.device)
        return t.where(feat_seeds <= self.feature_probability, feat_mag, 0.0)
