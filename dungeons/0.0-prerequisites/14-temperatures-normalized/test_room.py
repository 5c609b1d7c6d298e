"""Cases for temperatures_normalized: hand-checked weeks, sample std, 7-week trap, mutation."""

import math
import statistics

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail

ONE_TO_SEVEN = [-1.3887301, -0.9258201, -0.4629100, 0.0, 0.4629100, 0.9258201, 1.3887301]


def _normalized_loop(temps):
    """Independent oracle: Python's statistics module (stdev divides by n - 1)."""
    values = temps.tolist()
    out = []
    for start in range(0, len(values), 7):
        week = values[start:start + 7]
        mean, std = statistics.mean(week), statistics.stdev(week)
        out.extend((v - mean) / std for v in week)
    return torch.tensor(out, dtype=temps.dtype)


def test_two_weeks_hand_checked(room):
    """Weeks 1..7 and 10, 12, ..., 22 both normalise to the same seven numbers."""
    temps = torch.tensor([1., 2, 3, 4, 5, 6, 7, 10, 12, 14, 16, 18, 20, 22])
    got = call(room.temperatures_normalized, temps)
    assert_tensor_close(got, torch.tensor(ONE_TO_SEVEN * 2), call="temperatures_normalized(temps)",
                        dims="days", atol=1e-4)


def test_sample_std_not_population_std(room):
    """The std divides by n - 1 = 6 (torch.std's default), not by n = 7."""
    temps = torch.tensor([1., 2, 3, 4, 5, 6, 7])
    got = call(room.temperatures_normalized, temps)
    population = torch.tensor([-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5])
    if isinstance(got, torch.Tensor) and got.shape == population.shape \
            and torch.allclose(got.double(), population.double(), atol=1e-4):
        fail("temperatures_normalized([1, ..., 7]) divided by the population std (sum of "
             "squares / 7); this room uses the sample std (sum of squares / 6), torch.std's "
             f"default: day 0 should be {ONE_TO_SEVEN[0]:.4f}, not -1.5", kind="value")
    assert_tensor_close(got, torch.tensor(ONE_TO_SEVEN), call="temperatures_normalized([1..7])",
                        dims="days", atol=1e-4)


def test_seven_weeks_random(room):
    """Exactly seven weeks: (7, 7) and (7,) broadcast silently along the wrong axis."""
    torch.manual_seed(fresh_seed(0))
    temps = 20 + 8 * torch.randn(49)
    got = call(room.temperatures_normalized, temps)
    assert_tensor_close(got, _normalized_loop(temps), call="temperatures_normalized(temps)",
                        dims="days", atol=1e-4)


def test_random_two_weeks_different_spreads(room):
    """A calm week and a wild week: each is scaled by its own std."""
    torch.manual_seed(fresh_seed(1))
    temps = torch.cat([15 + 0.5 * torch.randn(7), 15 + 20 * torch.randn(7)])
    got = call(room.temperatures_normalized, temps)
    assert_tensor_close(got, _normalized_loop(temps), call="temperatures_normalized(temps)",
                        dims="days", atol=1e-4)


def test_each_week_has_mean_0_and_sample_std_1(room):
    """Three random weeks: after normalising, each week has mean 0 and sample std 1."""
    torch.manual_seed(fresh_seed(2))
    temps = 5 + 3 * torch.rand(21)
    got = call(room.temperatures_normalized, temps)
    if not isinstance(got, torch.Tensor) or got.shape != (21,):
        assert_tensor_close(got, _normalized_loop(temps), call="temperatures_normalized(temps)",
                            dims="days")
    for start in range(0, 21, 7):
        week = got[start:start + 7].tolist()
        mean, std = statistics.mean(week), statistics.stdev(week)
        if not (math.isclose(mean, 0.0, abs_tol=1e-4) and math.isclose(std, 1.0, abs_tol=1e-4)):
            fail(f"temperatures_normalized(temps): the week starting at day {start} came out "
                 f"with mean {mean:.4f} and sample std {std:.4f}; expected 0 and 1")


def test_weeks_far_from_zero(room):
    """Two weeks in kelvin (around 290) with spreads of 0.3 and 2 degrees: the squares of
    290 drown the spread in float32, so E[x^2] - E[x]^2 is off; subtract the mean first."""
    torch.manual_seed(fresh_seed(3))
    temps = 290 + torch.randn(14) * torch.tensor([0.3] * 7 + [2.0] * 7)
    got = call(room.temperatures_normalized, temps)
    assert_tensor_close(got, _normalized_loop(temps.double()).float(),
                        call="temperatures_normalized(two weeks near 290 K)", dims="days",
                        atol=1e-3)
