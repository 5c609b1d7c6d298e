"""Cases for JumpReLU: the forward pass, the x gradient (true, masked), the threshold's STE
gradient by hand and against the formula (weighted, summed over the batch), dtypes."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail
from toy_base import rectangle


def _apply(x, theta, eps, room):
    out = call(room.JumpReLU.apply, x, theta, eps)
    if not isinstance(out, torch.Tensor):
        fail(f"JumpReLU.apply returned {describe(out)}, expected a tensor", kind="type")
    return out


def test_forward_values(room):
    """x = -0.5, 0.1, 0.2, 0.3 against threshold 0.2: [0, 0, 0, 0.3]."""
    x = torch.tensor([-0.5, 0.1, 0.2, 0.3]).reshape(4, 1, 1)
    out = _apply(x, torch.tensor([[0.2]]), 0.1, room)
    assert_tensor_close(out, torch.tensor([0.0, 0.0, 0.0, 0.3]).reshape(4, 1, 1), dims="batch inst d_sae",
                        call="JumpReLU.apply(x = -0.5, 0.1, 0.2, 0.3; threshold 0.2)")
    x64 = torch.rand(3, 2, 2, dtype=torch.float64)
    if _apply(x64, torch.full((2, 2), 0.5, dtype=torch.float64), 0.1, room).dtype != torch.float64:
        fail("on float64 inputs JumpReLU returned another dtype", kind="dtype")


def test_threshold_gradient_by_hand(room):
    """threshold 0.2, bandwidth 0.1, x = 0.16, 0.2, 0.3, 0.249, loss out.sum(): threshold.grad = -6."""
    theta = torch.tensor([[0.2]], requires_grad=True)
    x = torch.tensor([0.16, 0.2, 0.3, 0.249]).reshape(4, 1, 1)
    _apply(x, theta, 0.1, room).sum().backward()
    if theta.grad is None:
        fail("threshold.grad is None after backward", kind="value",
             details="backward returns (grad for x, grad for threshold, None).")
    assert_tensor_close(theta.grad, torch.tensor([[-6.0]]),
                        call="threshold.grad (3 inputs in the window, x -(0.2 / 0.1))")


def test_x_gradient_is_masked(room):
    """x.grad is grad_output where x > threshold and 0 elsewhere."""
    torch.manual_seed(fresh_seed(0))
    x = torch.rand(6, 2, 3, requires_grad=True)
    theta = torch.full((2, 3), 0.5)
    w = torch.randn(6, 2, 3)
    (_apply(x, theta, 0.1, room) * w).sum().backward()
    if x.grad is None:
        fail("x.grad is None after backward: JumpReLU must pass gradients to x", kind="value")
    assert_tensor_close(x.grad, w * (x.detach() > 0.5), dims="batch inst d_sae",
                        call="x.grad after (JumpReLU.apply(x, 0.5, 0.1) * w).sum().backward()")


def test_threshold_gradient_vs_formula(room):
    """Random x (20, 3, 4), thresholds (3, 4), weights: the formula summed over the batch."""
    torch.manual_seed(fresh_seed(1))
    x = torch.rand(20, 3, 4)
    theta = (torch.rand(3, 4) * 0.6 + 0.2).requires_grad_(True)
    w = torch.randn(20, 3, 4)
    (_apply(x, theta, 0.15, room) * w).sum().backward()
    th = theta.detach()
    expected = (-(th / 0.15) * rectangle((x - th) / 0.15) * w).sum(0)
    if theta.grad is None:
        fail("threshold.grad is None after backward", kind="value")
    assert_tensor_close(theta.grad, expected, dims="inst d_sae", atol=1e-5,
                        call="threshold.grad after (JumpReLU.apply(x, threshold, 0.15) * w).sum().backward()")
