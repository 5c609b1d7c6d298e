"""Room: the replay buffer (add transitions, keep the newest buffer_size, sample a batch)."""

from dataclasses import dataclass

import numpy as np
import torch as t
from jaxtyping import Bool, Float, Int
from torch import Tensor


@dataclass
class ReplayBufferSamples:
    """A batch of transitions (given: nothing to write here)."""
    obs: Float[Tensor, "sample_size *obs_shape"]
    actions: Int[Tensor, "sample_size *action_shape"]
    rewards: Float[Tensor, "sample_size"]
    terminated: Bool[Tensor, "sample_size"]
    next_obs: Float[Tensor, "sample_size *obs_shape"]


class ReplayBuffer:
    def __init__(self, num_envs: int, obs_shape: tuple[int], action_shape: tuple[int],
                 buffer_size: int, seed: int):
        """Empty arrays with a leading axis of length 0: obs and next_obs (0, *obs_shape) float32,
        actions (0, *action_shape) int64, rewards (0,) float32, terminated (0,) bool;
        self.rng = np.random.default_rng(seed)."""
        raise NotImplementedError

    def add(self, obs: Float[np.ndarray, "num_envs *obs_shape"], actions: Int[np.ndarray, "num_envs *action_shape"],
            rewards: Float[np.ndarray, "num_envs"], terminated: Bool[np.ndarray, "num_envs"],
            next_obs: Float[np.ndarray, "num_envs *obs_shape"]) -> None:
        """Append one step's num_envs transitions; keep only the newest buffer_size."""
        raise NotImplementedError

    def sample(self, sample_size: int, device: t.device | str = "cpu") -> ReplayBufferSamples:
        """sample_size stored transitions drawn uniformly (with replacement) by self.rng, as tensors on device."""
        raise NotImplementedError
