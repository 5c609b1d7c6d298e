"""Room: Adam.

Momentum and RMSprop together, with bias correction, matching torch.optim.Adam.
"""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class Adam:
    def __init__(self, params: Iterable[nn.Parameter], lr: float = 0.001,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-08,
                 weight_decay: float = 0.0):
        """Keep the parameters (as a list), the hyperparameters, a step counter t = 0, and
        per parameter the moment buffers m and v (zeros like the parameter)."""
        raise NotImplementedError

    def zero_grad(self) -> None:
        """Clear every parameter's gradient."""
        raise NotImplementedError

    @t.inference_mode()
    def step(self) -> None:
        """t += 1; g = grad + weight_decay * p; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g**2;
        m_hat = m / (1 - b1**t); v_hat = v / (1 - b2**t); p -= lr * m_hat / (sqrt(v_hat) + eps)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (f"Adam(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps}, "
                f"weight_decay={self.weight_decay})")
