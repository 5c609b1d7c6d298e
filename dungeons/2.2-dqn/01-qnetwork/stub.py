"""Room: the Q-network, an MLP from an observation to one value per action."""

import torch as t  # noqa: F401
from jaxtyping import Float
from torch import Tensor, nn


class QNetwork(nn.Module):
    def __init__(self, obs_shape: tuple[int], num_actions: int, hidden_sizes: list[int] = [120, 84]):
        """Linear layers obs_shape[0] -> hidden_sizes[0] -> ... -> hidden_sizes[-1] -> num_actions,
        a ReLU after each hidden layer and nothing after the last."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Float[Tensor, "batch obs"]) -> Float[Tensor, "batch actions"]:
        """Q-values (batch, num_actions) for a batch of observations (batch, obs_shape[0])."""
        raise NotImplementedError
