"""Room: RMSprop.

Divide each step by a running root-mean-square of the gradients, matching
torch.optim.RMSprop (uncentred).
"""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class RMSprop:
    def __init__(self, params: Iterable[nn.Parameter], lr: float = 0.01, alpha: float = 0.99,
                 eps: float = 1e-08, weight_decay: float = 0.0, momentum: float = 0.0):
        """Keep the parameters (as a list), the hyperparameters, and per parameter a
        square-average buffer v and a momentum buffer b (both zeros like the parameter)."""
        raise NotImplementedError

    def zero_grad(self) -> None:
        """Clear every parameter's gradient."""
        raise NotImplementedError

    @t.inference_mode()
    def step(self) -> None:
        """g = grad + weight_decay * p; v = alpha * v + (1 - alpha) * g**2;
        u = g / (sqrt(v) + eps); if momentum: b = momentum * b + u, u = b; p -= lr * u."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (f"RMSprop(lr={self.lr}, alpha={self.alpha}, eps={self.eps}, "
                f"weight_decay={self.weight_decay}, momentum={self.momentum})")
