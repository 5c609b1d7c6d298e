from jaxtyping import Float, Int
from torch import Tensor

from patching import logits_to_ave_logit_diff


def ioi_metric(
    logits: Float[Tensor, "batch seq d_vocab"],
    answer_tokens: Int[Tensor, "batch 2"],
    corrupted_logit_diff: float,
    clean_logit_diff: float,
) -> Float[Tensor, ""]:
    """The average logit difference of `logits`, rescaled so that corrupted_logit_diff
    maps to 0 and clean_logit_diff maps to 1. Returns a 0-dim tensor."""
    patched = logits_to_ave_logit_diff(logits, answer_tokens)
    return (patched - corrupted_logit_diff) / (clean_logit_diff - corrupted_logit_diff)
