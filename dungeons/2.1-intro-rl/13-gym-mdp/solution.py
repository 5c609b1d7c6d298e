"""Boss: turn a gymnasium toy-text environment's model into an MDP, solve it, and meet Q-learning.

rl_env.py gives Environment (build() turns dynamics into env.T, env.R); rl_mdp.py gives
policy_eval_exact, policy_improvement and find_optimal_policy; rl_td.py the TD agents' base.
"""

import gymnasium as gym
import numpy as np

from rl_env import Arr, Environment


class GymMDP(Environment):
    def __init__(self, env: gym.Env):
        """Read env.unwrapped.P; terminal = every state some transition reaches with terminated=True.

        Then super().__init__(num_states, num_actions, start=<the state env.reset(seed=0) gives>,
        terminal=<those states, an int array>), which calls build() and so dynamics().
        """
        self.P = env.unwrapped.P
        start, _ = env.reset(seed=0)
        terminal = sorted({int(nxt) for outcomes in self.P.values() for options in outcomes.values()
                           for _, nxt, _, done in options if done})
        super().__init__(int(env.observation_space.n), int(env.action_space.n), start=int(start),
                         terminal=np.array(terminal, dtype=int))

    def dynamics(self, state: int, action: int) -> tuple[Arr, Arr, Arr]:
        """Next states (m,), rewards (m,), probabilities (m,) of `action` in `state`.

        P[state][action] lists (probability, next_state, reward, terminated). A terminal state
        is absorbing instead: it stays put with reward 0 whatever the action.
        """
        if state in self.terminal:
            return np.array([state]), np.array([0.0]), np.array([1.0])
        probs, states, rewards, _ = zip(*self.P[state][action])
        return np.array(states, dtype=int), np.array(rewards, dtype=float), np.array(probs, dtype=float)
