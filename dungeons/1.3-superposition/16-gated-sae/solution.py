"""Room: a gated SAE, which decides whether a latent fires apart from how strongly.

sae_trainer.py (next to this file) gives ToySAE (rooms 11-13): W_enc, b_enc, b_dec,
W_dec_normalized, generate_batch, optimize. Here W_enc and b_enc are the gate's weights.
"""

import einops
import torch as t
import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn

import sae_trainer
from toy_base import ToySAEConfig
from toy_model import ToyModel


class GatedToySAE(sae_trainer.ToySAE):
    r_mag: Float[Tensor, "inst d_sae"]
    b_mag: Float[Tensor, "inst d_sae"]

    def __init__(self, cfg: ToySAEConfig, model: ToyModel) -> None:
        """Given: the standard SAE's parameters, plus r_mag and b_mag (zeros)."""
        super().__init__(cfg, model)
        self.r_mag = nn.Parameter(t.zeros((cfg.n_inst, cfg.d_sae)))
        self.b_mag = nn.Parameter(t.zeros((cfg.n_inst, cfg.d_sae)))

    @property
    def W_gate(self) -> Float[Tensor, "inst d_in d_sae"]:
        return self.W_enc

    @property
    def b_gate(self) -> Float[Tensor, "inst d_sae"]:
        return self.b_enc

    @property
    def W_mag(self) -> Float[Tensor, "inst d_in d_sae"]:
        """The gate's weights, each latent's column rescaled by exp(r_mag)."""
        return self.r_mag.exp().unsqueeze(1) * self.W_gate

    def forward(self, h: Float[Tensor, "batch inst d_in"]) -> tuple[
        dict[str, Float[Tensor, "batch inst"]],
        Float[Tensor, ""],
        Float[Tensor, "batch inst d_sae"],
        Float[Tensor, "batch inst d_in"],
    ]:
        """pi_gate = (h - b_dec) W_gate + b_gate; pi_mag = (h - b_dec) W_mag + b_mag;
        acts = (pi_gate > 0) * ReLU(pi_mag); h_reconstructed = acts W_dec_normalized + b_dec.
        loss_dict: "L_reconstruction" = mean over d_in of (h_reconstructed - h) ** 2;
        "L_sparsity" = sum over d_sae of ReLU(pi_gate); "L_aux" = mean over d_in of
        (ReLU(pi_gate) W_dec_normalized.detach() + b_dec.detach() - h) ** 2.
        loss = L_reconstruction + sparsity_coeff * L_sparsity + L_aux, mean over the batch,
        summed over instances. Returns (loss_dict, loss, acts, h_reconstructed).
        """
        h_cent = h - self.b_dec
        pi_gate = einops.einsum(h_cent, self.W_gate, "batch inst d_in, inst d_in d_sae -> batch inst d_sae") + self.b_gate
        pi_mag = einops.einsum(h_cent, self.W_mag, "batch inst d_in, inst d_in d_sae -> batch inst d_sae") + self.b_mag
        acts = (pi_gate > 0).float() * F.relu(pi_mag)
        h_reconstructed = einops.einsum(acts, self.W_dec_normalized,
                                        "batch inst d_sae, inst d_sae d_in -> batch inst d_in") + self.b_dec
        via_gate = einops.einsum(F.relu(pi_gate), self.W_dec_normalized.detach(),
                                 "batch inst d_sae, inst d_sae d_in -> batch inst d_in") + self.b_dec.detach()
        loss_dict = {
            "L_reconstruction": (h_reconstructed - h).pow(2).mean(-1),
            "L_sparsity": F.relu(pi_gate).sum(-1),
            "L_aux": (via_gate - h).pow(2).mean(-1),
        }
        loss = (loss_dict["L_reconstruction"] + self.cfg.sparsity_coeff * loss_dict["L_sparsity"]
                + loss_dict["L_aux"]).mean(0).sum()
        return loss_dict, loss, acts, h_reconstructed
