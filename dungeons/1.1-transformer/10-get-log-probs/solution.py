"""Reference solution: get_log_probs.

The log-probability of each actual next token.
"""

from jaxtyping import Float, Int
from torch import Tensor


def get_log_probs(
    logits: Float[Tensor, "batch posn d_vocab"], tokens: Int[Tensor, "batch posn"]
) -> Float[Tensor, "batch posn-1"]:
    """log_softmax(logits)[b, p, tokens[b, p + 1]] for p in 0 .. posn - 2.

    logits: (batch, posn, d_vocab), tokens: (batch, posn) -> (batch, posn - 1)
    """
    log_probs = logits.log_softmax(dim=-1)
    return log_probs[:, :-1].gather(dim=-1, index=tokens[:, 1:].unsqueeze(-1)).squeeze(-1)
