"""Room: JumpReLU as a torch.autograd.Function, with a learnable threshold.

toy_base.py (next to this file) gives rectangle(x, width=1.0): 1.0 where |x| < width / 2.
"""

from typing import Any

import torch as t
from jaxtyping import Float
from torch import Tensor

from toy_base import rectangle


class JumpReLU(t.autograd.Function):
    """x where x > threshold, else 0. The gradient for x is the true one; for the threshold,
    a straight-through estimate over a window of width `bandwidth`."""

    @staticmethod
    def forward(ctx: Any, x: Float[Tensor, "batch inst d_sae"], threshold: Float[Tensor, "inst d_sae"],
                bandwidth: float) -> Float[Tensor, "batch inst d_sae"]:
        """Save x and threshold (ctx.save_for_backward) and the bandwidth (on ctx);
        return x * (x > threshold)."""
        raise NotImplementedError

    @staticmethod
    def backward(ctx: Any, grad_output: Float[Tensor, "batch inst d_sae"]) -> tuple[
            Float[Tensor, "batch inst d_sae"], Float[Tensor, "inst d_sae"], None]:
        """x: grad_output where x > threshold, else 0. threshold:
        -(threshold / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output,
        summed over the batch dim. bandwidth: None."""
        raise NotImplementedError
