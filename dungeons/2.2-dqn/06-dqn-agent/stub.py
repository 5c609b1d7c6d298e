"""Room: the DQN agent, which acts epsilon-greedily and fills the replay buffer.

dqn_parts.py (next to this file) gives QNetwork, ReplayBuffer, linear_schedule and
epsilon_greedy_policy (rooms 1-4).
"""

import gymnasium as gym
import numpy as np

from dqn_parts import QNetwork, ReplayBuffer, epsilon_greedy_policy, linear_schedule


class DQNAgent:
    def __init__(self, envs: gym.vector.SyncVectorEnv, buffer: ReplayBuffer, q_network: QNetwork,
                 start_e: float, end_e: float, exploration_fraction: float, total_timesteps: int,
                 rng: np.random.Generator):
        """Given: keeps its arguments, starts at step 0 with epsilon start_e, resets the envs."""
        self.envs = envs
        self.buffer = buffer
        self.q_network = q_network
        self.start_e = start_e
        self.end_e = end_e
        self.exploration_fraction = exploration_fraction
        self.total_timesteps = total_timesteps
        self.rng = rng
        self.step = 0
        self.epsilon = start_e
        self.obs, _ = envs.reset()

    def get_actions(self, obs: np.ndarray) -> np.ndarray:
        """Set self.epsilon from the schedule at self.step; return epsilon-greedy actions (num_envs,)."""
        raise NotImplementedError

    def play_step(self) -> dict:
        """One step in every env: add (obs, actions, rewards, terminated, real next obs) to the buffer,
        move self.obs on, self.step += num_envs; return the step's infos."""
        raise NotImplementedError
