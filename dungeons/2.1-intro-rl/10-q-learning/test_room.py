"""Cases for QLearning.observe: one update by hand (the max over next actions, not the next
action taken), a terminal step with no future, other entries untouched, another step size
and discount, and Q-learning finding the shortest path along the cliff."""

import gymnasium as gym
import numpy as np

from arena_dungeon.testing import assert_number_close, curve, fail, load_asset_module, note
from rl_td import AgentConfig, Experience, greedy_return

checks = load_asset_module(__file__, "rl_checks")


def _agent(room, lr=0.5, gamma=0.9, optimism=0.0):
    env = gym.make("CliffWalking-v1").unwrapped
    return room.QLearning(env, AgentConfig(epsilon=0.1, lr=lr, optimism=optimism), gamma=gamma, seed=0)


def test_one_update_hand_checked(room):
    """lr 0.5, gamma 0.9, Q[5] = [1, 3, 2, 0]; obs 4, act 1, reward -1, new_obs 5, new_act 0:
    target -1 + 0.9 x 3 = 1.7 (the best next action, not the one taken), Q[4, 1] = 0.85."""
    agent = _agent(room)
    agent.Q[5] = [1.0, 3.0, 2.0, 0.0]
    agent.observe(Experience(obs=4, act=1, reward=-1.0, new_obs=5, new_act=0))
    assert_number_close(agent.Q[4, 1], 0.85,
                        call="Q[4, 1] after observe(obs=4, act=1, reward=-1, new_obs=5, new_act=0)")


def test_terminal_step_has_no_future(room):
    """optimism 2 (all Q = 2), lr 0.5, gamma 0.9; reward 10 into a terminal state: target 10, Q[35, 2] = 2 + 0.5 x 8 = 6."""
    agent = _agent(room, optimism=2.0)
    agent.observe(Experience(obs=35, act=2, reward=10.0, new_obs=47, new_act=0, terminated=True))
    got = float(agent.Q[35, 2])
    if abs(got - 6.0) > 1e-6:
        extra = " (6.9 means the terminal state's Q of 2 was added as a future)" if abs(got - 6.9) < 1e-6 else ""
        fail(f"Q[35, 2] after a terminal step with reward 10 is {got:.4f}, expected 6.0 (target "
             f"= the reward only){extra}",
             kind="value", details="When exp.terminated is True the episode is over: there is "
                                   "no next value to add.")


def test_other_entries_untouched(room):
    """One update of Q[4, 1]: every other entry of Q keeps its value."""
    agent = _agent(room)
    rng = np.random.default_rng(0)
    agent.Q[:] = rng.normal(size=agent.Q.shape)
    before = agent.Q.copy()
    agent.observe(Experience(obs=4, act=1, reward=-1.0, new_obs=5, new_act=2))
    changed = np.argwhere(agent.Q != before).tolist()
    if changed != [[4, 1]]:
        fail(f"observe(obs=4, act=1, ...) changed Q at {changed[:6]}, expected only [4, 1]",
             kind="value")


def test_step_size_and_discount(room):
    """lr 0.1, gamma 0.5, Q[4, 1] = 1, Q[5] = [0, 4, 0, -2]; reward -1: target 1, Q[4, 1] stays 1; reward 1: 1.2."""
    for reward, want in ((-1.0, 1.0), (1.0, 1.2)):
        agent = _agent(room, lr=0.1, gamma=0.5)
        agent.Q[4, 1] = 1.0
        agent.Q[5] = [0.0, 4.0, 0.0, -2.0]
        agent.observe(Experience(obs=4, act=1, reward=reward, new_obs=5, new_act=3))
        assert_number_close(agent.Q[4, 1], want, call=f"Q[4, 1] after reward {reward:g} "
                            "(lr 0.1, gamma 0.5, Q[4, 1] = 1, max Q[5] = 4)")


def test_learns_the_cliff_edge(room):
    """CliffWalking, epsilon 0.1, lr 0.5, gamma 0.99, 150 episodes: acting greedily then takes the 13-step path (return -13)."""
    agent = _agent(room, lr=0.5, gamma=0.99)
    returns = agent.train(150)
    curve("Q-learning on CliffWalking: return per episode (10-episode moving average)",
          checks.moving_average(np.array(returns), 10))
    got = greedy_return(agent.env, agent.Q)
    note(f"greedy return after 150 episodes: {got:g} (the shortest path, along the cliff: -13)")
    if got != -13:
        fail(f"after 150 episodes, acting greedily on Q returned {got:g}, expected -13 (the "
             "shortest path along the cliff edge)", kind="value")
