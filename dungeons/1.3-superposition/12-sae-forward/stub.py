"""Room: the toy SAE's forward pass and loss.

sae_base.py (next to this file) gives ToySAEBase (room 11): self.cfg, self.model, W_enc
(inst, d_in, d_sae), b_enc (inst, d_sae), b_dec (inst, d_in), W_dec and W_dec_normalized
(inst, d_sae, d_in), generate_batch.
"""

import einops
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor

from sae_base import ToySAEBase


class ToySAE(ToySAEBase):
    def forward(self, h: Float[Tensor, "batch inst d_in"]) -> tuple[
        dict[str, Float[Tensor, "batch inst"]],
        Float[Tensor, ""],
        Float[Tensor, "batch inst d_sae"],
        Float[Tensor, "batch inst d_in"],
    ]:
        """Encode h - b_dec with W_enc, + b_enc, ReLU -> acts; decode with W_dec_normalized,
        + b_dec -> h_reconstructed. Returns (loss_dict, loss, acts, h_reconstructed):
        loss_dict["L_reconstruction"] = mean over d_in of (h_reconstructed - h) ** 2,
        loss_dict["L_sparsity"] = sum over d_sae of |acts|, both (batch, inst);
        loss = (L_reconstruction + cfg.sparsity_coeff * L_sparsity), mean over the batch,
        summed over instances.
        """
        raise NotImplementedError
