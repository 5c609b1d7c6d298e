"""Wrong: p = p - lr * grad makes a new Tensor and rebinds the loop variable; the model is unchanged."""

from typing import Iterable

import numpy as np

from backprop_framework import Module, NoGrad, Parameter, Tensor, arange


# ======================================================================================
# GIVEN: Linear and cross_entropy (rooms 20 and 21)
# ======================================================================================

class Linear(Module):
    """y = x @ weight.T + bias, weights uniform in [-1/sqrt(in_features), 1/sqrt(in_features)]."""

    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        bound = in_features ** -0.5
        self.weight = Parameter(Tensor(np.random.uniform(-bound, bound, (out_features, in_features))))
        self.bias = Parameter(Tensor(np.random.uniform(-bound, bound, (out_features,)))) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        out = x @ self.weight.T
        return out if self.bias is None else out + self.bias


def cross_entropy(logits: Tensor, true_labels: Tensor) -> Tensor:
    """Per-example loss -log softmax(logits)[i, true_labels[i]], shape (batch,)."""
    logprobs = logits - logits.exp().sum(dim=-1, keepdim=True).log()
    return -logprobs[arange(0, logits.shape[0]), true_labels]


# ======================================================================================
# YOUR CODE
# ======================================================================================

class SGD:
    def __init__(self, params: Iterable[Parameter], lr: float):
        self.params = list(params)  # a generator could only be walked once
        self.lr = lr

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        with NoGrad():
            for p in self.params:
                p = p - self.lr * p.grad
