"""Boss: turn a gymnasium toy-text environment's model into an MDP, solve it, and meet Q-learning.

rl_env.py gives Environment (build() turns dynamics into env.T, env.R); rl_mdp.py gives
policy_eval_exact, policy_improvement and find_optimal_policy; rl_td.py the TD agents' base.
"""

import gymnasium as gym
import numpy as np  # noqa: F401

from rl_env import Arr, Environment


class GymMDP(Environment):
    def __init__(self, env: gym.Env):
        """Read env.unwrapped.P; terminal = every state some transition reaches with terminated=True.

        Then super().__init__(num_states, num_actions, start=<the state env.reset(seed=0) gives>,
        terminal=<those states, an int array>), which calls build() and so dynamics().
        """
        raise NotImplementedError

    def dynamics(self, state: int, action: int) -> tuple[Arr, Arr, Arr]:
        """Next states (m,), rewards (m,), probabilities (m,) of `action` in `state`.

        P[state][action] lists (probability, next_state, reward, terminated). A terminal state
        is absorbing instead: it stays put with reward 0 whatever the action.
        """
        raise NotImplementedError
