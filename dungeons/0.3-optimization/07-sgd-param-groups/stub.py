"""Room: SGD with parameter groups.

Different hyperparameters for different parts of a model, as torch.optim does it.
"""

from collections.abc import Iterable

import torch as t
from torch import Tensor, nn


class SGD:
    param_groups: list[dict]

    def __init__(self, params, **kwargs):
        """`params`: an iterable of parameters, or a list of dicts each holding "params" (an
        iterable of parameters) and optional "lr", "momentum", "weight_decay".

        Build self.param_groups, a list of dicts with keys "params" (a list), "lr",
        "momentum", "weight_decay": each group's own values beat `kwargs`, which beat the
        defaults momentum=0.0, weight_decay=0.0. Raise ValueError if a group ends up with
        no "lr", or if a parameter appears in two groups.
        """
        raise NotImplementedError

    def zero_grad(self) -> None:
        """Clear the gradient of every parameter in every group."""
        raise NotImplementedError

    @t.inference_mode()
    def step(self) -> None:
        """Your SGD update, for each group with that group's lr, momentum and weight_decay."""
        raise NotImplementedError
