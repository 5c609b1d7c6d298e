"""The actor and the critic: two small MLPs, initialised orthogonally."""

import gymnasium as gym
import numpy as np
from torch import nn


def layer_init(layer: nn.Linear, std: float = np.sqrt(2), bias_const: float = 0.0) -> nn.Linear:
    """Orthogonal weights scaled by `std`, every bias `bias_const`; returns the same layer."""
    nn.init.orthogonal_(layer.weight, std)
    nn.init.constant_(layer.bias, bias_const)
    return layer


def get_actor_and_critic(envs: gym.vector.SyncVectorEnv, hidden: int = 64) -> tuple[nn.Sequential, nn.Sequential]:
    """actor: obs (batch, num_obs) -> logits (batch, num_actions); critic: obs -> values (batch, 1).
    Both: Linear num_obs->hidden, Tanh, Linear hidden->hidden, Tanh, Linear to the output."""
    num_obs = int(np.prod(envs.single_observation_space.shape))
    num_actions = int(envs.single_action_space.n)
    critic = nn.Sequential(
        layer_init(nn.Linear(num_obs, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, 1), std=1.0),
    )
    actor = nn.Sequential(
        layer_init(nn.Linear(num_obs, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, num_actions), std=0.01),
    )
    return actor, critic
