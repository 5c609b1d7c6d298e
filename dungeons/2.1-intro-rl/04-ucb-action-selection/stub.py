"""Room: upper-confidence-bound action selection.

rl_env.py (next to this file) gives Agent: __init__(num_arms, seed) stores num_arms and
calls reset(seed); Agent.reset(seed) makes self.rng = np.random.default_rng(seed).
"""

import numpy as np

from rl_env import ActType, Agent


class UCBActionSelection(Agent):
    def __init__(self, num_arms: int, seed: int, c: float):
        self.c = c
        super().__init__(num_arms, seed)

    def get_action(self) -> ActType:
        """argmax of Q + c * sqrt(log(t) / N); an arm never pulled (N = 0) counts as infinite."""
        raise NotImplementedError

    def observe(self, action: ActType, reward: float, info: dict) -> None:
        """t += 1, N[action] += 1, Q[action] moves to the mean of that arm's rewards."""
        raise NotImplementedError

    def reset(self, seed: int) -> None:
        """Reseed self.rng (Agent.reset); t = 1; N and Q zeros of shape (num_arms,)."""
        raise NotImplementedError
