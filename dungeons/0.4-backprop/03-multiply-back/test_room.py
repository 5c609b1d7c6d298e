"""Cases for multiply_back0 / multiply_back1: the hand-checked broadcast example, both
directions of broadcasting, zeros in the inputs, float arguments, and random shapes against
torch.autograd."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _check(got, expected, what):
    if not isinstance(got, np.ndarray):
        fail(f"{what} returned {describe(got)}, expected a numpy array of shape "
             f"{np.shape(expected)}", kind="type")
    assert_tensor_close(torch.tensor(np.asarray(got, dtype=np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=what, atol=1e-6, rtol=1e-6)


def _torch_grads(x, y, grad_out):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y, dtype=torch.float64, requires_grad=True)
    (xt * yt).backward(torch.tensor(grad_out, dtype=torch.float64))
    return xt.grad.numpy(), yt.grad.numpy()


def _both(room, x, y, grad_out, label):
    out = x * y
    dx, dy = _torch_grads(x, y, grad_out)
    _check(call(room.multiply_back0, grad_out, out, x, y), dx,
           f"multiply_back0(grad_out, out, x, y) with {label}")
    _check(call(room.multiply_back1, grad_out, out, x, y), dy,
           f"multiply_back1(grad_out, out, x, y) with {label}")


def test_same_shapes(room):
    """x, y of shape (3,): dL/dx = y * grad_out, dL/dy = x * grad_out."""
    x, y = np.array([1.0, 2.0, 3.0]), np.array([4.0, -5.0, 6.0])
    g = np.array([1.0, 2.0, 0.5])
    _check(call(room.multiply_back0, g, x * y, x, y), np.array([4.0, -10.0, 3.0]),
           "multiply_back0(grad_out=[1, 2, 0.5], out, x=[1, 2, 3], y=[4, -5, 6])")
    _check(call(room.multiply_back1, g, x * y, x, y), np.array([1.0, 4.0, 1.5]),
           "multiply_back1(grad_out=[1, 2, 0.5], out, x=[1, 2, 3], y=[4, -5, 6])")


def test_hand_checked_broadcast(room):
    """x (3,) times y (2, 1), grad_out ones (2, 3): [11, 11, 11] and [[6], [6]]."""
    x, y = np.array([1.0, 2.0, 3.0]), np.array([[1.0], [10.0]])
    g = np.ones((2, 3))
    _check(call(room.multiply_back0, g, x * y, x, y), np.array([11.0, 11.0, 11.0]),
           "multiply_back0(ones (2, 3), out, x=[1, 2, 3], y=[[1], [10]])")
    _check(call(room.multiply_back1, g, x * y, x, y), np.array([[6.0], [6.0]]),
           "multiply_back1(ones (2, 3), out, x=[1, 2, 3], y=[[1], [10]])")


def test_size_one_argument(room):
    """x (1,) times y (4,): dL/dx sums all four products, shape (1,)."""
    _both(room, np.array([2.0]), np.array([1.0, 2.0, 3.0, 4.0]),
          np.array([1.0, -1.0, 2.0, 0.5]), "x of shape (1,), y of shape (4,)")


def test_zeros_in_the_inputs(room):
    """x = [0, 2], y = [3, 0]: dL/dx = y * grad_out = [3, 0], dL/dy = x * grad_out = [0, 2]
    (recovering y as out / x divides by zero here: use the other input itself)."""
    x, y, g = np.array([0.0, 2.0]), np.array([3.0, 0.0]), np.array([1.0, 1.0])
    with np.errstate(divide="ignore", invalid="ignore"):
        got0 = call(room.multiply_back0, g, x * y, x, y)
        got1 = call(room.multiply_back1, g, x * y, x, y)
    _check(got0, np.array([3.0, 0.0]), "multiply_back0(ones, out, x=[0, 2], y=[3, 0])")
    _check(got1, np.array([0.0, 2.0]), "multiply_back1(ones, out, x=[0, 2], y=[3, 0])")


def test_float_arguments(room):
    """The other argument may be a plain float: x * 3.0 and 3.0 * y."""
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    g = np.array([[1.0, 0.0], [2.0, -1.0]])
    _check(call(room.multiply_back0, g, x * 3.0, x, 3.0), 3.0 * g,
           "multiply_back0(grad_out, out, x (2, 2), y=3.0)")
    _check(call(room.multiply_back1, g, 3.0 * x, 3.0, x), 3.0 * g,
           "multiply_back1(grad_out, out, x=3.0, y (2, 2))")


def test_random_shapes_against_torch(room):
    """Random values with (4, 1, 3) times (2, 1), and (5,) times (3, 5), against torch.autograd."""
    rng = np.random.default_rng(0)
    for xs, ys in [((4, 1, 3), (2, 1)), ((5,), (3, 5)), ((2, 3), (2, 3))]:
        x, y = rng.normal(size=xs), rng.normal(size=ys)
        g = rng.normal(size=np.broadcast_shapes(xs, ys))
        _both(room, x, y, g, f"x of shape {xs}, y of shape {ys}")
