"""Cases for RewardAveraging: the running mean (hand-checked, first reward replacing the
optimistic start), reset, greedy at epsilon 0, the explore share at epsilon 0.3, and the
agent on the bandit with and without optimism."""

import numpy as np

from arena_dungeon.testing import curve, fail, load_asset_module, note
from rl_env import MultiArmedBandit, run_agent

checks = load_asset_module(__file__, "rl_checks")


def _arrays(agent, call):
    for name in ("Q", "N"):
        v = getattr(agent, name, None)
        if not isinstance(v, np.ndarray) or v.shape != (agent.num_arms,):
            fail(f"after {call}, self.{name} is {v!r:.60}, expected a numpy array of shape "
                 f"({agent.num_arms},)", kind="type")
    return agent.Q, agent.N


def test_running_mean_hand_checked(room):
    """optimism 0; arm 1 gets rewards 1, 2, 6: Q[1] = 3, N[1] = 3, other arms untouched."""
    agent = room.RewardAveraging(4, 0, epsilon=0.1, optimism=0.0)
    for r in (1.0, 2.0, 6.0):
        agent.observe(1, r, {})
    Q, N = _arrays(agent, "observe(1, 1.0), observe(1, 2.0), observe(1, 6.0)")
    checks.check_values(Q, [0, 3, 0, 0], call="Q after rewards 1, 2, 6 on arm 1", dims="arms")
    checks.check_values(N, [0, 3, 0, 0], call="N after three pulls of arm 1", dims="arms")


def test_first_reward_replaces_optimism(room):
    """optimism 5; one reward 1.0 on arm 2: Q[2] becomes 1.0 (the mean of one reward)."""
    agent = room.RewardAveraging(3, 0, epsilon=0.1, optimism=5.0)
    Q, _ = _arrays(agent, "RewardAveraging(3, 0, epsilon=0.1, optimism=5.0)")
    checks.check_values(Q, [5, 5, 5], call="Q before any pull (optimism=5)", dims="arms")
    agent.observe(2, 1.0, {})
    Q, _ = _arrays(agent, "observe(2, 1.0)")
    checks.check_values(Q, [5, 5, 1], call="Q after observe(2, 1.0) with optimism 5", dims="arms")


def test_reset_starts_over(room):
    """After some pulls, reset(3): N all 0, Q all optimism (2.5), and the same pulls as a fresh agent."""
    agent = room.RewardAveraging(4, 3, epsilon=0.5, optimism=2.5)
    fresh = [int(agent.get_action()) for _ in range(30)]
    for a, r in [(0, 1.0), (3, -2.0), (3, 0.5)]:
        agent.observe(a, r, {})
    agent.reset(3)
    Q, N = _arrays(agent, "reset(3)")
    checks.check_values(Q, [2.5] * 4, call="Q after reset(3) (optimism 2.5)", dims="arms")
    checks.check_values(N, [0] * 4, call="N after reset(3)", dims="arms")
    again = [int(agent.get_action()) for _ in range(30)]
    if again != fresh:
        fail(f"after reset(3) the agent pulled {again[:8]}..., a fresh agent with seed 3 pulled "
             f"{fresh[:8]}...: reset must reseed self.rng (call super().reset(seed))",
             kind="value")


def test_greedy_at_epsilon_zero(room):
    """epsilon 0, Q = [0, 1, 3, 2]: 50 pulls, all arm 2."""
    agent = room.RewardAveraging(4, 0, epsilon=0.0, optimism=0.0)
    agent.Q = np.array([0.0, 1.0, 3.0, 2.0])
    counts = checks.count_actions(agent, 50)
    if counts[2] != 50:
        fail(f"with epsilon=0 and Q = [0, 1, 3, 2], 50 pulls went to arms {counts.tolist()} "
             "(counts per arm), expected all 50 on arm 2", kind="value",
             details="Explore when rng.random() < epsilon: with epsilon 0 that never happens.")


def test_explores_epsilon_of_the_time(room):
    """epsilon 0.3, 10 arms, Q best at arm 0: 3000 pulls, arm 0 about 0.7 + 0.3/10 = 0.73 of them."""
    agent = room.RewardAveraging(10, 5, epsilon=0.3, optimism=0.0)
    agent.Q = np.eye(10)[0]
    counts = checks.count_actions(agent, 3000)
    share = counts[0] / 3000
    tol = 4.4 * np.sqrt(0.73 * 0.27 / 3000)
    if abs(share - 0.73) > tol:
        fail(f"with epsilon=0.3 the greedy arm got {share:.3f} of 3000 pulls, expected "
             f"0.73 +- {tol:.3f} (0.7 greedy + 0.3 x 1/10 when exploring picks it too); counts "
             f"per arm: {counts.tolist()}", kind="value")


def test_learns_on_the_bandit(room):
    """20 episodes of 500 pulls, epsilon 0.1: mean reward > 1.0, best arm > 30% (random: 0, 10%)."""
    env = MultiArmedBandit(num_arms=10, episode_length=500)
    results = {}
    for optimism in (0.0, 5.0):
        agent = room.RewardAveraging(10, 0, epsilon=0.1, optimism=optimism)
        results[optimism] = run_agent(env, agent, n_runs=20, base_seed=1)
    rewards, was_best = results[0.0]
    curve("mean reward per pull (epsilon 0.1, optimism 0; 20-pull moving average)",
          checks.moving_average(rewards.mean(0)))
    for optimism, (r, w) in results.items():
        note(f"epsilon 0.1, optimism {optimism:g}: mean reward {r.mean():.3f}, best arm "
             f"{w.mean():.3f} of pulls")
    if rewards.mean() < 1.0 or was_best.mean() < 0.3:
        fail(f"epsilon 0.1, optimism 0 earned {rewards.mean():.3f} per pull and pulled the best "
             f"arm {was_best.mean():.3f} of the time, expected over 1.0 and over 0.3",
             kind="value")
