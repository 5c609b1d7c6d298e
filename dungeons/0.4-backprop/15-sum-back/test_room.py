"""Cases for sum_back: every dim/keepdim combination against torch.autograd, and chained sums."""

import numpy as np

from arena_dungeon.testing import call, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _check(room, shape, dim, keepdim, seed, label):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape)
    out = np.sum(x, axis=dim, keepdims=keepdim)
    grad_out = rng.normal(size=np.shape(out))
    (expected,) = ref.torch_grads(
        lambda t: t.sum() if dim is None else t.sum(dim=dim, keepdim=keepdim), [x], grad_out)
    got = call(room.sum_back, grad_out, out, x, dim, keepdim)
    ref.check_array(got, expected, call=f"sum_back(grad_out {np.shape(out)}, out, x {shape}, "
                                        f"dim={dim}, keepdim={keepdim}){label}")


def test_hand_checked_rows(room):
    """x (2, 3), dim=1: grad_out [10, 20] is copied along each row."""
    x = np.ones((2, 3))
    got = call(room.sum_back, np.array([10.0, 20.0]), x.sum(axis=1), x, 1, False)
    ref.check_array(got, [[10.0, 10, 10], [20, 20, 20]],
                    call="sum_back([10, 20], out, x (2, 3), dim=1, keepdim=False)", dims="2 3")


def test_dim_none_scalar_grad(room):
    """dim=None: a 0-d grad_out of 2.0 becomes 2.0 everywhere in x's shape (2, 3)."""
    x = np.ones((2, 3))
    got = call(room.sum_back, np.array(2.0), np.array(6.0), x, None, False)
    ref.check_array(got, np.full((2, 3), 2.0), call="sum_back(array(2.0), out, x (2, 3), dim=None)",
                    dims="2 3")


def test_last_dim_of_square_input(room):
    """x (3, 3), dim=-1: on a square input a missing expand_dims copies along the wrong axis."""
    _check(room, (3, 3), -1, False, 5, "")


def test_keepdim_true(room):
    """x (2, 3), dim=0, keepdim=True: grad_out (1, 3) is only broadcast."""
    _check(room, (2, 3), 0, True, 6, "")


def test_tuple_of_dims(room):
    """x (2, 3, 4), dim=(0, 2): grad_out (3,) goes back along two axes."""
    _check(room, (2, 3, 4), (0, 2), False, 7, "")


def test_chained_sums_in_the_framework(room):
    """Registered for _sum: (a.sum(dim=0) * w).sum() gives every row of a the gradient w."""
    fw = ref.fresh()
    fw.BACK_FUNCS.add_back_func(fw._sum, 0, room.sum_back)
    a = fw.Tensor(np.ones((4, 3)), requires_grad=True)
    w = np.array([1.0, -2.0, 3.0])
    (a.sum(dim=0) * fw.Tensor(w)).sum().backward()
    ref.check_grad(a, np.tile(w, (4, 1)), name="a", where="(a.sum(dim=0) * w).sum()")
