"""Generalised advantage estimation (GAE), computed backwards over a rollout."""

import torch as t
from jaxtyping import Bool, Float
from torch import Tensor


@t.inference_mode()
def compute_advantages(next_value: Float[Tensor, "num_envs"], rewards: Float[Tensor, "steps num_envs"],
                       values: Float[Tensor, "steps num_envs"], dones: Bool[Tensor, "steps num_envs"],
                       gamma: float, gae_lambda: float) -> Float[Tensor, "steps num_envs"]:
    """advantages[s] = delta[s] + gamma * gae_lambda * (1 - dones[s]) * advantages[s + 1], where
    delta[s] = rewards[s] + gamma * V(next obs) * (1 - dones[s]) - values[s]; the next obs's value is
    values[s + 1], or next_value after the last step."""
    live = 1.0 - dones.float()
    next_values = t.cat([values[1:], next_value[None]])
    deltas = rewards + gamma * next_values * live - values
    advantages = t.zeros_like(deltas)
    running = t.zeros_like(next_value)
    for s in reversed(range(rewards.shape[0])):
        running = deltas[s] + gamma * gae_lambda * live[s] * running
        advantages[s] = running
    return advantages
