"""Room: the toy model with a ReLU on its hidden layer (neurons with a privileged basis).

toy_model.py (next to this file) gives ToyModel: self.W (inst, d_hidden, feats),
self.b_final (inst, feats), generate_batch and calculate_loss.
"""

import einops
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor

import toy_model


class NeuronModel(toy_model.ToyModel):
    def forward(self, features: Float[Tensor, "... inst feats"]) -> Float[Tensor, "... inst feats"]:
        """h = ReLU(W x) (the neurons), out = ReLU(Wᵀ h + b_final), for every instance.

        features: (..., inst, feats); returns (..., inst, feats).
        Example (1 instance): W = [[1, -1]], b_final = [0.1, 0.2], x = [0, 1] -> [0.1, 0.2].
        """
        h = F.relu(einops.einsum(features, self.W, "... inst feats, inst hidden feats -> ... inst hidden"))
        out = einops.einsum(h, self.W, "... inst hidden, inst hidden feats -> ... inst feats")
        return F.relu(out + self.b_final)
