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
        raise NotImplementedError
