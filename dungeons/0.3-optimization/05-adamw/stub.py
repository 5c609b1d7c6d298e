"""Room: AdamW.

Adam with decoupled weight decay, matching torch.optim.AdamW.
"""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class AdamW:
    def __init__(self, params: Iterable[nn.Parameter], lr: float = 0.001,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-08,
                 weight_decay: float = 0.0):
        """As Adam: the parameters (as a list), hyperparameters, a step counter t = 0, and
        the moment buffers m and v per parameter."""
        raise NotImplementedError

    def zero_grad(self) -> None:
        """Clear every parameter's gradient."""
        raise NotImplementedError

    @t.inference_mode()
    def step(self) -> None:
        """t += 1; p *= 1 - lr * weight_decay; then Adam's update with g = grad (no L2 term)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (f"AdamW(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps}, "
                f"weight_decay={self.weight_decay})")
