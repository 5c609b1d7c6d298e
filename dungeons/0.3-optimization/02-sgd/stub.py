"""Room: SGD, by hand.

Stochastic gradient descent with optional momentum and weight decay, matching
torch.optim.SGD (no dampening, no Nesterov).
"""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class SGD:
    def __init__(self, params: Iterable[nn.Parameter], lr: float, momentum: float = 0.0,
                 weight_decay: float = 0.0):
        """Keep the parameters (as a list), the hyperparameters, and one momentum buffer
        per parameter."""
        raise NotImplementedError

    def zero_grad(self) -> None:
        """Clear every parameter's gradient (set `.grad` to None)."""
        raise NotImplementedError

    @t.inference_mode()
    def step(self) -> None:
        """Update every parameter in place from its `.grad`:
        g = grad + weight_decay * p; b = momentum * b + g (from step 2; b = g at step 1);
        p -= lr * (b if momentum else g). Skip parameters whose `.grad` is None."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"SGD(lr={self.lr}, momentum={self.momentum}, weight_decay={self.weight_decay})"
