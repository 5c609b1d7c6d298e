"""Reference solution: SimpleMLP."""

from jaxtyping import Float
from torch import Tensor, nn


class SimpleMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear1 = nn.Linear(64, 100)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(100, 10)

    def forward(self, x: Float[Tensor, "batch 8 8"]) -> Float[Tensor, "batch 10"]:
        return self.linear2(self.relu(self.linear1(self.flatten(x))))
