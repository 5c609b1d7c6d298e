"""Wrong: momentum as an average, b = mu*b + (1 - mu)*g (torch's SGD has no dampening)."""

import torch as t


class SGD:
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0):
        self.params = list(params)
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.bufs = [t.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @t.inference_mode()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad + self.weight_decay * p
            if self.momentum:
                self.bufs[i] = self.momentum * self.bufs[i] + (1 - self.momentum) * g
                g = self.bufs[i]
            p -= self.lr * g
