"""Cases for sample_top_p: the crossing token is kept, min_tokens_to_keep, frequencies."""

import torch

from arena_dungeon.testing import assert_equal, call, fail, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
tiny_lm, generate = ref.tiny_lm, ref.generate
LOGITS, frequencies, check_frequencies = ref.LOGITS, ref.frequencies, ref.check_frequencies


def test_crossing_token_is_kept(room):
    """top_p = 0.5: 0.30 is not enough, 0.30 + 0.25 crosses, so tokens 1 and 5 are drawn, renormalised."""
    check_frequencies(frequencies(room.sample_top_p, 0.5), [1, 5], "sample_top_p(logits, 0.5)")


def test_small_top_p_is_greedy(room):
    """top_p = 0.1: the best token alone (0.30) reaches it, so always token 1."""
    torch.manual_seed(fresh_seed(1))
    for _ in range(50):
        assert_equal(call(room.sample_top_p, LOGITS.clone(), 0.1), 1, call="sample_top_p(logits, 0.1)")


def test_min_tokens_to_keep(room):
    """top_p = 0.1 with min_tokens_to_keep = 3: tokens 1, 5, 3 are drawn, renormalised."""
    check_frequencies(frequencies(room.sample_top_p, 0.1, 3, seed=2), [1, 5, 3],
                      "sample_top_p(logits, 0.1, min_tokens_to_keep=3)")


def test_cumulative_exactly_at_top_p(room):
    """Four equal logits (probabilities exactly 0.25) and top_p = 0.5: the cumulative sum
    reaches 0.5 exactly at the second token, so exactly two tokens are kept, half each."""
    torch.manual_seed(fresh_seed(4))
    seen = torch.zeros(4)
    for _ in range(1000):
        seen[call(room.sample_top_p, torch.zeros(4), 0.5)] += 1
    kept = int((seen > 0).sum())
    if kept != 2 or (seen[seen > 0] / 1000 - 0.5).abs().max() > 0.06:
        fail(f"sample_top_p(zeros(4), 0.5) drew the tokens {seen.int().tolist()} times in "
             f"1,000 draws: {kept} tokens kept, expected 2, about 500 each", kind="value",
             details="0.25 + 0.25 reaches 0.5 exactly: 'reaches top_p' means >=, so the "
                     "second token already completes the nucleus.")


def test_larger_nucleus(room):
    """top_p = 0.8: cumulative 0.30, 0.55, 0.73, 0.83, so tokens 1, 5, 3, 4."""
    check_frequencies(frequencies(room.sample_top_p, 0.8, seed=3), [1, 5, 3, 4],
                      "sample_top_p(logits, 0.8)")
    model, tok = tiny_lm()
    torch.manual_seed(fresh_seed(4))
    note("the tiny model, sampled with your sample_top_p (top_p=0.9): "
         + repr(generate(model, tok, "the ", lambda logits: room.sample_top_p(logits, 0.9))))


def test_logits_far_from_zero(room):
    """The logits shifted by +3000 (as after a low temperature; exp overflows float32) give
    the same draws as the logits themselves under the same seed: 200 draws, at most 3 differ
    (float32 rounding at 3000 moves the probabilities by about 1e-4)."""
    seed = fresh_seed(7)
    torch.manual_seed(seed)
    near = [int(call(room.sample_top_p, LOGITS.clone(), 0.5)) for _ in range(200)]
    torch.manual_seed(seed)
    far = [int(call(room.sample_top_p, LOGITS + 3000.0, 0.5)) for _ in range(200)]
    differ = sum(a != b for a, b in zip(near, far))
    if differ > 3:
        fail(f"sample_top_p(logits, 0.5) and sample_top_p(logits + 3000, 0.5) drew different "
             f"tokens in {differ} of 200 seeded draws: softmax ignores a shift, so the "
             "draws should match",
             kind="value", details="exp(3000) is inf in float32: shift by the largest logit, or "
                                   "let Categorical(logits=...) / softmax normalise.")
