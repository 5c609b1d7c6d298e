"""Reference solution: beam_search.

Keep the `num_beams` most likely partial continuations; extend them all by one token
each step; set aside the ones that end with the end-of-sequence token.
"""

import torch as t
import torch.nn as nn
from jaxtyping import Bool, Int
from torch import Tensor


def banned_tokens(tokens: Int[Tensor, "beams seq"], d_vocab: int, n: int) -> Bool[Tensor, "beams d_vocab"]:
    """True where appending the token would repeat an n-gram already in that beam."""
    beams, seq = tokens.shape
    if seq < n:
        return t.zeros(beams, d_vocab, dtype=t.bool)
    grams = tokens.unfold(1, n, 1)                              # (beams, seq - n + 1, n)
    tail = tokens[:, seq - n + 1:]                              # (beams, n - 1)
    hit = (grams[:, :, :-1] == tail[:, None, :]).all(dim=-1)    # (beams, seq - n + 1)
    counts = t.zeros(beams, d_vocab).scatter_add(1, grams[:, :, -1], hit.float())
    return counts > 0


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
    The score of a beam is the sum of the log-probs of its generated tokens.
    """
    model.eval()
    eos, n_ctx = tokenizer.eos_token_id, model.cfg.n_ctx
    tokens = tokenizer.encode(prompt)[None]        # (beams, seq): the live beams
    scores = t.zeros(1)                            # (beams,)
    finished: list[tuple[float, Tensor]] = []
    with t.inference_mode():
        for _ in range(max_new_tokens):
            if len(tokens) == 0:
                break
            logprobs = model(tokens[:, -n_ctx:])[:, -1].log_softmax(dim=-1)   # (beams, d_vocab)
            d_vocab = logprobs.shape[-1]
            if no_repeat_ngram_size:
                logprobs = logprobs.masked_fill(banned_tokens(tokens, d_vocab, no_repeat_ngram_size),
                                                float("-inf"))
            candidates = (scores[:, None] + logprobs).flatten()               # (beams * d_vocab,)
            scores, flat = candidates.topk(min(num_beams, len(candidates)))  # sorted, best first
            scores, flat = scores[scores > float("-inf")], flat[scores > float("-inf")]
            parent, new = flat // d_vocab, flat % d_vocab
            tokens = t.cat([tokens[parent], new[:, None]], dim=1)
            done = new == eos
            finished += list(zip(scores[done].tolist(), tokens[done]))
            tokens, scores = tokens[~done], scores[~done]
    pool = finished + list(zip(scores.tolist(), tokens))
    pool.sort(key=lambda beam: beam[0], reverse=True)
    return [(score, tokenizer.decode(seq)) for score, seq in pool[:num_return_sequences]]
