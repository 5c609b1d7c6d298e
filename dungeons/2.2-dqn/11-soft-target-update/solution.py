"""Bonus room: the soft (Polyak) target update."""

import torch as t  # noqa: F401
from torch import nn


def soft_update(target: nn.Module, online: nn.Module, tau: float) -> None:
    """Move every parameter of `target` a fraction tau of the way to `online`'s, in place:
    target <- tau * online + (1 - tau) * target. `online` is left as it is; returns None."""
    with t.no_grad():
        for target_param, online_param in zip(target.parameters(), online.parameters()):
            target_param.mul_(1 - tau).add_(tau * online_param)
