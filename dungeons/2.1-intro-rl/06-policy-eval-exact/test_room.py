"""Cases for policy_eval_exact: the Toy MDP by hand, gamma = 0, Norvig's grid against many
sweeps of the Bellman backup, and a gamma close to 1."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module
from rl_env import Norvig, Toy

checks = load_asset_module(__file__, "rl_checks")


def _swept(env, pi, gamma, sweeps=4000):
    """V^pi by many synchronous sweeps, einsum (an oracle independent of solve)."""
    n = env.num_states
    V = np.zeros(n)
    P = np.stack([env.T[s, pi[s]] for s in range(n)])
    R = np.stack([env.R[s, pi[s]] for s in range(n)])
    for _ in range(sweeps):
        V = np.einsum("sk,sk->s", P, R + gamma * V)
    return V


def test_toy_by_hand(room):
    """Toy, gamma 0.9: always left V = [5.263, 4.737, 6.737]; always right V = [9.474, 8.526, 10.526]."""
    for pi, v0 in (([0, 0, 0], 1 / 0.19), ([1, 1, 1], 1.8 / 0.19)):
        got = call(room.policy_eval_exact, Toy(), np.array(pi), gamma=0.9)
        checks.check_values(got, [v0, 0.9 * v0, 2 + 0.9 * v0],
                            call=f"policy_eval_exact(Toy(), {pi}, gamma=0.9)")


def test_gamma_zero_is_expected_reward(room):
    """Norvig, gamma 0, pi all 'down': V[s] = sum_s' T[s, 2, s'] R[s, 2, s']."""
    env = Norvig()
    expected = [env.T[s, 2] @ env.R[s, 2] for s in range(12)]
    got = call(room.policy_eval_exact, env, np.full(12, 2), gamma=0.0)
    checks.check_values(got, expected, call="policy_eval_exact(Norvig(), all down, gamma=0)")


def test_norvig_matches_sweeps(room):
    """Norvig, gamma 0.9, three seeded random policies: V matches 4000 Bellman sweeps."""
    env = Norvig()
    rng = np.random.default_rng(1)
    for _ in range(3):
        pi = rng.integers(0, 4, size=12)
        got = call(room.policy_eval_exact, env, pi, gamma=0.9)
        checks.check_values(got, _swept(env, pi, 0.9),
                            call=f"policy_eval_exact(Norvig(), pi={pi.tolist()}, gamma=0.9)")


def test_norvig_long_horizon(room):
    """Norvig, penalty -0.1, gamma 0.999, pi always 'right': matches 20000 sweeps (slow to iterate, one solve here)."""
    env = Norvig(penalty=-0.1)
    pi = np.ones(12, dtype=int)
    got = call(room.policy_eval_exact, env, pi, gamma=0.999)
    checks.check_values(got, _swept(env, pi, 0.999, sweeps=20000), atol=1e-4,
                        call="policy_eval_exact(Norvig(penalty=-0.1), all right, gamma=0.999)")
