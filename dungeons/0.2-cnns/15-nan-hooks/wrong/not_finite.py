"""Wrong: flags any non-finite value, so a layer making inf is blamed."""

import torch as t
from torch import Tensor, nn


def find_nan_module(model: nn.Module, x: Tensor) -> str | None:
    found = []
    handles = [m.register_forward_hook(
        lambda mod, i, o, name=name: found.append(name) if (~t.isfinite(o)).any() else None)
        for name, m in model.named_modules() if name]
    try:
        model(x)
    finally:
        for h in handles:
            h.remove()
    return found[0] if found else None
