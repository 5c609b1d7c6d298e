"""Cases for beam_search: a hand-checked toy model, sorting, end-of-sequence, the budget,
no-repeat n-grams, random toy models against a slow search, and the tiny character model."""

import math
from types import SimpleNamespace

import torch

from arena_dungeon.testing import call, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
tiny_lm, CharTokenizer = ref.tiny_lm, ref.CharTokenizer


class BigramLM(torch.nn.Module):
    """A toy model: the next token's logits are a row of `table` picked by the current token,
    plus (if given) a row of `pos` picked by the position, so that reordered sequences
    don't tie."""

    def __init__(self, table, pos=None, n_ctx=16):
        super().__init__()
        self.table = table
        self.pos = torch.zeros(n_ctx, table.shape[1]) if pos is None else pos
        self.cfg = SimpleNamespace(n_ctx=n_ctx, d_vocab=table.shape[0])

    def forward(self, tokens):
        if tokens.ndim != 2:
            raise ValueError(f"the model takes tokens of shape (batch, seq), got {tuple(tokens.shape)}")
        if tokens.shape[1] > self.cfg.n_ctx:
            raise IndexError(f"the model got {tokens.shape[1]} positions, more than n_ctx={self.cfg.n_ctx}")
        return self.table[tokens] + self.pos[: tokens.shape[1]]


# The hand-checked toy: "a", "b", "c" and "\n" (end of sequence). Row = current token,
# column = next token. Each row gets its own offset, so raw logits are not log-probs.
TOY_VOCAB = ["a", "b", "c", "\n"]
TOY_PROBS = torch.tensor([
    [0.04, 0.50, 0.40, 0.06],   # after a
    [0.35, 0.25, 0.22, 0.18],   # after b
    [0.05, 0.03, 0.02, 0.90],   # after c
    [0.25, 0.25, 0.25, 0.25],   # after \n (never used)
])
TOY_LOGITS = TOY_PROBS.log() + torch.tensor([[0.5], [3.0], [-1.0], [0.0]])


def toy():
    return BigramLM(TOY_LOGITS).eval(), CharTokenizer(TOY_VOCAB, "\n")


def random_toy(seed, d_vocab=6, sharp=2.0, eos_bias=0.0):
    """A random bigram model over letters a.. plus "\\n" (the last id) as end of sequence."""
    gen = torch.Generator().manual_seed(seed)
    table = torch.randn(d_vocab, d_vocab, generator=gen) * sharp
    table[:, -1] += eos_bias
    pos = torch.randn(16, d_vocab, generator=gen)
    vocab = [chr(ord("a") + i) for i in range(d_vocab - 1)] + ["\n"]
    return BigramLM(table, pos).eval(), CharTokenizer(vocab, "\n")


def repeats_ngram(seq, t, n):
    """Would appending token t to seq repeat an n-gram already in seq?"""
    if len(seq) < n:
        return False
    gram = seq[len(seq) - n + 1:] + [t]
    return any(seq[i:i + n] == gram for i in range(len(seq) - n + 1))


@torch.no_grad()
def slow_beam_search(model, tok, prompt, num_return_sequences, num_beams, max_new_tokens,
                     no_repeat_ngram_size=None):
    """The rules of the brief, one beam and one candidate at a time, with Python lists."""
    eos, n_ctx = tok.eos_token_id, model.cfg.n_ctx
    live, finished = [(0.0, tok.encode(prompt).tolist())], []
    for _ in range(max_new_tokens):
        if not live:
            break
        candidates = []
        for score, seq in live:
            logprobs = model(torch.tensor([seq[-n_ctx:]]))[0, -1].double().log_softmax(-1).tolist()
            for t, lp in enumerate(logprobs):
                if no_repeat_ngram_size and repeats_ngram(seq, t, no_repeat_ngram_size):
                    continue
                candidates.append((score + lp, seq + [t]))
        candidates.sort(key=lambda c: c[0], reverse=True)
        live = []
        for score, seq in candidates[:num_beams]:
            (finished if seq[-1] == eos else live).append((score, seq))
    pool = sorted(finished + live, key=lambda c: c[0], reverse=True)
    return [(score, tok.decode(seq)) for score, seq in pool[:num_return_sequences]]


