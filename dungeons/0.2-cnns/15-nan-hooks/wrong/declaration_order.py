"""Wrong: collects every NaN module, then answers in declaration order, not execution order."""

import torch as t
from torch import Tensor, nn


def find_nan_module(model: nn.Module, x: Tensor) -> str | None:
    bad = set()
    handles = []
    for name, module in model.named_modules():
        if name:
            handles.append(module.register_forward_hook(
                lambda m, i, o, name=name: bad.add(name) if t.isnan(o).any() else None))
    try:
        model(x)
    finally:
        for h in handles:
            h.remove()
    for name, _ in model.named_modules():
        if name in bad:
            return name
    return None
