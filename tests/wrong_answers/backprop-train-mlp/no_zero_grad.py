"""Wrong: never calls optimizer.zero_grad(), so gradients pile up across batches."""

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
        super().__init__()
        self.linear1 = Linear(64, 64)
        self.relu1 = ReLU()
        self.linear2 = Linear(64, 64)
        self.relu2 = ReLU()
        self.output = Linear(64, 10)

    def forward(self, x: Tensor) -> Tensor:
        x = x.reshape((x.shape[0], 64))
        x = self.relu1(self.linear1(x))
        x = self.relu2(self.linear2(x))
        return self.output(x)


def train(model: Module, train_loader: list[tuple[Arr, Arr]], optimizer: SGD, epoch: int,
          train_loss_list: list | None = None) -> None:
    for images, labels in train_loader:
        logits = model(Tensor(images))
        loss = cross_entropy(logits, Tensor(labels)).sum() / len(labels)
        loss.backward()
        optimizer.step()
        if train_loss_list is not None:
            train_loss_list.append(loss.item())


def test(model: Module, test_loader: list[tuple[Arr, Arr]],
         test_accuracy_list: list | None = None) -> float:
    correct, total = 0, 0
    with NoGrad():
        for images, labels in test_loader:
            predictions = model(Tensor(images)).argmax(dim=1)
            correct += (predictions == Tensor(labels)).sum().item()
            total += len(labels)
    accuracy = correct / total
    if test_accuracy_list is not None:
        test_accuracy_list.append(accuracy)
    return accuracy
