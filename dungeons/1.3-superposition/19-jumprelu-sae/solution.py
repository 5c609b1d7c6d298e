"""Room: the JumpReLU SAE's forward pass, with an L0 penalty that can learn.

sae_trainer.py (next to this file) gives ToySAE (rooms 11-13); ste.py gives Heaviside and
JumpReLU (rooms 17-18), each called as Fn.apply(x, threshold, bandwidth).
"""

import math

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn

import sae_trainer
from ste import Heaviside, JumpReLU
from toy_base import ToySAEConfig
from toy_model import ToyModel


class JumpReLUToySAE(sae_trainer.ToySAE):
    log_threshold: Float[Tensor, "inst d_sae"]

    def __init__(self, cfg: ToySAEConfig, model: ToyModel) -> None:
        """Given: the standard SAE's parameters, plus log_threshold (one per latent)."""
        super().__init__(cfg, model)
        self.log_threshold = nn.Parameter(t.full((cfg.n_inst, cfg.d_sae), math.log(cfg.jumprelu_init_threshold)))

    @property
    def threshold(self) -> Float[Tensor, "inst d_sae"]:
        return self.log_threshold.exp()

    def forward(self, h: Float[Tensor, "batch inst d_in"]) -> tuple[
        dict[str, Float[Tensor, "batch inst"]],
        Float[Tensor, ""],
        Float[Tensor, "batch inst d_sae"],
        Float[Tensor, "batch inst d_in"],
    ]:
        """pre = (h - b_dec) W_enc + b_enc; acts = JumpReLU(pre, threshold, bandwidth);
        h_reconstructed = acts W_dec_normalized + b_dec. loss_dict: "L_reconstruction" (mean
        over d_in of the squared error), "L_sparsity" = Heaviside(pre, threshold, bandwidth)
        summed over d_sae (the L0 norm). loss = L_reconstruction + cfg.jumprelu_sparsity_coeff
        * L_sparsity, mean over the batch, summed over instances (bandwidth:
        cfg.jumprelu_bandwidth). Returns (loss_dict, loss, acts, h_reconstructed).
        """
        bandwidth = self.cfg.jumprelu_bandwidth
        pre = einops.einsum(h - self.b_dec, self.W_enc, "batch inst d_in, inst d_in d_sae -> batch inst d_sae") + self.b_enc
        acts = JumpReLU.apply(pre, self.threshold, bandwidth)
        h_reconstructed = einops.einsum(acts, self.W_dec_normalized,
                                        "batch inst d_sae, inst d_sae d_in -> batch inst d_in") + self.b_dec
        loss_dict = {
            "L_reconstruction": (h_reconstructed - h).pow(2).mean(-1),
            "L_sparsity": Heaviside.apply(pre, self.threshold, bandwidth).sum(-1),
        }
        loss = (loss_dict["L_reconstruction"] + self.cfg.jumprelu_sparsity_coeff * loss_dict["L_sparsity"]).mean(0).sum()
        return loss_dict, loss, acts, h_reconstructed
