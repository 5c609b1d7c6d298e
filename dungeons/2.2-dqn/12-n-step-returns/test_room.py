"""Cases for n_step_targets: n = 1 is the one-step target, a hand-checked 3-step window, a
window cut by a terminated step (no reward from the next episode, no bootstrap), a window cut
by the end of the trajectory (bootstrap with the shorter discount), and random trajectories
against a loop oracle."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call


def _oracle(rewards, terminated, next_values, gamma, n):
    """Step by step, the obvious way."""
    T = len(rewards)
    out = torch.zeros(T)
    for i in range(T):
        total, j = 0.0, i
        for k in range(n):
            j = i + k
            total += gamma ** k * float(rewards[j])
            if bool(terminated[j]) or j == T - 1 or k == n - 1:
                break
        m = j - i + 1
        if not bool(terminated[j]):
            total += gamma ** m * float(next_values[j])
        out[i] = total
    return out


def _check(room, rewards, terminated, next_values, gamma, n, label):
    got = call(room.n_step_targets, rewards, terminated, next_values, gamma, n)
    assert_tensor_close(got, _oracle(rewards, terminated, next_values, gamma, n), atol=1e-5,
                        call=f"n_step_targets({label}, gamma={gamma}, n={n})", dims="T")


def test_one_step_is_the_td_target(room):
    """n = 1: reward + gamma * next_value * (1 - terminated), step by step (T = 6)."""
    torch.manual_seed(fresh_seed(0))
    rewards, values = torch.randn(6), torch.randn(6)
    terminated = torch.tensor([False, False, True, False, False, False])
    got = call(room.n_step_targets, rewards, terminated, values, 0.9, 1)
    want = rewards + 0.9 * values * (~terminated).float()
    assert_tensor_close(got, want, atol=1e-6, call="n_step_targets(..., gamma=0.9, n=1)", dims="T")


def test_three_steps_hand_checked(room):
    """Rewards [1, 2, 3, 4], next values [10, 20, 30, 40], none terminated, gamma 0.5, n 3: step 0 gives 1 + 0.5*2 + 0.25*3 + 0.125*30 = 6.5."""
    rewards = torch.tensor([1.0, 2.0, 3.0, 4.0])
    values = torch.tensor([10.0, 20.0, 30.0, 40.0])
    got = call(room.n_step_targets, rewards, torch.zeros(4, dtype=torch.bool), values, 0.5, 3)
    want = torch.tensor([6.5, 2 + 1.5 + 1.0 + 5.0, 3 + 2.0 + 10.0, 4 + 20.0])
    assert_tensor_close(got, want, atol=1e-6,
                        call="n_step_targets([1, 2, 3, 4], none terminated, [10, 20, 30, 40], gamma=0.5, n=3)",
                        dims="T")


def test_window_stops_at_terminated(room):
    """Step 1 terminates, step 2 starts a new episode: step 0's 3-step target is r0 + gamma r1 and nothing after."""
    rewards = torch.tensor([1.0, 2.0, 100.0, 4.0, 5.0])
    terminated = torch.tensor([False, True, False, False, False])
    values = torch.tensor([50.0, 60.0, 70.0, 80.0, 90.0])
    _check(room, rewards, terminated, values, 0.9, 3, "an episode ending at step 1")


def test_window_stops_at_the_end(room):
    """T = 4, n = 5, nothing terminated: each window runs to the last step and bootstraps from next_values[3] with gamma to the number of rewards taken."""
    rewards = torch.tensor([1.0, 1.0, 1.0, 1.0])
    values = torch.tensor([0.0, 0.0, 0.0, 10.0])
    _check(room, rewards, torch.zeros(4, dtype=torch.bool), values, 0.9, 5, "a trajectory shorter than n")


def test_random_trajectories(room):
    """Twenty random trajectories (T 1-30, n 1-6, 20% terminated, gamma 0.8-0.99) against a loop oracle."""
    g = torch.Generator().manual_seed(fresh_seed(1))
    for case in range(20):
        T = int(torch.randint(1, 31, (1,), generator=g))
        n = int(torch.randint(1, 7, (1,), generator=g))
        gamma = round(0.8 + 0.19 * float(torch.rand(1, generator=g)), 3)
        rewards, values = torch.randn(T, generator=g), torch.randn(T, generator=g)
        terminated = torch.rand(T, generator=g) < 0.2
        _check(room, rewards, terminated, values, gamma, n, f"random trajectory {case} (T={T})")
