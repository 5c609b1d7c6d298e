"""Room: the toy SAE's training loop, with the bookkeeping resampling needs.

sae_model.py (next to this file) gives ToySAE (rooms 11-12): generate_batch, forward ->
(loss_dict, loss, acts, h_reconstructed). toy_base.py gives the lr schedules.
resample_simple / resample_advanced are written in the next two rooms.
"""

from collections.abc import Callable
from typing import Any, Literal

import torch as t

import sae_model
from toy_base import constant_lr


class ToySAE(sae_model.ToySAE):
    def optimize(
        self,
        batch_size: int = 1024,
        steps: int = 10_000,
        log_freq: int = 100,
        lr: float = 1e-3,
        lr_scale: Callable[[int, int], float] = constant_lr,
        resample_method: Literal["simple", "advanced", None] = None,
        resample_freq: int = 2500,
        resample_window: int = 500,
        resample_scale: float = 0.5,
    ) -> list[dict[str, Any]]:
        """Train with one t.optim.Adam(self.parameters(), lr=lr, betas=(0.0, 0.999)).

        Each step: first, if resample_method is set and (step + 1) % resample_freq == 0,
        stack the last resample_window frac_active tensors into (window, inst, d_sae) and
        call self.resample_simple(window, resample_scale) or
        self.resample_advanced(window, resample_scale, batch_size). Then set the lr to
        lr * lr_scale(step, steps); h = self.generate_batch(batch_size); forward; backward;
        step; zero_grad; frac_active = share of the batch in which each latent fired
        (acts > 1e-8), (inst, d_sae), no gradient. At step % log_freq == 0 and at the last
        step, log {"step": step, "loss": loss.item(), "frac_active": frac_active}.
        Returns the log.
        """
        raise NotImplementedError
