"""Cases for CheatyMcCheater: arm 0 before any observation, the arm named in info after one,
the latest info winning, and the ceiling on the bandit (every pull but the first is best)."""

import numpy as np

from arena_dungeon.testing import assert_equal, fail, note
from rl_env import MultiArmedBandit, run_agent


def test_arm_zero_before_any_info(room):
    """A fresh cheater (5 arms) pulls arm 0: it knows nothing yet."""
    assert_equal(int(room.CheatyMcCheater(5, 0).get_action()), 0,
                 call="CheatyMcCheater(5, 0).get_action() before any observe")


def test_follows_best_arm_in_info(room):
    """observe(action=1, reward=9.0, info={"best_arm": 3}): the next pull is 3, not the action 1."""
    agent = room.CheatyMcCheater(5, 0)
    agent.observe(1, 9.0, {"best_arm": 3})
    got = agent.get_action()
    if int(got) != 3:
        fail(f"after observe(1, 9.0, {{'best_arm': 3}}) get_action() returned {got!r}, expected 3: "
             "the info dict names the best arm", kind="value")


def test_latest_info_wins(room):
    """best_arm 4 then 2: the next three pulls are all 2."""
    agent = room.CheatyMcCheater(6, 0)
    agent.observe(0, 0.0, {"best_arm": 4})
    agent.observe(4, 0.5, {"best_arm": 2})
    got = [int(agent.get_action()) for _ in range(3)]
    assert_equal(got, [2, 2, 2], call="three pulls after infos naming arm 4 then arm 2")


def test_cheater_is_the_ceiling(room):
    """20 episodes of 500 pulls: the best arm on every pull but (at most) the first of each."""
    env = MultiArmedBandit(num_arms=10, episode_length=500)
    rewards, was_best = run_agent(env, room.CheatyMcCheater(10, 0), n_runs=20, base_seed=1)
    note(f"cheater: mean reward {rewards.mean():.3f}, best arm {was_best.mean():.3f} of pulls")
    misses = int((1 - was_best[:, 1:]).sum())
    if misses:
        fail(f"after the first pull of each episode the cheater still missed the best arm "
             f"{misses} times in 20 x 499 pulls, expected 0", kind="value")
    if not np.isfinite(rewards).all():
        fail("some rewards are not finite", kind="nan")
