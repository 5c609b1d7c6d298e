"""Wrong: the square average starts at the first g**2 instead of at zero."""

import torch as t


class RMSprop:
    def __init__(self, params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0.0, momentum=0.0):
        self.params = list(params)
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.weight_decay, self.momentum = weight_decay, momentum
        self.v = [None for _ in self.params]
        self.b = [t.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @t.inference_mode()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad + self.weight_decay * p
            if self.v[i] is None:
                self.v[i] = g**2
            else:
                self.v[i] = self.alpha * self.v[i] + (1 - self.alpha) * g**2
            u = g / (self.v[i].sqrt() + self.eps)
            if self.momentum:
                self.b[i] = self.momentum * self.b[i] + u
                u = self.b[i]
            p -= self.lr * u
