"""Cases for UCBActionSelection: every arm tried once first, the bonus hand-checked at c = 1
and c = 2, the counters after two pulls, and UCB on the bandit."""

import numpy as np

from arena_dungeon.testing import assert_equal, curve, fail, load_asset_module, note
from rl_env import MultiArmedBandit, run_agent

checks = load_asset_module(__file__, "rl_checks")


def test_tries_every_arm_first(room):
    """5 arms, every pull pays 10: the first 5 pulls are 5 different arms (N = 0 means infinite bonus)."""
    agent = room.UCBActionSelection(5, 0, c=2.0)
    pulls = []
    for _ in range(5):
        a = int(agent.get_action())
        pulls.append(a)
        agent.observe(a, 10.0, {})
    if sorted(pulls) != list(range(5)):
        fail(f"the first 5 pulls were {pulls}, expected each of the 5 arms once: an arm never "
             "pulled has an infinite upper bound", kind="value",
             details="Where N == 0 the bonus is +inf (np.where), so argmax picks untried arms first.")


def _chosen(room, c):
    agent = room.UCBActionSelection(3, 0, c=c)
    agent.Q = np.array([1.0, 0.5, 0.0])
    agent.N = np.array([10.0, 2.0, 1.0])
    agent.t = 13
    return int(agent.get_action())


def test_bonus_hand_checked(room):
    """Q = [1, 0.5, 0], N = [10, 2, 1], t = 13: c = 1 picks arm 1 (1.51, 1.63, 1.60), c = 2 arm 2 (2.01, 2.77, 3.20)."""
    setup = "Q = [1, 0.5, 0], N = [10, 2, 1], t = 13"
    for c, want, scores in ((1.0, 1, "1.507, 1.632, 1.601"), (2.0, 2, "2.013, 2.765, 3.203")):
        got = _chosen(room, c)
        if got != want:
            fail(f"with {setup} and c = {c:g}, get_action() returned arm {got}, expected arm "
                 f"{want}: Q + c * sqrt(log(t) / N) = [{scores}]", kind="value")


def test_counters_after_two_pulls(room):
    """Fresh agent: t = 1; after observe(1, 2.0) and observe(1, 4.0): t = 3, N = [0, 2, 0], Q = [0, 3, 0]."""
    agent = room.UCBActionSelection(3, 0, c=2.0)
    assert_equal(int(agent.t), 1, call="UCBActionSelection(3, 0, c=2.0).t")
    agent.observe(1, 2.0, {})
    agent.observe(1, 4.0, {})
    assert_equal(int(agent.t), 3, call="t after two observations")
    checks.check_values(agent.N, [0, 2, 0], call="N after two pulls of arm 1", dims="arms")
    checks.check_values(agent.Q, [0, 3, 0], call="Q after rewards 2 and 4 on arm 1", dims="arms")


def test_ucb_on_the_bandit(room):
    """20 episodes of 500 pulls, c = 2: mean reward > 1.2 and best arm > 55% (epsilon-greedy: about 1.33, 48%)."""
    env = MultiArmedBandit(num_arms=10, episode_length=500)
    rewards, was_best = run_agent(env, room.UCBActionSelection(10, 0, c=2.0), n_runs=20, base_seed=1)
    curve("UCB c = 2: mean reward per pull (20-pull moving average)",
          checks.moving_average(rewards.mean(0)))
    note(f"UCB c = 2: mean reward {rewards.mean():.3f}, best arm {was_best.mean():.3f} of pulls")
    if rewards.mean() < 1.2 or was_best.mean() < 0.55:
        fail(f"UCB (c = 2) earned {rewards.mean():.3f} per pull and pulled the best arm "
             f"{was_best.mean():.3f} of the time, expected over 1.2 and over 0.55", kind="value")
