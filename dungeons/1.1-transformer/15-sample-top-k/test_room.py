"""Cases for sample_top_k: renormalised frequencies, exactly k tokens, vocabulary ids."""

import torch

from arena_dungeon.testing import fresh_seed, assert_equal, call, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
tiny_lm, generate = ref.tiny_lm, ref.generate
LOGITS, frequencies, check_frequencies = ref.LOGITS, ref.frequencies, ref.check_frequencies


def test_frequencies_of_top_three(room):
    """k = 3 keeps tokens 1, 5, 3: frequencies 0.30/0.73, 0.25/0.73, 0.18/0.73 within 0.04."""
    check_frequencies(frequencies(room.sample_top_k, 3), [1, 5, 3], "sample_top_k(logits, 3)")


def test_keeps_exactly_k_tokens(room):
    """k = 2 over 3,000 draws: only tokens 1 and 5, never the third best (3)."""
    torch.manual_seed(fresh_seed(1))
    seen = set()
    for _ in range(3000):
        seen.add(int(call(room.sample_top_k, LOGITS.clone(), 2)))
    if seen != {1, 5}:
        fail(f"sample_top_k(logits, 2) produced tokens {sorted(seen)}, expected only [1, 5]",
             kind="value")


def test_returns_vocabulary_ids_not_ranks(room):
    """k = 1 is greedy: always token 1 (the best), not position 0 of the top-k list."""
    torch.manual_seed(fresh_seed(2))
    for _ in range(20):
        assert_equal(call(room.sample_top_k, LOGITS.clone(), 1), 1, call="sample_top_k(logits, 1)")


def test_k_equal_to_vocabulary_is_plain_sampling(room):
    """k = d_vocab keeps everything: frequencies are softmax(logits)."""
    check_frequencies(frequencies(room.sample_top_k, 8, seed=3), list(range(8)),
                      "sample_top_k(logits, 8)")
    model, tok = tiny_lm()
    torch.manual_seed(fresh_seed(4))
    note("the tiny model, sampled with your sample_top_k (k=3): "
         + repr(generate(model, tok, "the ", lambda logits: room.sample_top_k(logits, 3))))


def test_logits_far_from_zero(room):
    """The logits shifted by +3000 (as after a low temperature; exp overflows float32) give
    the same draws as the logits themselves under the same seed: 200 draws, at most 3 differ
    (float32 rounding at 3000 moves the probabilities by about 1e-4)."""
    seed = fresh_seed(7)
    torch.manual_seed(seed)
    near = [int(call(room.sample_top_k, LOGITS.clone(), 3)) for _ in range(200)]
    torch.manual_seed(seed)
    far = [int(call(room.sample_top_k, LOGITS + 3000.0, 3)) for _ in range(200)]
    differ = sum(a != b for a, b in zip(near, far))
    if differ > 3:
        fail(f"sample_top_k(logits, 3) and sample_top_k(logits + 3000, 3) drew different "
             f"tokens in {differ} of 200 seeded draws: softmax ignores a shift, so the "
             "draws should match",
             kind="value", details="exp(3000) is inf in float32: shift by the largest logit, or "
                                   "let Categorical(logits=...) / softmax normalise.")
