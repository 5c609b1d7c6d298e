"""Wrong: stores model.parameters() as given; a generator is used up after one loop."""

import torch as t


class SGD:
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0):
        self.params = params
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.bufs = {}

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
                self.bufs[i] = g.clone() if i not in self.bufs else self.momentum * self.bufs[i] + g
                g = self.bufs[i]
            p -= self.lr * g
