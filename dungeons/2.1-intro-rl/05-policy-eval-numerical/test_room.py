"""Cases for policy_eval_numerical: the Toy MDP by hand (left and right), gamma = 0 giving
the expected reward, exactly two synchronous sweeps, and Norvig's grid against a linear
solve for random policies."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module
from rl_env import Norvig, Toy

checks = load_asset_module(__file__, "rl_checks")


def test_toy_always_left(room):
    """Toy, gamma 0.9, pi = [0, 0, 0]: V0 = 1 / (1 - 0.81) = 5.263, V1 = 0.9 V0, V2 = 2 + 0.9 V0."""
    v0 = 1 / (1 - 0.81)
    got = call(room.policy_eval_numerical, Toy(), np.array([0, 0, 0]), gamma=0.9)
    checks.check_values(got, [v0, 0.9 * v0, 2 + 0.9 * v0],
                        call="policy_eval_numerical(Toy(), [0, 0, 0], gamma=0.9)")


def test_toy_always_right(room):
    """Toy, gamma 0.9, pi = [1, 1, 1]: V0 = 2 * 0.9 / (1 - 0.81) = 9.474, V1 = 0.9 V0, V2 = 2 + 0.9 V0."""
    v0 = 1.8 / (1 - 0.81)
    got = call(room.policy_eval_numerical, Toy(), np.array([1, 1, 1]), gamma=0.9)
    checks.check_values(got, [v0, 0.9 * v0, 2 + 0.9 * v0],
                        call="policy_eval_numerical(Toy(), [1, 1, 1], gamma=0.9)")


def test_gamma_zero_is_expected_reward(room):
    """Norvig, gamma 0, pi all 'right': V[s] = sum_s' T[s, 1, s'] R[s, 1, s'], the next reward only."""
    env = Norvig()
    pi = np.ones(12, dtype=int)
    expected = [sum(env.T[s, 1, k] * env.R[s, 1, k] for k in range(12)) for s in range(12)]
    got = call(room.policy_eval_numerical, env, pi, gamma=0.0)
    checks.check_values(got, expected, call="policy_eval_numerical(Norvig(), all right, gamma=0)")


def test_two_synchronous_sweeps(room):
    """Norvig, gamma 0.9, max_iterations=2: V = r + 0.9 P r (each sweep reads only the previous sweep's V)."""
    env = Norvig()
    pi = np.array([1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0])
    P = np.array([env.T[s, pi[s]] for s in range(12)])
    r = np.array([env.T[s, pi[s]] @ env.R[s, pi[s]] for s in range(12)])
    got = call(room.policy_eval_numerical, env, pi, gamma=0.9, max_iterations=2)
    checks.check_values(got, r + 0.9 * P @ r,
                        call="policy_eval_numerical(Norvig(), pi, gamma=0.9, max_iterations=2)")


def test_norvig_random_policies(room):
    """Norvig, gamma 0.95, three seeded random policies: V matches the linear solve within 1e-5."""
    env = Norvig()
    rng = np.random.default_rng(0)
    for k in range(3):
        pi = rng.integers(0, 4, size=12)
        got = call(room.policy_eval_numerical, env, pi, gamma=0.95)
        checks.check_values(got, checks.exact_value(env, pi, 0.95),
                            call=f"policy_eval_numerical(Norvig(), pi={pi.tolist()}, gamma=0.95)")
