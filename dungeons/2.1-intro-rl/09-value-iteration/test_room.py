"""Cases for value_iteration: the Toy MDP by hand, gamma = 0 (the best next reward), two
synchronous sweeps, and Norvig's grid against the exact value of policy iteration's policy."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module
from rl_env import Norvig, Toy

checks = load_asset_module(__file__, "rl_checks")


def _policy_iteration_value(env, gamma):
    """V* as the exact value of the policy that policy iteration settles on (with a tolerance on ties)."""
    pi = np.zeros(env.num_states, dtype=int)
    rows = np.arange(env.num_states)
    for _ in range(100):
        V = checks.exact_value(env, pi, gamma)
        Q = checks.q_values(env, V, gamma)
        better = Q.max(-1) > Q[rows, pi] + 1e-9
        if not better.any():
            return V
        pi = np.where(better, Q.argmax(-1), pi)
    return V


def test_toy_by_hand(room):
    """Toy, gamma 0.9: right is optimal, V* = [9.474, 8.526, 10.526] (V0 = 1.8 / 0.19)."""
    v0 = 1.8 / 0.19
    got = call(room.value_iteration, Toy(), gamma=0.9)
    checks.check_values(got, [v0, 0.9 * v0, 2 + 0.9 * v0], call="value_iteration(Toy(), gamma=0.9)")


def test_gamma_zero_is_best_next_reward(room):
    """Norvig, gamma 0: V[s] = max_a sum_s' T[s, a, s'] R[s, a, s'] (next to +1: 0.7 - 0.012 = 0.688 at state 2)."""
    env = Norvig()
    expected = checks.q_values(env, np.zeros(12), 0.0).max(-1)
    got = call(room.value_iteration, env, gamma=0.0)
    checks.check_values(got, expected, call="value_iteration(Norvig(), gamma=0)")


def test_two_synchronous_sweeps(room):
    """Norvig, gamma 0.9, max_iterations=2: the second sweep reads only the first sweep's values."""
    env = Norvig()
    V1 = checks.q_values(env, np.zeros(12), 0.9).max(-1)
    V2 = checks.q_values(env, V1, 0.9).max(-1)
    got = call(room.value_iteration, env, gamma=0.9, max_iterations=2)
    checks.check_values(got, V2, call="value_iteration(Norvig(), gamma=0.9, max_iterations=2)")


def test_norvig_matches_policy_iteration(room):
    """Norvig with penalties -0.04 and -1.5, gamma 0.99: V* equals the value of policy iteration's policy within 1e-5."""
    for penalty in (-0.04, -1.5):
        env = Norvig(penalty=penalty)
        got = call(room.value_iteration, env, gamma=0.99)
        checks.check_values(got, _policy_iteration_value(env, 0.99),
                            call=f"value_iteration(Norvig(penalty={penalty}), gamma=0.99)")
