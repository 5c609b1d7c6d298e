"""Cases for reshape_back: flatten undone, a -1 size, a 3-D case vs torch.autograd, the framework."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def test_flat_gradient_goes_back_to_2d(room):
    """x (2, 3) reshaped to (6,): grad_out [0..5] becomes [[0, 1, 2], [3, 4, 5]]."""
    x = np.zeros((2, 3))
    grad_out = np.arange(6.0)
    got = call(room.reshape_back, grad_out, grad_out.copy(), x, (6,))
    ref.check_array(got, [[0.0, 1, 2], [3, 4, 5]], call="reshape_back(arange(6), out, x (2, 3), (6,))",
                    dims="2 3")


def test_shape_with_minus_one(room):
    """x (6,) reshaped to (3, -1): the gradient comes back as (6,)."""
    x = np.linspace(-1, 1, 6)
    grad_out = np.arange(6.0).reshape(3, 2) * 10
    got = call(room.reshape_back, grad_out, x.reshape(3, -1), x, (3, -1))
    ref.check_array(got, np.arange(6.0) * 10, call="reshape_back(grad_out (3, 2), out, x (6,), (3, -1))")


def test_3d_to_2d_matches_torch_autograd(room):
    """x (2, 3, 4) reshaped to (4, 6) with a random grad_out, against torch.autograd."""
    rng = np.random.default_rng(2)
    x, grad_out = rng.normal(size=(2, 3, 4)), rng.normal(size=(4, 6))
    (expected,) = ref.torch_grads(lambda t: t.reshape(4, 6), [x], grad_out)
    got = call(room.reshape_back, grad_out, x.reshape(4, 6), x, (4, 6))
    ref.check_array(got, expected, call="reshape_back(grad_out (4, 6), out, x (2, 3, 4), (4, 6))",
                    dims="2 3 4")


def test_reshape_in_the_framework(room):
    """Registered for np.reshape, a.reshape((3, 2)) * w backpropagates w to a's (6,) shape."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(np.reshape, 0, room.reshape_back)
    a = fw.Tensor(np.arange(6.0), requires_grad=True)
    w = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    (a.reshape((3, 2)) * fw.Tensor(w)).sum().backward()
    ref.check_grad(a, w.reshape(6), name="a", where="(a.reshape((3, 2)) * w).sum()")
