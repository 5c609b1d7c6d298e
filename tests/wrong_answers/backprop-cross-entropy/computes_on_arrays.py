"""Wrong: computes the loss with numpy on the arrays, so nothing reaches logits."""

import numpy as np

from backprop_framework import Tensor, arange


def cross_entropy(logits: Tensor, true_labels: Tensor) -> Tensor:
    """-log softmax, picked at each row's label with integer-array indexing."""
    a = logits.array
    logprobs = a - np.log(np.exp(a).sum(-1, keepdims=True))
    return Tensor(-logprobs[np.arange(len(a)), true_labels.array])
