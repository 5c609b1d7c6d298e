"""Room: an epsilon-greedy agent that keeps a running average of each arm's reward.

rl_env.py (next to this file) gives Agent: __init__(num_arms, seed) stores num_arms and
calls reset(seed); Agent.reset(seed) makes self.rng = np.random.default_rng(seed).
"""

import numpy as np

from rl_env import ActType, Agent


class RewardAveraging(Agent):
    def __init__(self, num_arms: int, seed: int, epsilon: float, optimism: float):
        self.epsilon = epsilon
        self.optimism = optimism
        super().__init__(num_arms, seed)

    def get_action(self) -> ActType:
        """With probability epsilon a uniformly random arm (from self.rng), else argmax of self.Q."""
        raise NotImplementedError

    def observe(self, action: ActType, reward: float, info: dict) -> None:
        """Count the pull in self.N and move self.Q[action] to the mean of that arm's rewards."""
        raise NotImplementedError

    def reset(self, seed: int) -> None:
        """Reseed self.rng (Agent.reset), N = zeros (num_arms,), Q = optimism everywhere (num_arms,)."""
        raise NotImplementedError
