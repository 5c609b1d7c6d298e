"""sae_trainer: the toy SAE with its training loop (rooms 11-13's answers).

GIVEN code: read it and import from it, but don't edit it. `ToySAE` is sae_model.ToySAE
(parameters, W_dec_normalized, generate_batch, forward) plus
`optimize(batch_size, steps, log_freq, lr, lr_scale, resample_method, resample_freq,
resample_window, resample_scale) -> log`, which calls `self.resample_simple(window,
resample_scale)` or `self.resample_advanced(window, resample_scale, batch_size)` every
`resample_freq` steps when `resample_method` is "simple" or "advanced" (window: the last
`resample_window` firing rates, (window, inst, d_sae)). Those two are left to the
resample rooms.
"""

from collections.abc import Callable
from typing import Any, Literal

import torch as t
from jaxtyping import Float
from torch import Tensor

import sae_model
from toy_base import ToySAEConfig, constant_lr  # noqa: F401  (re-exported for the rooms)


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
        """Adam (betas (0, 0.999)); resample every resample_freq steps if resample_method is
        "simple" or "advanced"; returns a log of {"step", "loss", "frac_active"} every
        log_freq steps and at the last."""
        optimizer = t.optim.Adam(self.parameters(), lr=lr, betas=(0.0, 0.999))
        frac_active_list = []
        data_log = []
        for step in range(steps):
            if resample_method is not None and (step + 1) % resample_freq == 0:
                window = t.stack(frac_active_list[-resample_window:], dim=0)
                if resample_method == "simple":
                    self.resample_simple(window, resample_scale)
                else:
                    self.resample_advanced(window, resample_scale, batch_size)
            for group in optimizer.param_groups:
                group["lr"] = lr * lr_scale(step, steps)
            h = self.generate_batch(batch_size)
            loss_dict, loss, acts, _ = self(h)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            frac_active = (acts.detach().abs() > 1e-8).float().mean(0)
            frac_active_list.append(frac_active)
            if step % log_freq == 0 or step + 1 == steps:
                data_log.append({"step": step, "loss": loss.item(), "frac_active": frac_active})
        return data_log

    def resample_simple(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                        resample_scale: float) -> None:
        raise NotImplementedError("resample_simple is written in the resample-simple room")

    def resample_advanced(self, frac_active_in_window: Float[Tensor, "window inst d_sae"],
                          resample_scale: float, batch_size: int) -> None:
        raise NotImplementedError("resample_advanced is written in the resample-advanced room")
