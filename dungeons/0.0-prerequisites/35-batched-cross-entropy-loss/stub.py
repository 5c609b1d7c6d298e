"""Room: Boss: the Oracle's judgement (cross-entropy per row).

loss[b] = -log_softmax(logits[b])[true_labels[b]], stable, picked with torch.gather.
"""

import torch
from jaxtyping import Float, Int
from torch import Tensor


def batched_cross_entropy_loss(logits: Float[Tensor, "batch C"], true_labels: Int[Tensor, "batch"]) -> Float[Tensor, "batch"]:
    """Cross-entropy loss of every example.

    logits:      (batch, C) scores; -inf rules a class out.
    true_labels: (batch,) integers in 0..C-1.
    Returns:     (batch,), loss[b] = -(log-softmax of row b at column true_labels[b]).

    Example: logits [[-inf, 5, -inf], [2, 2, 2], [-inf, 0, 1]], true_labels [1, 0, 0]
             -> [0, log 3, inf]
    """
    raise NotImplementedError
