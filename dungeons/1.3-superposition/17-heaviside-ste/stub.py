"""Room: a step function with a made-up gradient, as a torch.autograd.Function.

toy_base.py (next to this file) gives rectangle(x, width=1.0): 1.0 where |x| < width / 2.
"""

from typing import Any

import torch as t
from jaxtyping import Float
from torch import Tensor

from toy_base import rectangle


class Heaviside(t.autograd.Function):
    """H(x - threshold): 1 where x > threshold. Its true derivative is zero almost everywhere;
    backward pretends the step is a ramp of width `bandwidth` around the threshold."""

    @staticmethod
    def forward(ctx: Any, x: Float[Tensor, "batch inst d_sae"], threshold: Float[Tensor, "inst d_sae"],
                bandwidth: float) -> Float[Tensor, "batch inst d_sae"]:
        """Save what backward needs (ctx.save_for_backward for tensors, an attribute of ctx
        for the float); return (x > threshold) as x's dtype."""
        raise NotImplementedError

    @staticmethod
    def backward(ctx: Any, grad_output: Float[Tensor, "batch inst d_sae"]) -> tuple[
            None, Float[Tensor, "inst d_sae"], None]:
        """No gradient for x or bandwidth (None). For the threshold:
        -(1 / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output, summed over
        the batch dim so it has the threshold's shape."""
        raise NotImplementedError
