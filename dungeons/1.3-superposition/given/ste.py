"""ste: the JumpReLU rooms' autograd functions (rooms 17-18's answers).

GIVEN code: read it and import from it, but don't edit it.
- `Heaviside.apply(x, threshold, bandwidth)`: (x > threshold) as floats; backward gives the
  threshold -(1/bandwidth) * rectangle((x - threshold)/bandwidth) * grad_output, summed over
  the batch, and x nothing.
- `JumpReLU.apply(x, threshold, bandwidth)`: x * (x > threshold); backward gives x the true
  masked gradient and the threshold -(threshold/bandwidth) * rectangle(...) * grad_output.
x: (batch, inst, d_sae); threshold: (inst, d_sae); bandwidth: a float.
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
        ctx.save_for_backward(x, threshold)
        ctx.bandwidth = bandwidth
        return (x > threshold).to(x.dtype)

    @staticmethod
    def backward(ctx: Any, grad_output: Float[Tensor, "batch inst d_sae"]) -> tuple[
            None, Float[Tensor, "inst d_sae"], None]:
        """No gradient for x or bandwidth (None). For the threshold:
        -(1 / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output, summed over
        the batch dim so it has the threshold's shape."""
        x, threshold = ctx.saved_tensors
        bandwidth = ctx.bandwidth
        grad = -(1.0 / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output
        return None, grad.sum(dim=0), None


class JumpReLU(t.autograd.Function):
    """x where x > threshold, else 0. The gradient for x is the true one; for the threshold,
    a straight-through estimate over a window of width `bandwidth`."""

    @staticmethod
    def forward(ctx: Any, x: Float[Tensor, "batch inst d_sae"], threshold: Float[Tensor, "inst d_sae"],
                bandwidth: float) -> Float[Tensor, "batch inst d_sae"]:
        """Save x and threshold (ctx.save_for_backward) and the bandwidth (on ctx);
        return x * (x > threshold)."""
        ctx.save_for_backward(x, threshold)
        ctx.bandwidth = bandwidth
        return x * (x > threshold).to(x.dtype)

    @staticmethod
    def backward(ctx: Any, grad_output: Float[Tensor, "batch inst d_sae"]) -> tuple[
            Float[Tensor, "batch inst d_sae"], Float[Tensor, "inst d_sae"], None]:
        """x: grad_output where x > threshold, else 0. threshold:
        -(threshold / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output,
        summed over the batch dim. bandwidth: None."""
        x, threshold = ctx.saved_tensors
        bandwidth = ctx.bandwidth
        x_grad = (x > threshold).to(x.dtype) * grad_output
        threshold_grad = -(threshold / bandwidth) * rectangle((x - threshold) / bandwidth) * grad_output
        return x_grad, threshold_grad.sum(dim=0), None
