"""Cases for apply_frequency_penalty: hand-checked counts, unseen tokens, vs a slow loop."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call


def slow_penalty(ids, logits, penalty):
    out = logits.clone()
    for i in ids.tolist():
        out[i] -= penalty
    return out


def test_hand_checked_counts(room):
    """ids [3, 1, 3, 3], logits all 1, penalty 2: [1, -1, 1, -5, 1]."""
    got = call(room.apply_frequency_penalty, torch.tensor([3, 1, 3, 3]), torch.ones(5), 2.0)
    assert_tensor_close(got, torch.tensor([1.0, -1.0, 1.0, -5.0, 1.0]),
                        call="apply_frequency_penalty([3, 1, 3, 3], ones(5), 2.0)")


def test_counts_every_occurrence(room):
    """The last vocabulary id counts too, and repeats count once each (6 x token 9 -> -6 penalty)."""
    ids = torch.tensor([9, 9, 0, 9, 9, 9, 9])
    got = call(room.apply_frequency_penalty, ids, torch.zeros(10), 1.0)
    expected = torch.zeros(10)
    expected[9], expected[0] = -6.0, -1.0
    assert_tensor_close(got, expected, call="apply_frequency_penalty(ids with six 9s, zeros(10), 1.0)")


def test_unseen_tokens_and_zero_penalty(room):
    """Small ids only: the rest of a 12-token vocabulary is untouched; penalty 0 changes nothing."""
    g = torch.Generator().manual_seed(fresh_seed(0))
    logits = torch.randn(12, generator=g)
    ids = torch.tensor([0, 1, 1, 2])
    got = call(room.apply_frequency_penalty, ids, logits, 0.5)
    assert_tensor_close(got, slow_penalty(ids, logits, 0.5), call="apply_frequency_penalty(ids, logits (12,), 0.5)")
    assert_tensor_close(call(room.apply_frequency_penalty, ids, logits, 0.0), logits.clone(),
                        call="apply_frequency_penalty(ids, logits, 0.0)")


def test_random_against_slow_loop(room):
    """60 random ids over a 30-token vocabulary, penalty 0.7: the same as a slow loop."""
    g = torch.Generator().manual_seed(fresh_seed(1))
    ids = torch.randint(0, 30, (60,), generator=g)
    logits = torch.randn(30, generator=g) * 3
    assert_tensor_close(call(room.apply_frequency_penalty, ids, logits, 0.7), slow_penalty(ids, logits, 0.7),
                        call="apply_frequency_penalty(random ids (60,), logits (30,), 0.7)")
