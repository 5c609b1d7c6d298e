"""Cases for temperatures_differences: hand-checked weeks, layout, the 7-week trap, mutation."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

TWO_WEEKS = torch.tensor([10., 12, 14, 16, 18, 20, 22, 30, 30, 31, 29, 35, 25, 30])
TWO_WEEKS_DIFF = torch.tensor([-6., -4, -2, 0, 2, 4, 6, 0, 0, 1, -1, 5, -5, 0])


def _differences_loop(temps):
    """Independent oracle: a plain Python loop over days."""
    values = temps.tolist()
    out = []
    for i, v in enumerate(values):
        start = i - i % 7
        out.append(v - sum(values[start:start + 7]) / 7)
    return torch.tensor(out, dtype=temps.dtype)


def test_two_weeks_hand_checked(room):
    """Two weeks with means 16 and 30."""
    got = call(room.temperatures_differences, TWO_WEEKS.clone())
    assert_tensor_close(got, TWO_WEEKS_DIFF, call="temperatures_differences(temps)", dims="days")


def test_result_is_flat_like_temps(room):
    """Three weeks in, 21 values out in one axis: the same layout as temps."""
    temps = torch.arange(21.)
    got = call(room.temperatures_differences, temps)
    expected = torch.tensor([-3., -2, -1, 0, 1, 2, 3] * 3)
    assert_tensor_close(got, expected, call="temperatures_differences(arange(21.))", dims="days")


def test_seven_weeks_random(room):
    """Exactly seven weeks: a (7, 7) grid minus a (7,) vector runs, but along the wrong axis."""
    torch.manual_seed(fresh_seed(0))
    temps = 20 + 8 * torch.randn(49)
    got = call(room.temperatures_differences, temps)
    assert_tensor_close(got, _differences_loop(temps), call="temperatures_differences(temps)",
                        dims="days", atol=1e-4)


def test_random_three_weeks(room):
    """Three weeks of random temperatures against a slow loop."""
    torch.manual_seed(fresh_seed(1))
    temps = 10 + 5 * torch.rand(21)
    got = call(room.temperatures_differences, temps)
    assert_tensor_close(got, _differences_loop(temps), call="temperatures_differences(temps)",
                        dims="days", atol=1e-4)


def test_leaves_temps_unchanged(room):
    """The caller's temps are left as they were (no `-=` on a view of them)."""
    temps = TWO_WEEKS.clone()
    call(room.temperatures_differences, temps)  # call() fails if temps changed
