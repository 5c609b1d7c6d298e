"""Room: the baseline bandit agent, which pulls a random arm.

rl_env.py (next to this file) gives Agent: __init__(num_arms, seed) stores num_arms and
calls reset(seed), which makes self.rng = np.random.default_rng(seed).
"""

import numpy as np  # noqa: F401

from rl_env import ActType, Agent


class RandomAgent(Agent):
    def get_action(self) -> ActType:
        """A uniformly random arm, an int in 0 .. num_arms - 1, drawn from self.rng."""
        raise NotImplementedError
