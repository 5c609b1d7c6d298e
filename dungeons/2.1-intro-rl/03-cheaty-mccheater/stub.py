"""Room: a cheater, who reads the best arm from the environment's info.

rl_env.py (next to this file) gives Agent: __init__(num_arms, seed) stores num_arms and
calls reset(seed); Agent.reset(seed) makes self.rng = np.random.default_rng(seed).
"""

from rl_env import ActType, Agent


class CheatyMcCheater(Agent):
    def __init__(self, num_arms: int, seed: int):
        super().__init__(num_arms, seed)
        self.best_arm = 0

    def get_action(self) -> ActType:
        """The best arm seen in info so far (arm 0 before any observation)."""
        raise NotImplementedError

    def observe(self, action: ActType, reward: float, info: dict) -> None:
        """Remember info["best_arm"]."""
        raise NotImplementedError
