"""Room: Sequential: a container of modules.

Register the modules as "0", "1", ...; forward chains them; len() and seq[i] (negative ok).
"""

import torch as t
from torch import Tensor, nn


class Sequential(nn.Module):
    def __init__(self, *modules: nn.Module):
        super().__init__()
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __getitem__(self, index: int) -> nn.Module:
        """Module number `index`; negative indices count from the end."""
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """Apply every module in order; no modules means x comes back unchanged."""
        raise NotImplementedError