def table(pairs):
    return "\n".join(f"  {s:9.4f}  {t!r}" for s, t in pairs) or "  (nothing)"


def check_shape_of_result(got, what):
    if not isinstance(got, list):
        fail(f"{what} returned {type(got).__name__}, expected a list of (log-prob sum, text) tuples",
             kind="type")
    for item in got:
        if not (isinstance(item, tuple) and len(item) == 2):
            fail(f"{what} returned a list containing {item!r}; each item should be a tuple "
                 "(log-prob sum, text)", kind="type")
        score, text = item
        if isinstance(score, torch.Tensor) and score.numel() == 1:
            score = score.item()
        if not isinstance(score, (float, int)) or isinstance(score, bool):
            fail(f"{what}: a score is {type(score).__name__}, expected a float (use .item())", kind="type")
        if not isinstance(text, str):
            fail(f"{what}: a text is {type(text).__name__}, expected a str (tokenizer.decode)", kind="type")
    return [(float(s.item() if isinstance(s, torch.Tensor) else s), x) for s, x in got]


def check_same(got, expected, what):
    if len(got) != len(expected):
        fail(f"{what} returned {len(got)} sequences, expected {len(expected)}",
             details=f"got:\n{table(got)}\nexpected:\n{table(expected)}")
    for i, ((gs, gt), (es, et)) in enumerate(zip(got, expected)):
        if gt != et or not math.isclose(gs, es, abs_tol=1e-4, rel_tol=1e-5):
            fail(f"{what}: result #{i + 1} is ({gs:.4f}, {gt!r}), expected ({es:.4f}, {et!r})",
                 details=f"got:\n{table(got)}\nexpected:\n{table(expected)}")


def run(room, model, tok, prompt, *args, **kwargs):
    what = f"beam_search(model, tokenizer, {prompt!r}, {', '.join(map(str, args))}" + \
        "".join(f", {k}={v}" for k, v in kwargs.items()) + ")"
    got = check_shape_of_result(call(room.beam_search, model, tok, prompt, *args, **kwargs), what)
    return got, what


def test_beam_beats_greedy_hand_checked(room):
    """Toy model, prompt "a", 2 beams, 2 new tokens: the best is "ac\\n" (0.4 x 0.9 = 0.36),
    although greedy would take "b" first and end with "aba" (0.5 x 0.35 = 0.175)."""
    model, tok = toy()
    got, what = run(room, model, tok, "a", 2, 2, 2)
    expected = [(math.log(0.36), "ac\n"), (math.log(0.175), "aba")]
    check_same(got, expected, what)


def test_results_sorted_by_log_prob(room):
    """A random toy model, 4 beams, 6 new tokens, 4 returned: best first, finished and
    unfinished beams ranked together."""
    model, tok = random_toy(seed=2, eos_bias=0.5)
    got, what = run(room, model, tok, "a", 4, 4, 6)
    scores = [s for s, _ in got]
    if any(a < b for a, b in zip(scores, scores[1:])):
        fail(f"{what}: the results are not sorted by log-prob sum, best first",
             details=f"got:\n{table(got)}")
    check_same(got, slow_beam_search(model, tok, "a", 4, 4, 6), what)


