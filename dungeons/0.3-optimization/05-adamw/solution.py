"""Reference solution: AdamW."""

from collections.abc import Iterable

import torch as t
from torch import nn


class AdamW:
    def __init__(self, params: Iterable[nn.Parameter], lr: float = 0.001,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-08,
                 weight_decay: float = 0.0):
        self.params = list(params)
        self.lr, self.eps, self.weight_decay = lr, eps, weight_decay
        self.beta1, self.beta2 = betas
        self.t = 0
        self.m = [t.zeros_like(p) for p in self.params]
        self.v = [t.zeros_like(p) for p in self.params]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @t.inference_mode()
    def step(self) -> None:
        self.t += 1
        for p, m, v in zip(self.params, self.m, self.v):
            if p.grad is None:
                continue
            p *= 1 - self.lr * self.weight_decay
            m.mul_(self.beta1).add_((1 - self.beta1) * p.grad)
            v.mul_(self.beta2).add_((1 - self.beta2) * p.grad**2)
            m_hat = m / (1 - self.beta1**self.t)
            v_hat = v / (1 - self.beta2**self.t)
            p -= self.lr * m_hat / (v_hat.sqrt() + self.eps)

    def __repr__(self) -> str:
        return (f"AdamW(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps}, "
                f"weight_decay={self.weight_decay})")
