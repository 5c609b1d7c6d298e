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
        raise NotImplementedError
