"""sae_resampling: the toy SAE with both resamplers (rooms 11-15's answers).

GIVEN code: read it and import from it, but don't edit it. `ToySAE` is sae_trainer.ToySAE
(parameters, generate_batch, forward, optimize) plus
- `resample_simple(window, resample_scale)`: dead latents get random unit directions;
- `resample_advanced(window, resample_scale, batch_size)`: dead latents get the directions
  of inputs drawn with probability proportional to their squared reconstruction loss.
`optimize(..., resample_method="simple" | "advanced", resample_freq, resample_window, ...)`
calls them every `resample_freq` steps.
"""

import torch as t
from jaxtyping import Float
from torch import Tensor

import sae_trainer
from toy_base import ToySAEConfig, constant_lr, linear_lr  # noqa: F401  (re-exported for the rooms)


class ToySAE(sae_trainer.ToySAE):
    @t.no_grad()
    def resample_simple(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                        resample_scale: float) -> None:
        dead = (frac_active_in_window < 1e-8).all(dim=0)  # (inst, d_sae)
        n_dead = int(dead.sum())
        v = t.randn((n_dead, self.cfg.d_in), device=self.W_enc.device)
        v = v / (v.norm(dim=-1, keepdim=True) + self.cfg.weight_normalize_eps)
        self.W_dec.data[dead] = v
        self.W_enc.data.transpose(-1, -2)[dead] = resample_scale * v
        self.b_enc.data[dead] = 0.0

    @t.no_grad()
    def resample_advanced(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                          resample_scale: float, batch_size: int) -> None:
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
