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
    num_actions = envs.single_action_space.n
    if rng.random() < epsilon:
        return rng.integers(0, num_actions, size=envs.num_envs)
    with t.inference_mode():
        q_values = q_network(t.as_tensor(obs, dtype=t.float32))
    return q_values.argmax(-1).numpy()
