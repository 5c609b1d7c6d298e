"""Cases for apply_temperature: exact scalings, identity at T = 1, no in-place change."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

LOGITS = torch.tensor([2.0, 0.0, -2.0, 0.5, 1.25])


def test_hand_checked_half(room):
    """[2, 0, -2, 0.5, 1.25] at T = 0.5 is [4, 0, -4, 1, 2.5]."""
    assert_tensor_close(call(room.apply_temperature, LOGITS.clone(), 0.5),
                        torch.tensor([4.0, 0.0, -4.0, 1.0, 2.5]), call="apply_temperature(logits, 0.5)")


def test_low_temperature_scales_up(room):
    """T = 0.001 multiplies the logits by 1000 (almost greedy)."""
    assert_tensor_close(call(room.apply_temperature, LOGITS.clone(), 0.001), LOGITS * 1000,
                        call="apply_temperature(logits, 0.001)", rtol=1e-5)


def test_high_temperature_scales_down(room):
    """T = 1000 multiplies the logits by 0.001 (almost uniform)."""
    assert_tensor_close(call(room.apply_temperature, LOGITS.clone(), 1000.0), LOGITS * 0.001,
                        call="apply_temperature(logits, 1000.0)", rtol=1e-5, atol=1e-9)


def test_temperature_one_changes_nothing(room):
    """T = 1 on random logits (50,) returns the same values."""
    logits = torch.randn(50, generator=torch.Generator().manual_seed(fresh_seed(0))) * 4
    assert_tensor_close(call(room.apply_temperature, logits, 1.0), logits.clone(),
                        call="apply_temperature(random logits, 1.0)")
