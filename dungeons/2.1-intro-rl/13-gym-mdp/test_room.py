"""Cases for GymMDP: CliffWalking's goal made absorbing and its cliff kept, FrozenLake's
slippery model (rows summing to 1), then both solved by policy iteration: the cliff's
13-step path, met by Q-learning, and the lake at the optimal success rate."""

import gymnasium as gym
import numpy as np

from arena_dungeon.testing import assert_number_close, describe, fail, load_asset_module, note
from rl_mdp import policy_eval_exact
from rl_td import AgentConfig, EpsilonGreedy, greedy_return

checks = load_asset_module(__file__, "rl_checks")
GAMMA = 0.99


def _cliff():
    return gym.make("CliffWalking-v1")


def _lake():
    return gym.make("FrozenLake-v1", is_slippery=True)


def _arrays(mdp, n_states, n_actions, what):
    for name in ("T", "R"):
        arr = getattr(mdp, name, None)
        if not isinstance(arr, np.ndarray) or arr.shape != (n_states, n_actions, n_states):
            fail(f"{what}.{name} is {describe(arr)}, expected a numpy array of shape "
                 f"({n_states}, {n_actions}, {n_states})", kind="shape")
    return mdp.T, mdp.R


def _policy_iteration(mdp, gamma):
    """Policy iteration that keeps the current action unless another is better by 1e-9: exact
    ties (FrozenLake's state 6, between two holes) would otherwise flip on rounding noise."""
    pi = np.zeros(mdp.num_states, dtype=int)
    rows = np.arange(mdp.num_states)
    for _ in range(100):
        V = policy_eval_exact(mdp, pi, gamma)
        Q = (mdp.T * (mdp.R + gamma * V)).sum(-1)
        better = Q.max(-1) > Q[rows, pi] + 1e-9
        if not better.any():
            return pi
        pi = np.where(better, Q.argmax(-1), pi)
    return pi


def test_cliff_goal_is_absorbing(room):
    """CliffWalking: every action at the goal (47) stays there with reward 0; the step into it (35, down) costs -1."""
    T, R = _arrays(room.GymMDP(_cliff()), 48, 4, "GymMDP(CliffWalking)")
    for a in range(4):
        if T[47, a, 47] != 1.0 or R[47, a, 47] != 0.0:
            fail(f"at the goal (state 47), action {a} goes to "
                 f"{np.flatnonzero(T[47, a]).tolist()} with rewards "
                 f"{R[47, a][T[47, a] > 0].tolist()}, expected to stay at 47 with reward 0: the "
                 "episode is over there (gymnasium's P still lists moves out of it)", kind="value")
    assert_number_close(T[35, 2, 47], 1.0, call="T[35, 2, 47] (down from 35 reaches the goal)")
    assert_number_close(R[35, 2, 47], -1.0, call="R[35, 2, 47]")


def test_cliff_sends_you_back(room):
    """CliffWalking: right from the start (36) steps off the cliff: back to 36 with reward -100; state 35 is not terminal."""
    T, R = _arrays(room.GymMDP(_cliff()), 48, 4, "GymMDP(CliffWalking)")
    assert_number_close(T[36, 1, 36], 1.0, call="T[36, 1, 36] (right from the start: off the cliff, back to 36)")
    assert_number_close(R[36, 1, 36], -100.0, call="R[36, 1, 36]")
    if T[35, 0, 23] != 1.0 or R[35, 0, 23] != -1.0:
        fail(f"up from state 35 goes to {np.flatnonzero(T[35, 0]).tolist()} with reward "
             f"{R[35, 0][T[35, 0] > 0].tolist()}, expected 23 with -1: only the state a "
             "terminated transition *reaches* is terminal, not the one it leaves", kind="value")


def test_frozen_lake_model(room):
    """FrozenLake 4x4, slippery: rows of T sum to 1; from 14 'right' reaches the goal 15 with 1/3 and reward 1; holes absorb."""
    T, R = _arrays(room.GymMDP(_lake()), 16, 4, "GymMDP(FrozenLake)")
    sums = T.sum(-1)
    if np.abs(sums - 1).max() > 1e-9:
        s, a = np.unravel_index(np.abs(sums - 1).argmax(), sums.shape)
        fail(f"T[{s}, {a}] sums to {sums[s, a]:.4f}, expected 1 (a probability distribution "
             "over next states)", kind="value")
    assert_number_close(T[14, 1, 15], 1 / 3, call="T[14, 1, 15] (right from 14 slips 1 time in 3 off course)")
    assert_number_close(R[14, 1, 15], 1.0, call="R[14, 1, 15] (reaching the goal)")
    for hole in (5, 7, 11, 12):
        assert_number_close(T[hole, 0, hole], 1.0, call=f"T[{hole}, 0, {hole}] (a hole is absorbing)")


