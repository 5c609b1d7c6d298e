"""Cases for matmul2d_back0/1: hand-checked, non-square and square shapes vs torch, the framework."""

import numpy as np
import torch

from arena_dungeon.testing import call, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _back(room, name):
    fn = getattr(room, name, None)
    if fn is None:
        fail(f"no function `{name}` in your file: write both backward functions", kind="type")
    return fn


def _check(room, n, k, m, seed):
    rng = np.random.default_rng(seed)
    x, y, grad_out = rng.normal(size=(n, k)), rng.normal(size=(k, m)), rng.normal(size=(n, m))
    gx, gy = ref.torch_grads(torch.matmul, [x, y], grad_out)
    label = f"grad_out ({n}, {m}), out, x ({n}, {k}), y ({k}, {m})"
    got0 = call(_back(room, "matmul2d_back0"), grad_out, x @ y, x, y)
    ref.check_array(got0, gx, call=f"matmul2d_back0({label})", dims="n k")
    got1 = call(_back(room, "matmul2d_back1"), grad_out, x @ y, x, y)
    ref.check_array(got1, gy, call=f"matmul2d_back1({label})", dims="k m")


def test_hand_checked_row_times_column(room):
    """x [[1, 2]] @ y [[3], [4]] with grad_out [[1]]: dx = [[3, 4]], dy = [[1], [2]]."""
    x, y = np.array([[1.0, 2.0]]), np.array([[3.0], [4.0]])
    got0 = call(_back(room, "matmul2d_back0"), np.ones((1, 1)), x @ y, x, y)
    ref.check_array(got0, [[3.0, 4.0]], call="matmul2d_back0([[1]], out, [[1, 2]], [[3], [4]])")
    got1 = call(_back(room, "matmul2d_back1"), np.ones((1, 1)), x @ y, x, y)
    ref.check_array(got1, [[1.0], [2.0]], call="matmul2d_back1([[1]], out, [[1, 2]], [[3], [4]])")


def test_arange_matrices_exact(room):
    """x = arange(6) as (2, 3), y = arange(12) as (3, 4), grad_out = arange(8) as (2, 4)."""
    x, y = np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4)
    grad_out = np.arange(8.0).reshape(2, 4)
    gx, gy = ref.torch_grads(torch.matmul, [x, y], grad_out)
    got0 = call(_back(room, "matmul2d_back0"), grad_out, x @ y, x, y)
    ref.check_array(got0, gx, call="matmul2d_back0(arange (2, 4), out, arange (2, 3), arange (3, 4))")
    got1 = call(_back(room, "matmul2d_back1"), grad_out, x @ y, x, y)
    ref.check_array(got1, gy, call="matmul2d_back1(arange (2, 4), out, arange (2, 3), arange (3, 4))")


def test_random_non_square_vs_torch(room):
    """x (5, 3) @ y (3, 7) with a random grad_out, against torch.autograd."""
    _check(room, 5, 3, 7, 11)


def test_random_square_vs_torch(room):
    """x (4, 4) @ y (4, 4): shapes can't catch a missing transpose here, only values can."""
    _check(room, 4, 4, 4, 12)


def test_linear_layer_in_the_framework(room):
    """Registered for _matmul2d: (x @ w.T).sum() gives w.grad = column sums of x."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(fw._matmul2d, 0, _back(room, "matmul2d_back0"))
    fw.BACK_FUNCS.add_back_func(fw._matmul2d, 1, _back(room, "matmul2d_back1"))
    xv = np.arange(6.0).reshape(3, 2)
    wv = np.array([[1.0, -1.0], [2.0, 0.5], [0.0, 3.0], [-2.0, 1.0]])
    x, w = fw.Tensor(xv, requires_grad=True), fw.Tensor(wv, requires_grad=True)
    (x @ w.T).sum().backward()
    gx, gw = ref.torch_grads(lambda a, b: a @ b.T, [xv, wv], np.ones((3, 4)))
    ref.check_grad(x, gx, name="x", where="(x @ w.T).sum()")
    ref.check_grad(w, gw, name="w", where="(x @ w.T).sum()")
