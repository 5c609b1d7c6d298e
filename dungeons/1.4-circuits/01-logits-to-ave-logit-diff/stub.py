import torch
from jaxtyping import Float, Int
from torch import Tensor


def logits_to_ave_logit_diff(
    logits: Float[Tensor, "batch seq d_vocab"],
    answer_tokens: Int[Tensor, "batch 2"],
    per_prompt: bool = False,
) -> Float[Tensor, "*batch"]:
    """Logit of the correct answer minus logit of the wrong one, at the last position.
    answer_tokens[i] = [correct, wrong]. Returns (batch,) if per_prompt, else the mean (a
    0-dim tensor).

    Example: logits[0, -1] = [0., 2., 5.], answer_tokens[0] = [2, 1] -> 5 - 2 = 3."""
    raise NotImplementedError
