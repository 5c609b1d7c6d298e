"""Bonus room: the dueling Q-network, a state value plus per-action advantages."""

import torch as t  # noqa: F401
from jaxtyping import Float
from torch import Tensor, nn


class DuelingQNetwork(nn.Module):
    def __init__(self, obs_shape: tuple[int], num_actions: int, hidden_sizes: list[int] = [120, 84]):
        """self.body: Linear+ReLU layers obs_shape[0] -> hidden_sizes[0] -> ... -> hidden_sizes[-1]
        (a ReLU after each); self.value_head: Linear(hidden_sizes[-1], 1);
        self.advantage_head: Linear(hidden_sizes[-1], num_actions)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch obs"]) -> Float[Tensor, "batch actions"]:
        """Q = V + A - mean over actions of A: (batch, num_actions)."""
        raise NotImplementedError
