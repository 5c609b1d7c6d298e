"""Reference solution: RMSprop."""

from collections.abc import Iterable

import torch as t
from torch import nn


class RMSprop:
    def __init__(self, params: Iterable[nn.Parameter], lr: float = 0.01, alpha: float = 0.99,
                 eps: float = 1e-08, weight_decay: float = 0.0, momentum: float = 0.0):
        self.params = list(params)
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.weight_decay, self.momentum = weight_decay, momentum
        self.v = [t.zeros_like(p) for p in self.params]
        self.b = [t.zeros_like(p) for p in self.params]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @t.inference_mode()
    def step(self) -> None:
        for p, v, b in zip(self.params, self.v, self.b):
            if p.grad is None:
                continue
            g = p.grad + self.weight_decay * p
            v.mul_(self.alpha).add_((1 - self.alpha) * g**2)
            u = g / (v.sqrt() + self.eps)
            if self.momentum:
                b.mul_(self.momentum).add_(u)
                u = b
            p -= self.lr * u

    def __repr__(self) -> str:
        return (f"RMSprop(lr={self.lr}, alpha={self.alpha}, eps={self.eps}, "
                f"weight_decay={self.weight_decay}, momentum={self.momentum})")
