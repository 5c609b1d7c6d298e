"""Room: epsilon-greedy actions from a Q-network, one per env."""

import gymnasium as gym
import numpy as np
import torch as t
from jaxtyping import Float, Int
from torch import nn


def epsilon_greedy_policy(envs: gym.vector.SyncVectorEnv, q_network: nn.Module, rng: np.random.Generator,
                          obs: Float[np.ndarray, "num_envs *obs_shape"], epsilon: float
                          ) -> Int[np.ndarray, "num_envs"]:
    """With probability epsilon (one draw of rng.random() per call), a uniformly random action per env
    from rng; otherwise each env's argmax of q_network(obs). Returns an int numpy array (num_envs,)."""
    raise NotImplementedError
