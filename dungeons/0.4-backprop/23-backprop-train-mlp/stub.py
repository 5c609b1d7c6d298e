"""Room: Boss: train an MLP with your own framework.

Your whole framework is given: Tensor and backprop, Parameter, Module, ReLU and NoGrad in
backprop_framework.py, next to this file (read it, import from it, don't edit it); Linear,
cross_entropy, SGD and a tiny data loader below. Write MLP, train and test at the bottom.
"""

from typing import Iterable

import numpy as np

from backprop_framework import Arr, Module, NoGrad, Parameter, ReLU, Tensor, arange


# ======================================================================================
# GIVEN: Linear, cross_entropy and SGD (rooms 20-22), and a tiny data loader
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


class SGD:
    """Plain stochastic gradient descent: p <- p - lr * p.grad."""

    def __init__(self, params: Iterable[Parameter], lr: float):
        self.params = list(params)  # a generator could only be walked once
        self.lr = lr

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        with NoGrad():
            for p in self.params:
                p -= self.lr * p.grad


def batches(images: Arr, labels: Arr, batch_size: int, shuffle: bool = False,
            seed: int = 0) -> list[tuple[Arr, Arr]]:
    """A simple data loader: a list of (images, labels) numpy batches, optionally shuffled."""
    order = np.random.default_rng(seed).permutation(len(images)) if shuffle else np.arange(len(images))
    return [(images[order[i:i + batch_size]], labels[order[i:i + batch_size]])
            for i in range(0, len(images), batch_size)]


# ======================================================================================
# YOUR CODE
# ======================================================================================

class MLP(Module):
    def __init__(self):
        """Attributes, in this order: linear1 = Linear(64, 64), relu1 = ReLU(),
        linear2 = Linear(64, 64), relu2 = ReLU(), output = Linear(64, 10)."""
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """x: (batch, 8, 8) images -> (batch, 10) logits (flatten each image to 64 first)."""
        raise NotImplementedError


def train(model: Module, train_loader: list[tuple[Arr, Arr]], optimizer: SGD, epoch: int,
          train_loss_list: list | None = None) -> None:
    """One epoch: for every (images, labels) numpy batch, one SGD step on the batch's mean
    cross-entropy. Append each step's loss (a float) to train_loss_list if it is given."""
    raise NotImplementedError


def test(model: Module, test_loader: list[tuple[Arr, Arr]],
         test_accuracy_list: list | None = None) -> float:
    """Accuracy over the whole test_loader (correct / total), without tracking gradients.
    Append it to test_accuracy_list if given, and return it."""
    raise NotImplementedError
