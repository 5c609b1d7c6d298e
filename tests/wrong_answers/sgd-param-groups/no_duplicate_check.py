"""Wrong: never checks for a parameter listed in two groups."""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn

DEFAULTS = {"momentum": 0.0, "weight_decay": 0.0}


class SGD:
    param_groups: list[dict]

    def __init__(self, params, **kwargs):
        params = list(params)
        groups = params if params and isinstance(params[0], dict) else [{"params": params}]
        self.param_groups = []
        self.bufs: dict[int, Tensor] = {}  # momentum buffers, keyed by id(parameter)
        seen: set[int] = set()
        for group in groups:
            group = {**DEFAULTS, **kwargs, **group}
            if "lr" not in group:
                raise ValueError("every parameter group needs an lr (in the group or as a keyword)")
            group["params"] = list(group["params"])
            for p in group["params"]:
                seen.add(id(p))
            self.param_groups.append(group)

    def zero_grad(self) -> None:
        for group in self.param_groups:
            for p in group["params"]:
                p.grad = None

    @t.inference_mode()
    def step(self) -> None:
        for group in self.param_groups:
            lr, mu, wd = group["lr"], group["momentum"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad + wd * p
                if mu:
                    b = self.bufs.get(id(p))
                    b = g.clone() if b is None else mu * b + g
                    self.bufs[id(p)] = g = b
                p -= lr * g
