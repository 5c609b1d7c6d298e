"""Cases for RandomAgent.get_action: arms in range, every arm about equally often (the last
one too), the same seed giving the same pulls, and about 1 pull in 10 on the best arm."""

import numpy as np

from arena_dungeon.testing import fail, load_asset_module, note
from rl_env import MultiArmedBandit, run_agent

checks = load_asset_module(__file__, "rl_checks")


def test_actions_are_arms(room):
    """5 arms, 200 pulls: each action is an int in 0..4."""
    agent = room.RandomAgent(5, 0)
    for _ in range(200):
        a = agent.get_action()
        if not isinstance(a, (int, np.integer)) or isinstance(a, bool):
            fail(f"get_action() returned {a!r} ({type(a).__name__}), expected an int arm",
                 kind="type")
        if not 0 <= a < 5:
            fail(f"get_action() returned arm {a} with num_arms=5, expected 0..4", kind="value")


def test_every_arm_about_equally_often(room):
    """10 arms, 3000 pulls: each arm's share within 4.4 standard errors of 1/10 (arm 9 too)."""
    counts = checks.count_actions(room.RandomAgent(10, 1), 3000)
    share = counts / 3000
    tol = 4.4 * np.sqrt(0.1 * 0.9 / 3000)
    worst = int(np.abs(share - 0.1).argmax())
    if abs(share[worst] - 0.1) > tol:
        fail(f"in 3000 pulls with 10 arms, arm {worst} was pulled {counts[worst]} times "
             f"({share[worst]:.3f}), expected about 300 (0.1 +- {tol:.3f}); counts per arm: "
             f"{counts.tolist()}", kind="value",
             details="Draw from 0 .. num_arms - 1 inclusive: numpy's integers(low, high) "
                     "excludes high.")


def test_same_seed_same_pulls(room):
    """reset(7) twice: the same 50 arms both times (all randomness from self.rng)."""
    agent = room.RandomAgent(10, 7)
    first = [int(agent.get_action()) for _ in range(50)]
    agent.reset(7)
    second = [int(agent.get_action()) for _ in range(50)]
    if first != second:
        fail("after reset(7) the agent pulled different arms than after the first reset(7): "
             f"{first[:8]}... then {second[:8]}...", kind="value",
             details="Draw from self.rng (made by reset from the seed), not np.random or "
                     "random, so a run can be replayed.")


def test_random_agent_on_the_bandit(room):
    """20 episodes of 500 pulls on a 10-armed bandit: the best arm about 1 pull in 10."""
    env = MultiArmedBandit(num_arms=10, episode_length=500)
    rewards, was_best = run_agent(env, room.RandomAgent(10, 0), n_runs=20, base_seed=1)
    note(f"random agent: mean reward {rewards.mean():.3f}, best arm pulled "
         f"{was_best.mean():.3f} of the time")
    if abs(was_best.mean() - 0.1) > 0.02:
        fail(f"the random agent pulled the best arm {was_best.mean():.3f} of the time over "
             "20 x 500 pulls, expected about 0.1", kind="value")
