"""Reference solution: batched_cross_entropy_loss."""

from jaxtyping import Float, Int
from torch import Tensor


def batched_cross_entropy_loss(logits: Float[Tensor, "batch C"], true_labels: Int[Tensor, "batch"]) -> Float[Tensor, "batch"]:
    """Stable log-softmax over classes, then pick each row's true class with gather."""
    shifted = logits - logits.max(dim=-1, keepdim=True).values
    logprobs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    return -logprobs.gather(1, true_labels.unsqueeze(1)).squeeze(1)
