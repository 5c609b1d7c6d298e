"""The rollout memory: store each step, then turn the rollout into shuffled minibatches.

ppo_parts.py gives compute_advantages (room 2), get_minibatch_indices (room 3) and the
ReplayMinibatch dataclass (obs, actions, logprobs, advantages, returns).
"""

import numpy as np
import torch as t
from torch import Tensor

from ppo_parts import ReplayMinibatch, compute_advantages, get_minibatch_indices


class ReplayMemory:
    def __init__(self, num_envs: int, obs_shape: tuple, action_shape: tuple, batch_size: int,
                 minibatch_size: int, batches_per_learning_phase: int, seed: int = 0):
        self.num_envs = num_envs
        self.obs_shape = tuple(obs_shape)
        self.action_shape = tuple(action_shape)
        self.batch_size = batch_size
        self.minibatch_size = minibatch_size
        self.batches_per_learning_phase = batches_per_learning_phase
        self.rng = np.random.default_rng(seed)
        self.reset()

    def reset(self) -> None:
        """Empty the memory: one list per field, one entry per step."""
        self.obs, self.actions, self.logprobs, self.values, self.rewards, self.dones = [], [], [], [], [], []

    def add(self, obs, actions, logprobs, values, rewards, dones) -> None:
        """Store one step of every env: each argument has num_envs rows."""
        self.obs.append(t.as_tensor(np.asarray(obs), dtype=t.float32))
        self.actions.append(t.as_tensor(np.asarray(actions), dtype=t.int64))
        self.logprobs.append(t.as_tensor(np.asarray(logprobs), dtype=t.float32))
        self.values.append(t.as_tensor(np.asarray(values), dtype=t.float32))
        self.rewards.append(t.as_tensor(np.asarray(rewards), dtype=t.float32))
        self.dones.append(t.as_tensor(np.asarray(dones), dtype=t.bool))

    def get_minibatches(self, next_value: Tensor, gamma: float, gae_lambda: float) -> list[ReplayMinibatch]:
        """Advantages (GAE) and returns (advantages + values) over the stored rollout, every field
        flattened to batch_size rows, then batches_per_learning_phase epochs of minibatches."""
        obs, actions, logprobs, values, rewards, dones = (
            t.stack(x) for x in (self.obs, self.actions, self.logprobs, self.values, self.rewards, self.dones))
        advantages = compute_advantages(next_value, rewards, values, dones, gamma, gae_lambda)
        returns = advantages + values
        flat = [x.flatten(0, 1) for x in (obs, actions, logprobs, advantages, returns)]
        minibatches = []
        for _ in range(self.batches_per_learning_phase):
            for idx in get_minibatch_indices(self.rng, self.batch_size, self.minibatch_size):
                minibatches.append(ReplayMinibatch(*(x[idx] for x in flat)))
        return minibatches
