from jaxtyping import Float, Int
from torch import Tensor


def logits_to_ave_logit_diff(
    logits: Float[Tensor, "batch seq d_vocab"],
    answer_tokens: Int[Tensor, "batch 2"],
    per_prompt: bool = False,
) -> Float[Tensor, "*batch"]:
    """Logit of the correct answer minus logit of the wrong one, at the last position.
    answer_tokens[i] = [correct, wrong]. Returns (batch,) if per_prompt, else the mean (a
    0-dim tensor)."""
    final = logits[:, -1]  # (batch, d_vocab)
    answer_logits = final.gather(dim=-1, index=answer_tokens)  # (batch, 2)
    diff = answer_logits[:, 0] - answer_logits[:, 1]
    return diff if per_prompt else diff.mean()
