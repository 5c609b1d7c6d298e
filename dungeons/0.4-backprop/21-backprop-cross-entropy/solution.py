"""Reference solution: cross_entropy with framework operations."""

from backprop_framework import Tensor, arange


def cross_entropy(logits: Tensor, true_labels: Tensor) -> Tensor:
    """-log softmax, picked at each row's label with integer-array indexing."""
    logprobs = logits - logits.exp().sum(dim=-1, keepdim=True).log()
    return -logprobs[arange(0, logits.shape[0]), true_labels]
