"""Cases for log_back: the hand-checked example, a random batch against torch.autograd,
grad_out really being used, and a 2-D input."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _check(got, expected, what, dims=None):
    if not isinstance(got, np.ndarray):
        fail(f"{what} returned {describe(got)}, expected a numpy array of shape "
             f"{expected.shape}", kind="type")
    assert_tensor_close(torch.tensor(got.astype(np.float64)), torch.tensor(expected),
                        call=what, dims=dims, atol=1e-6, rtol=1e-5)


def _torch_grad(x, grad_out):
    """dL/dx from torch.autograd, for out = log(x) and dL/d(out) = grad_out."""
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    torch.log(xt).backward(torch.tensor(grad_out, dtype=torch.float64))
    return xt.grad.numpy()


def test_hand_checked_example(room):
    """x = [1, e, e^e], grad_out = 2: [2, 2/e, 2/e^e]."""
    x = np.array([1.0, np.e, np.e ** np.e])
    grad_out = np.full(3, 2.0)
    got = call(room.log_back, grad_out, np.log(x), x)
    _check(got, np.array([2.0, 2 / np.e, 2 / np.e ** np.e]),
           "log_back(grad_out=[2, 2, 2], out, x=[1, e, e^e])")


def test_grad_out_of_ones_gives_one_over_x(room):
    """With grad_out = 1 the answer is the derivative itself, 1/x."""
    x = np.array([0.5, 2.0, 4.0, 10.0])
    got = call(room.log_back, np.ones(4), np.log(x), x)
    _check(got, 1 / x, "log_back(ones, log(x), x=[0.5, 2, 4, 10])")


def test_random_matrix_against_torch(room):
    """A (4, 5) input and random grad_out, against torch.autograd."""
    rng = np.random.default_rng(0)
    x = rng.uniform(0.2, 5.0, size=(4, 5))
    grad_out = rng.normal(size=(4, 5))
    got = call(room.log_back, grad_out, np.log(x), x)
    _check(got, _torch_grad(x, grad_out), "log_back(grad_out, log(x), x) on (4, 5)",
           dims="4 5")


def test_scales_with_grad_out(room):
    """Doubling grad_out doubles the answer: the incoming gradient must be multiplied in."""
    x = np.array([[1.0, 3.0], [0.25, 8.0]])
    grad_out = np.array([[1.0, -2.0], [0.5, 3.0]])
    got = call(room.log_back, grad_out, np.log(x), x)
    _check(got, grad_out / x, "log_back(grad_out=[[1, -2], [0.5, 3]], log(x), "
           "x=[[1, 3], [0.25, 8]])", dims="2 2")
