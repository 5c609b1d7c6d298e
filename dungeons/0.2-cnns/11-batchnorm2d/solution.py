"""Reference solution: BatchNorm2d."""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn


class BatchNorm2d(nn.Module):
    def __init__(self, num_features: int, eps: float = 1e-05, momentum: float = 0.1):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.weight = nn.Parameter(t.ones(num_features))
        self.bias = nn.Parameter(t.zeros(num_features))
        self.register_buffer("running_mean", t.zeros(num_features))
        self.register_buffer("running_var", t.ones(num_features))
        self.register_buffer("num_batches_tracked", t.tensor(0))

    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels height width"]:
        if self.training:
            mean = x.mean(dim=(0, 2, 3))
            var = x.var(dim=(0, 2, 3), unbiased=False)
            with t.no_grad():
                m = self.momentum
                self.running_mean.mul_(1 - m).add_(m * mean)
                self.running_var.mul_(1 - m).add_(m * var)
                self.num_batches_tracked += 1
        else:
            mean, var = self.running_mean, self.running_var

        def col(v: Tensor) -> Tensor:
            return einops.rearrange(v, "c -> 1 c 1 1")

        return (x - col(mean)) / t.sqrt(col(var) + self.eps) * col(self.weight) + col(self.bias)

    def extra_repr(self) -> str:
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}"
