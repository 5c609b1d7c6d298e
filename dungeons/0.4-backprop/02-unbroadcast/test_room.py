"""Cases for unbroadcast: ARENA's shape examples, a random gradient against torch.autograd,
no broadcast at all, and axis positions (not sizes)."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _check(got, expected, what):
    if not isinstance(got, np.ndarray):
        fail(f"{what} returned {describe(got)}, expected a numpy array of shape "
             f"{expected.shape}", kind="type")
    assert_tensor_close(torch.tensor(np.asarray(got, dtype=np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=what, atol=1e-6, rtol=1e-6)


def _torch_unbroadcast(grad, orig_shape):
    """The gradient torch.autograd gives the original of a broadcast_to."""
    o = torch.zeros(orig_shape, dtype=torch.float64, requires_grad=True)
    torch.broadcast_to(o, grad.shape).backward(torch.tensor(grad, dtype=torch.float64))
    return o.grad.numpy()


def _case(room, big_shape, orig_shape, value):
    original = np.ones(orig_shape)
    got = call(room.unbroadcast, np.ones(big_shape), original)
    _check(got, np.full(orig_shape, float(value)),
           f"unbroadcast(np.ones({big_shape}), original of shape {orig_shape})")


def test_prepended_and_stretched_dims(room):
    """(2, 1, 3) broadcast to (5, 1, 2, 4, 3): each value is 5 * 4 = 20."""
    _case(room, (5, 1, 2, 4, 3), (2, 1, 3), 20)


def test_only_prepended_dims(room):
    """(2, 1, 3) broadcast to (5, 1, 2, 1, 3): only the leading 5 and 1 are summed, 5."""
    _case(room, (5, 1, 2, 1, 3), (2, 1, 3), 5)


def test_only_stretched_dim(room):
    """(2, 1, 3) broadcast to (2, 4, 3): the middle axis is summed and kept, 4."""
    _case(room, (2, 4, 3), (2, 1, 3), 4)


def test_axis_positions_not_sizes(room):
    """(1, 1, 3) broadcast to (2, 4, 3): axes 0 and 1 are summed, 8 (not the axis numbered 1 twice)."""
    _case(room, (2, 4, 3), (1, 1, 3), 8)


def test_no_broadcast_is_identity(room):
    """Same shapes: the gradient comes back unchanged."""
    rng = np.random.default_rng(1)
    grad = rng.normal(size=(3, 4))
    got = call(room.unbroadcast, grad, np.zeros((3, 4)))
    _check(got, grad, "unbroadcast(grad of shape (3, 4), original of shape (3, 4))")


def test_random_gradient_against_torch(room):
    """Random values, (3, 1, 5) stretched and prepended to (2, 3, 4, 5), against torch.autograd."""
    rng = np.random.default_rng(0)
    for big, orig in [((2, 3, 4, 5), (3, 1, 5)), ((4, 6), (6,)), ((3, 2, 2), (3, 1, 1)),
                      ((2, 5), (1, 1))]:
        grad = rng.normal(size=big)
        got = call(room.unbroadcast, grad, rng.normal(size=orig))
        _check(got, _torch_unbroadcast(grad, orig),
               f"unbroadcast(random grad of shape {big}, original of shape {orig})")
