"""Reference solution: SGD."""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class SGD:
    def __init__(self, params: Iterable[nn.Parameter], lr: float, momentum: float = 0.0,
                 weight_decay: float = 0.0):
        self.params = list(params)  # a generator would be used up after one pass
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.bufs: list[Tensor | None] = [None for _ in self.params]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @t.inference_mode()
    def step(self) -> None:
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad
            if self.weight_decay != 0:
                g = g + self.weight_decay * p
            if self.momentum != 0:
                b = g.clone() if self.bufs[i] is None else self.momentum * self.bufs[i] + g
                self.bufs[i] = b
                g = b
            p -= self.lr * g

    def __repr__(self) -> str:
        return f"SGD(lr={self.lr}, momentum={self.momentum}, weight_decay={self.weight_decay})"
