"""Wrong: never removes its hooks."""

import torch as t
from torch import Tensor, nn


def find_nan_module(model: nn.Module, x: Tensor) -> str | None:
    found = []
    for name, m in model.named_modules():
        if name:
            m.register_forward_hook(
                lambda mod, i, o, name=name: found.append(name) if t.isnan(o).any() else None)
    model(x)
    return found[0] if found else None
