"""Cases for temperatures_average: hand-checked weeks, shapes, a random series."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

TWO_WEEKS = torch.tensor([10., 12, 14, 16, 18, 20, 22, 30, 30, 31, 29, 35, 25, 30])


def _weekly_means_loop(temps):
    """Independent oracle: a plain Python loop over weeks."""
    values = temps.tolist()
    return torch.tensor([sum(values[i:i + 7]) / 7 for i in range(0, len(values), 7)],
                        dtype=temps.dtype)


def test_two_weeks_hand_checked(room):
    """Two weeks: (10+12+...+22)/7 = 16 and (30+30+31+29+35+25+30)/7 = 30."""
    got = call(room.temperatures_average, TWO_WEEKS.clone())
    assert_tensor_close(got, torch.tensor([16., 30.]), call="temperatures_average(temps)",
                        dims="weeks")


def test_single_week(room):
    """One week gives a result of shape (1,), not a bare number."""
    temps = torch.tensor([3., 5., 4., 6., 8., 7., 9.])
    got = call(room.temperatures_average, temps)
    assert_tensor_close(got, torch.tensor([6.]), call="temperatures_average(7 days)",
                        dims="weeks")


def test_one_value_per_week(room):
    """Three weeks give shape (3,): no leftover size-1 axis."""
    temps = torch.arange(21.)
    got = call(room.temperatures_average, temps)
    assert_tensor_close(got, torch.tensor([3., 10., 17.]),
                        call="temperatures_average(arange(21.))", dims="weeks")


def test_random_five_weeks(room):
    """Five weeks of random temperatures against a slow loop."""
    torch.manual_seed(fresh_seed(0))
    temps = 15 + 10 * torch.randn(35)
    got = call(room.temperatures_average, temps)
    assert_tensor_close(got, _weekly_means_loop(temps), call="temperatures_average(temps)",
                        dims="weeks", atol=1e-4)
