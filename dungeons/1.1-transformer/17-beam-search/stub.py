"""Room: beam_search.

Keep the `num_beams` most likely partial continuations; extend them all by one token
each step; set aside the ones that end with the end-of-sequence token.
"""

import torch as t
import torch.nn as nn
from jaxtyping import Bool, Float, Int
from torch import Tensor


def beam_search(
    model: nn.Module,
    tokenizer,
    prompt: str,
    num_return_sequences: int,
    num_beams: int,
    max_new_tokens: int,
    no_repeat_ngram_size: int | None = None,
) -> list[tuple[float, str]]:
    """Beam search from `prompt`; return the best (log-prob sum, text) pairs, best first.

    model(tokens: (beams, seq)) -> logits: (beams, seq, d_vocab); model.cfg.n_ctx.
    tokenizer.encode(text) -> (seq,) ids, tokenizer.decode(ids) -> str, tokenizer.eos_token_id.
    The score of a beam is the sum of the log-probs of its generated tokens; each text
    includes the prompt.

    Example (the first case): prompt "a", num_return_sequences=2, num_beams=2,
    max_new_tokens=2 -> [(log 0.36, "ac\\n"), (log 0.175, "aba")].
    """
    raise NotImplementedError
