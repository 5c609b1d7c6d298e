"""Cases for permute_back: a swap, a 3-cycle, negative axes, and Tensor.T in the framework."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _oracle(x, axes, grad_out):

    (g,) = ref.torch_grads(lambda t: t.permute(*axes), [x], grad_out)
    return g


def test_2d_swap(room):
    """x (2, 3), axes (1, 0): grad_out [[0, 1], [2, 3], [4, 5]] comes back as its transpose."""
    x = np.zeros((2, 3))
    grad_out = np.arange(6.0).reshape(3, 2)
    got = call(room.permute_back, grad_out, grad_out.copy(), x, (1, 0))
    ref.check_array(got, [[0.0, 2, 4], [1, 3, 5]], call="permute_back(grad_out (3, 2), out, x (2, 3), (1, 0))",
                    dims="2 3")


def test_3d_cycle(room):
    """x (2, 3, 4), axes (2, 0, 1), grad_out = arange: the inverse of a cycle is not the cycle."""
    x = np.zeros((2, 3, 4))
    grad_out = np.arange(24.0).reshape(4, 2, 3)
    got = call(room.permute_back, grad_out, grad_out.copy(), x, (2, 0, 1))
    ref.check_array(got, _oracle(x, (2, 0, 1), grad_out),
                    call="permute_back(arange (4, 2, 3), out, x (2, 3, 4), (2, 0, 1))", dims="2 3 4")


def test_4d_random_permutation(room):
    """x (2, 3, 4, 5), axes (1, 3, 0, 2), a random grad_out, against torch.autograd."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 3, 4, 5))
    axes = (1, 3, 0, 2)
    grad_out = rng.normal(size=np.transpose(x, axes).shape)
    got = call(room.permute_back, grad_out, np.transpose(x, axes), x, axes)
    ref.check_array(got, _oracle(x, axes, grad_out),
                    call="permute_back(grad_out (3, 5, 2, 4), out, x (2, 3, 4, 5), (1, 3, 0, 2))",
                    dims="2 3 4 5")


def test_negative_axes_3d(room):
    """x (2, 3, 4), axes (0, -1, -2): negative axes count from the end."""
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 3, 4))
    grad_out = rng.normal(size=(2, 4, 3))
    got = call(room.permute_back, grad_out, np.transpose(x, (0, -1, -2)), x, (0, -1, -2))
    ref.check_array(got, _oracle(x, (0, 2, 1), grad_out),
                    call="permute_back(grad_out (2, 4, 3), out, x (2, 3, 4), (0, -1, -2))",
                    dims="2 3 4")


def test_transpose_in_the_framework(room):
    """Registered for np.transpose, (a.T * w).sum() gives a.grad == w.T for a (2, 3) tensor."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(np.transpose, 0, room.permute_back)
    a = fw.Tensor(np.ones((2, 3)), requires_grad=True)
    w = np.arange(6.0).reshape(3, 2)
    (a.T * fw.Tensor(w)).sum().backward()
    ref.check_grad(a, w.T, name="a", where="(a.T * w).sum()")
