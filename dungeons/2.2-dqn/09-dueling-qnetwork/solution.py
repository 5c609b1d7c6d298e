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
        sizes = [obs_shape[0], *hidden_sizes]
        layers = []
        for d_in, d_out in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(d_in, d_out), nn.ReLU()]
        self.body = nn.Sequential(*layers)
        self.value_head = nn.Linear(sizes[-1], 1)
        self.advantage_head = nn.Linear(sizes[-1], num_actions)

    def forward(self, x: Float[Tensor, "batch obs"]) -> Float[Tensor, "batch actions"]:
        """Q = V + A - mean over actions of A: (batch, num_actions)."""
        h = self.body(x)
        advantages = self.advantage_head(h)
        return self.value_head(h) + advantages - advantages.mean(-1, keepdim=True)
