"""Room: the toy model's forward pass, ReLU(WᵀWx + b), for n_inst instances at once.

ToyModelBase (toy_base.py, next to this file) gives the parameters:
self.W (inst, d_hidden, feats) and self.b_final (inst, feats).
"""

import einops
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor

from toy_base import ToyModelBase, ToyModelConfig  # noqa: F401


class ToyModel(ToyModelBase):
    def forward(self, features: Float[Tensor, "... inst feats"]) -> Float[Tensor, "... inst feats"]:
        """h = W x (down to d_hidden), out = ReLU(Wᵀ h + b_final), for every instance.

        features: (..., inst, feats), any leading batch dims; returns (..., inst, feats).
        Example (1 instance): W = [[1, -1]], b_final = [0.25, 0.5], x = [1, 0] -> [1.25, 0].
        """
        raise NotImplementedError

