"""The PPO agent: sample actions from the actor, step the envs, store the step.

dqn_parts.py (dungeon 2.2) gives make_envs; ppo_parts.py gives ReplayMemory (room 4).
"""

import gymnasium as gym
import numpy as np
import torch as t
from torch import nn
from torch.distributions import Categorical

from ppo_parts import ReplayMemory


class PPOAgent:
    def __init__(self, envs: gym.vector.SyncVectorEnv, actor: nn.Module, critic: nn.Module,
                 memory: ReplayMemory, gamma: float = 0.99):
        self.envs = envs
        self.actor = actor
        self.critic = critic
        self.memory = memory
        self.gamma = gamma
        self.step = 0
        self.next_obs, _ = envs.reset()

    def play_step(self) -> dict:
        """Sample an action per env, step the envs, store (obs, actions, logprobs, values, rewards,
        dones) in the memory, move self.next_obs and self.step on; return the step's infos."""
        obs = self.next_obs
        with t.inference_mode():
            obs_t = t.as_tensor(obs, dtype=t.float32)
            dist = Categorical(logits=self.actor(obs_t))
            actions = dist.sample()
            logprobs = dist.log_prob(actions)
            values = self.critic(obs_t).squeeze(-1)
        next_obs, rewards, terminated, truncated, infos = self.envs.step(actions.numpy())
        rewards = np.asarray(rewards, dtype=np.float32).copy()
        for i in np.flatnonzero(truncated & ~terminated):
            with t.inference_mode():
                final = t.as_tensor(infos["final_obs"][i], dtype=t.float32)[None]
                rewards[i] += self.gamma * float(self.critic(final))
        self.memory.add(obs, actions, logprobs, values, rewards, terminated | truncated)
        self.next_obs = next_obs
        self.step += self.envs.num_envs
        return infos
