"""Cases for linear_schedule: the worked example, the two ends, held at end_e after the
exploration phase, and a rising schedule (start below end) on random settings."""

import numpy as np

from arena_dungeon.testing import assert_number_close, curve, fail


def _oracle(step, start_e, end_e, fraction, total):
    """By cases: before, during and after the exploration phase."""
    stop = fraction * total
    if step >= stop:
        return end_e
    return start_e + (end_e - start_e) * (step / stop)


def test_worked_example(room):
    """start 1.0, end 0.1, fraction 0.5 of 1000 steps: step 250 (halfway through exploring) gives 0.55."""
    assert_number_close(room.linear_schedule(250, 1.0, 0.1, 0.5, 1000), 0.55,
                        call="linear_schedule(250, 1.0, 0.1, 0.5, 1000)")
    curve("your epsilon over 1,000 steps (start 1.0, end 0.1, fraction 0.5)",
          [float(room.linear_schedule(s, 1.0, 0.1, 0.5, 1000)) for s in range(0, 1000, 10)])


def test_the_two_ends(room):
    """Step 0 gives start_e; step fraction * total (200 of 1000 at fraction 0.2) gives end_e."""
    assert_number_close(room.linear_schedule(0, 1.0, 0.05, 0.2, 1000), 1.0,
                        call="linear_schedule(0, 1.0, 0.05, 0.2, 1000)")
    assert_number_close(room.linear_schedule(200, 1.0, 0.05, 0.2, 1000), 0.05,
                        call="linear_schedule(200, 1.0, 0.05, 0.2, 1000)")


def test_held_at_end_after_exploring(room):
    """Past the exploration phase epsilon stays at end_e: steps 300, 999 and 5000 of 1000 at fraction 0.2 give 0.05."""
    for step in (300, 999, 5000):
        got = float(room.linear_schedule(step, 1.0, 0.05, 0.2, 1000))
        if abs(got - 0.05) > 1e-9:
            fail(f"linear_schedule({step}, 1.0, 0.05, 0.2, 1000) = {got:.4f}, expected 0.05: "
                 "after exploration_fraction * total_timesteps steps, epsilon stays at end_e",
                 kind="value")


def test_random_settings(room):
    """Forty random settings (some rising, start below end) against a by-cases oracle."""
    rng = np.random.default_rng(0)
    for _ in range(40):
        start, end = (round(float(x), 3) for x in rng.uniform(0, 1, 2))
        fraction, total = round(float(rng.uniform(0.1, 0.9)), 2), int(rng.integers(100, 10000))
        step = int(rng.integers(0, total))
        assert_number_close(room.linear_schedule(step, start, end, fraction, total),
                            _oracle(step, start, end, fraction, total), atol=1e-9,
                            call=f"linear_schedule({step}, {start}, {end}, {fraction}, {total})")
