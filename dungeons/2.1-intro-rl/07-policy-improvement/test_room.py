"""Cases for policy_improvement: the Toy MDP by hand, gamma deciding between now and later,
ties going to the lowest action, and Norvig's grid against a loop oracle."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module
from rl_env import Norvig, Toy

checks = load_asset_module(__file__, "rl_checks")


def test_toy_improves_on_left(room):
    """Toy, gamma 0.9, V of 'always left' = [5.263, 4.737, 6.737]: right is better in state 0 (6.06 > 5.26) -> [1, 0, 0]."""
    v0 = 1 / 0.19
    V = np.array([v0, 0.9 * v0, 2 + 0.9 * v0])
    got = call(room.policy_improvement, Toy(), V, gamma=0.9)
    checks.check_policy(got, [1, 0, 0], call="policy_improvement(Toy(), V_left, gamma=0.9)")


def test_gamma_weighs_the_future(room):
    """Toy, V = [0, 0, 10]: gamma 0.05 -> left (1 now > 0.05 x 10); gamma 0.5 -> right (5 > 1)."""
    V = np.array([0.0, 0.0, 10.0])
    for gamma, want in ((0.05, 0), (0.5, 1)):
        got = call(room.policy_improvement, Toy(), V, gamma=gamma)
        checks.check_policy(got, [want, 0, 0],
                            call=f"policy_improvement(Toy(), [0, 0, 10], gamma={gamma})")


def test_ties_go_to_lowest_action(room):
    """Norvig(penalty=0), V = 0: every state with all actions equal (exits, wall, far cells) picks action 0."""
    env = Norvig(penalty=0.0)
    V = np.zeros(12)
    expected = checks.q_values(env, V, 0.99).argmax(-1)
    got = call(room.policy_improvement, env, V, gamma=0.99)
    checks.check_policy(got, expected, call="policy_improvement(Norvig(penalty=0), zeros, gamma=0.99)")


def test_norvig_random_values(room):
    """Norvig, gamma 0.9, three seeded random V: pi matches argmax of Q from a loop oracle."""
    env = Norvig()
    rng = np.random.default_rng(2)
    for _ in range(3):
        V = rng.normal(size=12)
        got = call(room.policy_improvement, env, V, gamma=0.9)
        checks.check_policy(got, checks.q_values(env, V, 0.9).argmax(-1),
                            call=f"policy_improvement(Norvig(), V={np.round(V, 2).tolist()}, gamma=0.9)")