def test_cliff_dp_meets_q_learning(room):
    """Policy iteration on GymMDP(CliffWalking), gamma 0.99: the greedy path returns -13, as Q-learning's does after 150 episodes."""
    env = _cliff()
    mdp = room.GymMDP(env)
    pi = _policy_iteration(mdp, GAMMA)
    dp_return = greedy_return(env.unwrapped, np.eye(4)[pi])
    V = policy_eval_exact(mdp, pi, GAMMA)

    class QLearning(EpsilonGreedy):
        def observe(self, exp):
            best = 0.0 if exp.terminated else self.gamma * self.Q[exp.new_obs].max()
            self.Q[exp.obs, exp.act] += self.config.lr * (exp.reward + best - self.Q[exp.obs, exp.act])

    agent = QLearning(env.unwrapped, AgentConfig(0.1, 0.5, 0.0), gamma=GAMMA, seed=0)
    agent.train(150)
    td_return = greedy_return(env.unwrapped, agent.Q)
    note(f"CliffWalking: policy iteration's path returns {dp_return:g} (V[start] = {V[36]:.3f}); "
         f"Q-learning's greedy path after 150 episodes returns {td_return:g}")
    arrows = np.array(list("↑→↓←"))[pi].reshape(4, 12)
    arrows[3, 1:11] = "C"
    arrows[3, 11] = "G"
    for row in arrows:
        note(" ".join(row))
    note("CliffWalking policy from policy iteration; C the cliff, G the goal, start bottom left")
    if dp_return != -13:
        fail(f"the policy found by policy iteration on your model returns {dp_return:g} from the "
             "start, expected -13 (the 13-step path along the cliff)", kind="value")
    assert_number_close(V[36], -(1 - GAMMA ** 13) / (1 - GAMMA),
                        call="V[36] of the optimal policy (13 steps of -1, discounted)")


def _value_iteration(P, n_states, n_actions, terminal, gamma):
    """V* straight from gymnasium's P (no future after a terminated transition; terminal
    states worth 0), an oracle independent of GymMDP."""
    expected_reward = np.zeros((n_states, n_actions))
    go_on = np.zeros((n_states, n_actions, n_states))
    for s in range(n_states):
        for a in range(n_actions):
            for p, nxt, r, done in P[s][a]:
                if s not in terminal:
                    expected_reward[s, a] += p * r
                    go_on[s, a, nxt] += 0.0 if done else p
    V = np.zeros(n_states)
    for _ in range(5000):
        V_new = (expected_reward + gamma * go_on @ V).max(-1)
        if np.abs(V_new - V).max() < 1e-12:
            return V_new
        V = V_new
    return V


def test_frozen_lake_solved(room):
    """Policy iteration on GymMDP(FrozenLake), gamma 0.99: V[0] equals value iteration on gymnasium's P; the policy reaches the goal about 80% of the time."""
    env = _lake()
    mdp = room.GymMDP(env)
    pi = _policy_iteration(mdp, GAMMA)
    V = policy_eval_exact(mdp, pi, GAMMA)
    best = _value_iteration(env.unwrapped.P, 16, 4, {5, 7, 11, 12, 15}, GAMMA)
    wins, u = 0, env.unwrapped
    for episode in range(200):
        obs, _ = u.reset(seed=episode)
        for _ in range(200):
            obs, reward, terminated, _, _ = u.step(int(pi[obs]))
            if terminated:
                wins += reward > 0
                break
    note(f"FrozenLake: optimal V[start] = {best[0]:.4f}; your model's policy: V[start] = "
         f"{V[0]:.4f}, reached the goal in {wins} of 200 episodes")
    cells = np.array(list("←↓→↑"))[pi]
    cells[[5, 7, 11, 12]], cells[15] = "H", "G"
    for row in cells.reshape(4, 4):
        note(" ".join(row))
    note("FrozenLake policy (actions 0 left, 1 down, 2 right, 3 up); H holes, G goal")
    assert_number_close(V[0], best[0], atol=1e-6,
                        call="V[0] of policy iteration's policy on GymMDP(FrozenLake)")
