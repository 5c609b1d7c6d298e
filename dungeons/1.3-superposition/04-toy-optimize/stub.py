"""Room: train the toy model's n_inst instances at once.

toy_model.py (next to this file) gives ToyModel with forward, generate_batch and
calculate_loss (rooms 1-3); toy_base.py gives the schedules constant_lr, linear_lr and
cosine_decay_lr (the learning rate at `step` of `steps` is lr * lr_scale(step, steps)).
"""

from collections.abc import Callable

import torch as t

import toy_model
from toy_base import constant_lr, cosine_decay_lr, linear_lr  # noqa: F401


class ToyModel(toy_model.ToyModel):
    def optimize(self, batch_size: int = 1024, steps: int = 5_000, log_freq: int = 50,
                 lr: float = 1e-3, lr_scale: Callable[[int, int], float] = constant_lr) -> list[float]:
        """Train every instance with one Adam over self.parameters(), made once.

        Each step: set each param group's lr to lr * lr_scale(step, steps); draw
        self.generate_batch(batch_size); loss = self.calculate_loss(self(batch), batch);
        zero_grad, backward, step. Returns the loss.item() of every step, in order.
        """
        raise NotImplementedError
