"""Cases for SARSA.observe: one update by hand (the next action taken, not the best), a
terminal step with no future, other entries untouched, and SARSA keeping away from the cliff
while it explores (far fewer falls than Q-learning)."""

import gymnasium as gym
import numpy as np

from arena_dungeon.testing import assert_number_close, curve, fail, load_asset_module, note
from rl_td import AgentConfig, EpsilonGreedy, Experience

checks = load_asset_module(__file__, "rl_checks")


def _agent(room, lr=0.5, gamma=0.9, optimism=0.0, seed=0):
    env = gym.make("CliffWalking-v1").unwrapped
    return room.SARSA(env, AgentConfig(epsilon=0.1, lr=lr, optimism=optimism), gamma=gamma, seed=seed)


def test_one_update_hand_checked(room):
    """lr 0.5, gamma 0.9, Q[5] = [1, 3, 2, 0]; obs 4, act 1, reward -1, new_obs 5, new_act 2:
    target -1 + 0.9 x 2 = 0.8 (the action taken next, not the best), Q[4, 1] = 0.4."""
    agent = _agent(room)
    agent.Q[5] = [1.0, 3.0, 2.0, 0.0]
    agent.observe(Experience(obs=4, act=1, reward=-1.0, new_obs=5, new_act=2))
    assert_number_close(agent.Q[4, 1], 0.4,
                        call="Q[4, 1] after observe(obs=4, act=1, reward=-1, new_obs=5, new_act=2)")


def test_terminal_step_has_no_future(room):
    """optimism 2, lr 0.5, gamma 0.9; reward 10 into a terminal state: target 10, Q[35, 2] = 6."""
    agent = _agent(room, optimism=2.0)
    agent.observe(Experience(obs=35, act=2, reward=10.0, new_obs=47, new_act=1, terminated=True))
    assert_number_close(agent.Q[35, 2], 6.0,
                        call="Q[35, 2] after a terminal step with reward 10 (optimism 2, lr 0.5)")


def test_other_entries_untouched(room):
    """One update of Q[4, 1], then of Q[7, 0] with lr 0.1, gamma 0.5: every other entry keeps its value."""
    agent = _agent(room, lr=0.1, gamma=0.5)
    agent.Q[:] = np.random.default_rng(0).normal(size=agent.Q.shape)
    before = agent.Q.copy()
    agent.observe(Experience(obs=4, act=1, reward=-1.0, new_obs=5, new_act=2))
    agent.observe(Experience(obs=7, act=0, reward=0.5, new_obs=3, new_act=3))
    changed = np.argwhere(agent.Q != before).tolist()
    if changed != [[4, 1], [7, 0]]:
        fail(f"two updates (of Q[4, 1] and Q[7, 0]) changed Q at {changed[:6]}, expected "
             "only [4, 1] and [7, 0]", kind="value")
    want = before[7, 0] + 0.1 * (0.5 + 0.5 * before[3, 3] - before[7, 0])
    assert_number_close(agent.Q[7, 0], want, call="Q[7, 0] after reward 0.5, new_obs 3, "
                        "new_act 3 (lr 0.1, gamma 0.5)")


class _QLearning(EpsilonGreedy):
    def observe(self, exp):
        best = 0.0 if exp.terminated else self.gamma * np.max(self.Q[exp.new_obs])
        self.Q[exp.obs, exp.act] += self.config.lr * (exp.reward + best - self.Q[exp.obs, exp.act])


def _falls(agent, episodes, last=100):
    per_episode, returns = [], []
    for run in range(episodes):
        rewards = agent.run_episode(seed=run)
        per_episode.append(sum(r == -100 for r in rewards))
        returns.append(sum(rewards))
    return int(sum(per_episode[-last:])), returns


def test_keeps_away_from_the_cliff(room):
    """CliffWalking, epsilon 0.1, lr 0.5, gamma 0.99, 300 episodes: at most 15 falls in the last 100 (Q-learning: about 30)."""
    env = gym.make("CliffWalking-v1").unwrapped
    mine, mine_returns = _falls(_agent(room, lr=0.5, gamma=0.99, seed=1), 300)
    theirs, q_returns = _falls(_QLearning(env, AgentConfig(0.1, 0.5, 0.0), gamma=0.99, seed=1), 300)
    curve("SARSA on CliffWalking: return per episode (10-episode moving average)",
          checks.moving_average(np.array(mine_returns, dtype=float), 10))
    note(f"falls off the cliff in episodes 201-300: SARSA {mine}, Q-learning {theirs}; mean "
         f"return there: SARSA {np.mean(mine_returns[-100:]):.1f}, Q-learning "
         f"{np.mean(q_returns[-100:]):.1f}")
    if mine > 15:
        fail(f"SARSA fell off the cliff {mine} times in episodes 201-300 (Q-learning: {theirs}), "
             "expected at most 15: SARSA values the exploring policy, so it should learn a path "
             "away from the edge", kind="value")
