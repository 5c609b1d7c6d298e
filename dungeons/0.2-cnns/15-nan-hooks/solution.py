"""Reference solution: find_nan_module."""

import torch as t
from torch import Tensor, nn


def find_nan_module(model: nn.Module, x: Tensor) -> str | None:
    found: list[str] = []

    def make_hook(name: str):
        def hook(module: nn.Module, inputs, output) -> None:
            if isinstance(output, Tensor) and t.isnan(output).any():
                found.append(name)
        return hook

    handles = [module.register_forward_hook(make_hook(name))
               for name, module in model.named_modules() if name]
    try:
        with t.inference_mode():
            model(x)
    finally:
        for handle in handles:
            handle.remove()
    return found[0] if found else None
