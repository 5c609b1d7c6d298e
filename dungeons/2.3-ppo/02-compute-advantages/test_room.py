"""Cases for compute_advantages (GAE): a hand-checked rollout, an episode ending inside it,
the bootstrap from next_value, lambda = 0 and 1 (the TD error and the Monte Carlo
advantage), and a random batch against a forward sum written out term by term."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, fresh_seed


def _t(rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float32)


def _oracle(next_value, rewards, values, dones, gamma, lam):
    """A_s = sum_k (gamma lam)^k delta_{s+k}, stopping after the first step that ends an episode."""
    steps, envs = rewards.shape
    v_next = torch.cat([values[1:], next_value[None]])
    out = torch.zeros(steps, envs, dtype=torch.float64)
    for e in range(envs):
        for s in range(steps):
            total, weight = 0.0, 1.0
            for k in range(s, steps):
                live = 0.0 if dones[k, e] else 1.0
                delta = float(rewards[k, e]) + gamma * float(v_next[k, e]) * live - float(values[k, e])
                total += weight * delta
                if dones[k, e]:
                    break
                weight *= gamma * lam
            out[s, e] = total
    return out.float()


def test_three_steps_hand_checked(room):
    """One env, rewards 1, 1, 1, values 0, no episode end, next_value 0, gamma = lambda = 1: the advantages are the rewards to go, 3, 2, 1."""
    args = (_t([0.0]), _t([[1.0], [1.0], [1.0]]), _t([[0.0], [0.0], [0.0]]),
            torch.tensor([[False], [False], [False]]), 1.0, 1.0)
    got = call(room.compute_advantages, *args)
    assert_tensor_close(got, _t([[3.0], [2.0], [1.0]]), call="compute_advantages(next_value=[0], "
                        "rewards=[1, 1, 1], values=0, dones=none, gamma=1, lambda=1)", dims="steps num_envs")


def test_episode_end_cuts_the_sum(room):
    """Two envs, 4 steps, gamma 0.5, lambda 1: env 0 (values 1) ends its episode at step 1, so step 1 does not bootstrap, steps 0-1 sum only their own TD errors, and steps 2-3 start afresh (bootstrapping next_value 8); env 1 (values 0) runs on."""
    rewards = _t([[1.0, 1.0], [2.0, 1.0], [4.0, 1.0], [8.0, 1.0]])
    dones = torch.tensor([[False, False], [True, False], [False, False], [False, False]])
    values = _t([[1.0, 0.0]] * 4)
    got = call(room.compute_advantages, _t([8.0, 0.0]), rewards, values, dones, 0.5, 1.0)
    want = _t([[1.0, 1.875], [1.0, 1.75], [9.0, 1.5], [11.0, 1.0]])
    assert_tensor_close(got, want, call="compute_advantages: env 0 ends at step 1 (values [1, 0], "
                        "gamma 0.5, lambda 1, next_value [8, 0])", dims="steps num_envs")


def test_values_enter_the_td_errors(room):
    """gamma 0.9, lambda 0 (advantages = TD errors r + 0.9 V(next) - V): values [1, 2, 3], next_value 10, an episode ending at the last step, so 10 is never used."""
    got = call(room.compute_advantages, _t([10.0]), _t([[0.0], [1.0], [2.0]]), _t([[1.0], [2.0], [3.0]]),
               torch.tensor([[False], [False], [True]]), 0.9, 0.0)
    want = _t([[0.0 + 0.9 * 2 - 1], [1.0 + 0.9 * 3 - 2], [2.0 - 3.0]])
    assert_tensor_close(got, want, call="compute_advantages(lambda 0): each advantage is its own TD "
                        "error; the last step ended its episode", dims="steps num_envs")


def test_random_rollout_matches_the_forward_sum(room):
    """A random rollout (20 steps, 3 envs, episodes ending at random, gamma 0.9, lambda 0.8) against the sum of discounted TD errors up to each episode's end, written out term by term."""
    g = torch.Generator().manual_seed(fresh_seed(3))
    rewards = torch.randn(20, 3, generator=g)
    values = torch.randn(20, 3, generator=g)
    dones = torch.rand(20, 3, generator=g) < 0.2
    next_value = torch.randn(3, generator=g)
    got = call(room.compute_advantages, next_value, rewards, values, dones, 0.9, 0.8)
    want = _oracle(next_value, rewards, values, dones, 0.9, 0.8)
    assert_tensor_close(got, want, atol=1e-4, call="compute_advantages(random rollout 20 x 3, gamma 0.9, "
                        "lambda 0.8)", dims="steps num_envs")


def test_lambda_one_gives_return_minus_value(room):
    """lambda 1 (and no episode end): each advantage is the discounted return to the end of the rollout, bootstrapped with next_value, minus values[s]."""
    g = torch.Generator().manual_seed(fresh_seed(4))
    rewards, values = torch.randn(6, 2, generator=g), torch.randn(6, 2, generator=g)
    next_value = torch.randn(2, generator=g)
    ret = next_value.clone()
    want = torch.zeros(6, 2)
    for s in reversed(range(6)):
        ret = rewards[s] + 0.95 * ret
        want[s] = ret - values[s]
    got = call(room.compute_advantages, next_value, rewards, values, torch.zeros(6, 2, dtype=torch.bool), 0.95, 1.0)
    assert_tensor_close(got, want, atol=1e-4, call="compute_advantages(lambda 1, gamma 0.95, no episode end)",
                        dims="steps num_envs")