def test_finished_beams_stop_at_end_of_sequence(room):
    """A beam that picks "\\n" is finished: it grows no further and keeps its score, while
    the others go on until the budget."""
    model, tok = random_toy(seed=7, eos_bias=1.5)
    got, what = run(room, model, tok, "b", 5, 3, 5)
    for score, text in got:
        body = text[:-1] if text.endswith("\n") else text
        if "\n" in body:
            fail(f"{what}: {text!r} goes on after the end-of-sequence token \"\\n\"; a beam that "
                 "picks it is finished", details=f"got:\n{table(got)}")
        if not text.endswith("\n") and len(text) != 1 + 5:
            fail(f"{what}: {text!r} has not ended, so it should have all 5 new tokens",
                 details=f"got:\n{table(got)}")
    expected = slow_beam_search(model, tok, "b", 5, 3, 5)
    if not any(t.endswith("\n") for _, t in expected):
        fail("test setup: no finished beam in this case")
    check_same(got, expected, what)


def test_max_new_tokens_is_the_budget(room):
    """End of sequence is impossible here: every beam has exactly max_new_tokens new tokens;
    with max_new_tokens=0 the prompt itself comes back with score 0."""
    model, tok = random_toy(seed=11)
    model.table[:, -1] = -30.0
    model.pos[:, -1] = 0.0
    got, what = run(room, model, tok, "ca", 3, 3, 4)
    for _, text in got:
        if len(text) != 2 + 4:
            fail(f"{what}: {text!r} has {len(text) - 2} new tokens, expected 4 (prompt included "
                 "in the text)", details=f"got:\n{table(got)}")
    check_same(got, slow_beam_search(model, tok, "ca", 3, 3, 4), what)
    got, what = run(room, model, tok, "ca", 1, 3, 0)
    check_same(got, [(0.0, "ca")], what)


def test_no_repeat_ngram_size_bans_repeats(room):
    """A toy model that loves "abab...": with no_repeat_ngram_size=2 no pair of neighbours
    occurs twice in any returned text."""
    probs = torch.tensor([
        [0.02, 0.80, 0.10, 0.05, 0.03],   # after a: b
        [0.75, 0.03, 0.12, 0.06, 0.04],   # after b: a
        [0.30, 0.25, 0.02, 0.40, 0.03],   # after c
        [0.35, 0.20, 0.30, 0.05, 0.10],   # after d
        [0.25, 0.25, 0.25, 0.20, 0.05],   # after \n
    ])
    model, tok = BigramLM(probs.log()).eval(), CharTokenizer(list("abcd\n"), "\n")
    got, what = run(room, model, tok, "ab", 3, 3, 5, no_repeat_ngram_size=2)
    for _, text in got:
        pairs = [text[i:i + 2] for i in range(len(text) - 1)]
        twice = sorted({p for p in pairs if pairs.count(p) > 1})
        if twice:
            fail(f"{what}: {text!r} repeats the pair(s) {twice}", details=f"got:\n{table(got)}")
    check_same(got, slow_beam_search(model, tok, "ab", 3, 3, 5, no_repeat_ngram_size=2), what)


def test_random_toy_models_match_slow_search(room):
    """Five random toy models and settings against a slow one-candidate-at-a-time search."""
    settings = [(0, "a", 1, 1, 5, None), (1, "ab", 3, 4, 5, None), (2, "c", 2, 5, 6, 3),
                (4, "d", 5, 3, 4, 1), (5, "bad", 2, 2, 7, 2)]
    for seed, prompt, n_ret, beams, new, ngram in settings:
        model, tok = random_toy(seed=seed, eos_bias=0.3)
        kw = {} if ngram is None else {"no_repeat_ngram_size": ngram}
        got, what = run(room, model, tok, prompt, n_ret, beams, new, **kw)
        check_same(got, slow_beam_search(model, tok, prompt, n_ret, beams, new, ngram), what)


def test_tiny_model_best_continuation(room):
    """The tiny character model, prompt "the old dog ", 3 beams, up to 40 new characters."""
    model, tok = tiny_lm()
    prompt = "the old dog "
    got, what = run(room, model, tok, prompt, 2, 3, 40)
    expected = slow_beam_search(model, tok, prompt, 2, 3, 40)
    check_same(got, expected, what)
    note(f"beam search (3 beams) continues {prompt!r}: {got[0][1]!r}, log-prob {got[0][0]:.3f}")
