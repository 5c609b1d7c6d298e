"""ppo_agent: room 5's answer (the agent that plays and fills the memory) and a run's
settings, for the rooms that train. Nothing in it is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says).

- `PPOArgs`: every setting of a run. Derived: `batch_size = num_steps_per_rollout *
  num_envs` (rows per rollout), `minibatch_size = batch_size // num_minibatches`,
  `total_phases = total_timesteps // batch_size` (rollout + learning phases).
- `PPOAgent(envs, actor, critic, memory, gamma)`: `play_step()` samples an action in every
  env, steps them, stores `(obs, actions, logprobs, values, rewards, dones)` in the memory
  (`dones = terminated | truncated`; on a truncation the reward also carries
  `gamma * V(final_obs)`), moves `self.next_obs` on and `self.step` by `num_envs`, and returns
  the step's `infos`. `get_minibatches(gamma, gae_lambda)` values the last observation,
  asks the memory for the minibatches, and empties it.
"""

from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch as t
from torch import nn
from torch.distributions import Categorical

from ppo_parts import ReplayMemory, ReplayMinibatch


@dataclass
class PPOArgs:
    env_id: str = "CartPole-v1"
    seed: int = 1
    num_envs: int = 4
    max_episode_steps: int | None = None
    total_timesteps: int = 500_000
    num_steps_per_rollout: int = 128
    num_minibatches: int = 4
    batches_per_learning_phase: int = 4
    learning_rate: float = 2.5e-4
    end_lr: float = 0.0
    max_grad_norm: float = 0.5
    gamma: float = 0.99
    gae_lambda: float = 0.95
    clip_coef: float = 0.2
    ent_coef: float = 0.01
    vf_coef: float = 0.25
    hidden: int = 64

    @property
    def batch_size(self) -> int:
        return self.num_steps_per_rollout * self.num_envs

    @property
    def minibatch_size(self) -> int:
        return self.batch_size // self.num_minibatches

    @property
    def total_phases(self) -> int:
        return self.total_timesteps // self.batch_size


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

    def get_minibatches(self, gamma: float, gae_lambda: float) -> list[ReplayMinibatch]:
        with t.inference_mode():
            next_value = self.critic(t.as_tensor(self.next_obs, dtype=t.float32)).squeeze(-1)
        minibatches = self.memory.get_minibatches(next_value, gamma, gae_lambda)
        self.memory.reset()
        return minibatches
