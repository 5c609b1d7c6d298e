"""Room: DCGAN weight initialisation.

Conv2d, ConvTranspose2d, Linear: weight ~ N(0, 0.02^2). BatchNorm2d: weight ~ N(1, 0.02^2),
bias = 0. In place, for every module inside model.
"""

import torch as t
from torch import nn


def initialize_weights(model: nn.Module) -> None:
    """Initialise every layer of model in place, DCGAN-style; return None."""
    raise NotImplementedError
