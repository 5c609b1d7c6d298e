"""Room: bring dead latents back, aimed at the inputs the SAE reconstructs worst.

sae_trainer.py (next to this file) gives ToySAE (rooms 11-13): parameters, generate_batch,
forward -> (loss_dict, loss, acts, h_reconstructed), and optimize (which calls
resample_advanced every resample_freq steps when resample_method="advanced").
"""

import torch as t
from jaxtyping import Float
from torch import Tensor

import sae_trainer


class ToySAE(sae_trainer.ToySAE):
    @t.no_grad()
    def resample_advanced(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                          resample_scale: float, batch_size: int) -> None:
        """Draw h = self.generate_batch(batch_size) and take each row's
        loss_dict["L_reconstruction"] (batch, inst) from self.forward(h). Then, instance by
        instance, for its dead latents (silent all window): skip if none, or if the largest
        loss is below 1e-6; draw one row per dead latent with probability proportional to
        the loss SQUARED; its direction (h[row] - b_dec) / (norm + eps) becomes the latent's
        decoder row; its encoder column is that direction times resample_scale times the mean
        norm of the live latents' encoder columns (1.0 if none is alive); its b_enc is 0.
        """
        h = self.generate_batch(batch_size)
        l2_loss = self.forward(h)[0]["L_reconstruction"]  # (batch, inst)
        for i in range(self.cfg.n_inst):
            is_dead = (frac_active_in_window[:, i] < 1e-8).all(dim=0)  # (d_sae,)
            dead = t.nonzero(is_dead).squeeze(-1)
            loss_i = l2_loss[:, i]
            if dead.numel() == 0 or loss_i.max() < 1e-6:
                continue
            rows = t.multinomial(loss_i.pow(2) / loss_i.pow(2).sum(), dead.numel(), replacement=True)
            v = h[rows, i] - self.b_dec[i]
            v = v / (v.norm(dim=-1, keepdim=True) + self.cfg.weight_normalize_eps)
            alive_norm = self.W_enc[i][:, ~is_dead].norm(dim=0).mean().item() if (~is_dead).any() else 1.0
            self.W_dec.data[i, dead] = v
            self.W_enc.data[i][:, dead] = v.T * alive_norm * resample_scale
            self.b_enc.data[i, dead] = 0.0
