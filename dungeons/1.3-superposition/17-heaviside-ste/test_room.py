"""Cases for Heaviside: the forward step (strict, dtype), the threshold's STE gradient by
hand and against the formula on random data (weighted by grad_output, summed over the
batch), no gradient for x, and a threshold trained by it."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail, note
from toy_base import rectangle


def _apply(room, x, theta, eps):
    out = call(room.Heaviside.apply, x, theta, eps)
    if not isinstance(out, torch.Tensor):
        fail(f"Heaviside.apply returned {describe(out)}, expected a tensor", kind="type")
    return out


def test_forward_is_a_strict_step(room):
    """x = 0.1, 0.2, 0.3 against thresholds 0.2: [0, 0, 1] (strictly greater), float."""
    x = torch.tensor([[[0.1]], [[0.2]], [[0.3]]])
    out = _apply(room, x, torch.tensor([[0.2]]), 0.1)
    assert_tensor_close(out, torch.tensor([[[0.0]], [[0.0]], [[1.0]]]), dims="batch inst d_sae",
                        call="Heaviside.apply(x = 0.1, 0.2, 0.3; threshold 0.2)")
    x = torch.rand(4, 2, 3, dtype=torch.float64)
    out = _apply(room, x, torch.full((2, 3), 0.5, dtype=torch.float64), 0.1)
    if out.dtype != torch.float64:
        fail(f"on float64 inputs Heaviside returned {out.dtype}, expected x's dtype", kind="dtype")


def test_threshold_gradient_by_hand(room):
    """threshold 0.2, bandwidth 0.1, x = 0.16, 0.2, 0.3, 0.249: three in the window, gradient -30."""
    theta = torch.tensor([[0.2]], requires_grad=True)
    x = torch.tensor([0.16, 0.2, 0.3, 0.249]).reshape(4, 1, 1)
    _apply(room, x, theta, 0.1).sum().backward()
    if theta.grad is None:
        fail("after Heaviside.apply(x, threshold, 0.1).sum().backward(), threshold.grad is None",
             kind="value", details="backward returns (grad for x, grad for threshold, grad for bandwidth).")
    assert_tensor_close(theta.grad, torch.tensor([[-30.0]]), call="threshold.grad (3 inputs in the window, x (1/0.1))")


def test_threshold_gradient_shape_and_weights(room):
    """Random x (16, 3, 5), thresholds (3, 5), a weighted loss: the gradient equals the formula, summed over batch."""
    torch.manual_seed(fresh_seed(0))
    x = torch.rand(16, 3, 5)
    theta = (torch.rand(3, 5) * 0.8 + 0.1).requires_grad_(True)
    weights = torch.randn(16, 3, 5)
    (_apply(room, x, theta, 0.2) * weights).sum().backward()
    expected = (-(1 / 0.2) * rectangle((x - theta.detach()) / 0.2) * weights).sum(0)
    if theta.grad is None:
        fail("threshold.grad is None after backward", kind="value")
    assert_tensor_close(theta.grad, expected, dims="inst d_sae", atol=1e-5,
                        call="threshold.grad after (Heaviside.apply(x, threshold, 0.2) * w).sum().backward()")


def test_no_gradient_for_x(room):
    """x gets no gradient through the step (the L0 penalty must not move the pre-activations)."""
    x = torch.rand(5, 2, 3, requires_grad=True)
    theta = torch.full((2, 3), 0.5, requires_grad=True)
    _apply(room, x, theta, 0.5).sum().backward()
    if x.grad is not None and x.grad.abs().max() > 0:
        fail("Heaviside gave x a gradient", kind="value", details="Return None for x in backward.")


def test_threshold_learns(room):
    """Gradient descent on (mean of H - 0.25)^2 moves a threshold until a quarter of U(0, 1) inputs pass."""
    torch.manual_seed(fresh_seed(1))
    theta = torch.tensor([[0.3]], requires_grad=True)
    for _ in range(200):
        x = torch.rand(512, 1, 1)
        frac = _apply(room, x, theta, 0.1).mean()
        theta.grad = None
        ((frac - 0.25) ** 2).backward()
        if theta.grad is None:
            fail("threshold.grad is None after backward", kind="value")
        with torch.no_grad():
            theta -= 0.5 * theta.grad
    note(f"learned threshold {theta.item():.3f} (a quarter of U(0, 1) lies above 0.75)")
    if abs(theta.item() - 0.75) > 0.08:
        fail(f"200 steps of gradient descent through your STE moved the threshold to {theta.item():.3f}, "
             "expected about 0.75", kind="value")
