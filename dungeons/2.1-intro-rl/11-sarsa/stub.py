"""Room: the SARSA update.

rl_td.py (next to this file) gives Experience, AgentConfig and EpsilonGreedy: self.Q
(num_states, num_actions), self.gamma, self.config.lr, get_action, run_episode, train.
"""

import numpy as np  # noqa: F401

from rl_td import EpsilonGreedy, Experience


class SARSA(EpsilonGreedy):
    def observe(self, exp: Experience) -> None:
        """Move Q[obs, act] a step lr towards reward + gamma * Q[new_obs, new_act] (just reward if terminated)."""
        raise NotImplementedError
