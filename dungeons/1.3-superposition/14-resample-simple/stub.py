"""Room: bring dead latents back, the simple way: fresh random directions.

sae_trainer.py (next to this file) gives ToySAE (rooms 11-13): W_enc (inst, d_in, d_sae),
W_dec / _W_dec (inst, d_sae, d_in), b_enc (inst, d_sae), cfg, optimize (which calls
resample_simple every resample_freq steps when resample_method="simple").
"""

import torch as t
from jaxtyping import Float
from torch import Tensor

import sae_trainer


class ToySAE(sae_trainer.ToySAE):
    @t.no_grad()
    def resample_simple(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                        resample_scale: float) -> None:
        """A latent is dead if it fired (> 1e-8) at no step of the window. For each dead
        latent: a random direction v (torch.randn of size d_in, divided by its norm +
        cfg.weight_normalize_eps); its decoder row W_dec[i, j] = v; its encoder column
        W_enc[i, :, j] = resample_scale * v; b_enc[i, j] = 0. Change the parameters in
        place (their .data); leave every live latent alone. Returns None.
        """
        raise NotImplementedError
