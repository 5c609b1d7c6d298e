"""Cases for sample_top_p: the crossing token is kept, min_tokens_to_keep, frequencies."""

import torch

from arena_dungeon.testing import fresh_seed, assert_equal, call, load_asset_module, note

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


def test_larger_nucleus(room):
    """top_p = 0.8: cumulative 0.30, 0.55, 0.73, 0.83, so tokens 1, 5, 3, 4."""
    check_frequencies(frequencies(room.sample_top_p, 0.8, seed=3), [1, 5, 3, 4],
                      "sample_top_p(logits, 0.8)")
    model, tok = tiny_lm()
    torch.manual_seed(fresh_seed(4))
    note("the tiny model, sampled with your sample_top_p (top_p=0.9): "
         + repr(generate(model, tok, "the ", lambda logits: room.sample_top_p(logits, 0.9))))
