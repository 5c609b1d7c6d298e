"""sae_model: the toy SAE with its forward pass (rooms 11-12's answers).

GIVEN code: read it and import from it, but don't edit it. `ToySAE` is `ToySAEBase`
(sae_base.py: parameters, W_dec_normalized, generate_batch) plus
`forward(h) -> (loss_dict, loss, acts, h_reconstructed)`:
    acts = ReLU((h - b_dec) W_enc + b_enc), h_reconstructed = acts W_dec_normalized + b_dec,
    loss_dict["L_reconstruction"] (batch, inst), loss_dict["L_sparsity"] (batch, inst),
    loss = (L_reconstruction + sparsity_coeff * L_sparsity).mean(0).sum().
"""

import einops
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor

from sae_base import ToySAEBase
from toy_base import ToySAEConfig  # noqa: F401  (re-exported for the rooms)


class ToySAE(ToySAEBase):
    def forward(self, h: Float[Tensor, "batch inst d_in"]) -> tuple[
        dict[str, Float[Tensor, "batch inst"]],
        Float[Tensor, ""],
        Float[Tensor, "batch inst d_sae"],
        Float[Tensor, "batch inst d_in"],
    ]:
        h_cent = h - self.b_dec
        acts_pre = einops.einsum(h_cent, self.W_enc, "batch inst d_in, inst d_in d_sae -> batch inst d_sae") + self.b_enc
        acts = F.relu(acts_pre)
        h_reconstructed = einops.einsum(acts, self.W_dec_normalized,
                                        "batch inst d_sae, inst d_sae d_in -> batch inst d_in") + self.b_dec
        loss_dict = {
            "L_reconstruction": (h_reconstructed - h).pow(2).mean(-1),
            "L_sparsity": acts.abs().sum(-1),
        }
        loss = (loss_dict["L_reconstruction"] + self.cfg.sparsity_coeff * loss_dict["L_sparsity"]).mean(0).sum()
        return loss_dict, loss, acts, h_reconstructed
