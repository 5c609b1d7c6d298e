"""Wrong: normalises with batch statistics even in eval mode."""

import torch as t
from torch import Tensor, nn


class BatchNorm2d(nn.Module):
    def __init__(self, num_features: int, eps: float = 1e-05, momentum: float = 0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(t.ones(num_features))
        self.bias = nn.Parameter(t.zeros(num_features))
        self.register_buffer("running_mean", t.zeros(num_features))
        self.register_buffer("running_var", t.ones(num_features))
        self.register_buffer("num_batches_tracked", t.tensor(0))

    def forward(self, x: Tensor) -> Tensor:
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)
        if self.training:
            with t.no_grad():
                m = self.momentum
                self.running_mean.mul_(1 - m).add_(m * mean)
                self.running_var.mul_(1 - m).add_(m * var)
                self.num_batches_tracked += 1
        def c(v):
            return v.reshape(1, -1, 1, 1)
        return (x - c(mean)) / t.sqrt(c(var) + self.eps) * c(self.weight) + c(self.bias)
