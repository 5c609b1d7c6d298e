"""Cases for opt_fn_with_sgd: shape and start row, a hand-checked constant slope, copies
(not views) of each iterate, and a comparison with a plain SGD loop on a bowl."""

import torch

from arena_dungeon.testing import assert_shape, assert_tensor_close, fail, load_asset_module, show_picture

ref = load_asset_module(__file__, "reference")


def _run(room, fn, start, **kwargs):
    xy = torch.tensor(start, requires_grad=True)
    got = room.opt_fn_with_sgd(fn, xy, **kwargs)
    return got, xy


def _oracle(fn, start, lr, momentum, n_iters):
    xy = torch.tensor(start, requires_grad=True)
    opt = torch.optim.SGD([xy], lr=lr, momentum=momentum)
    rows = [xy.detach().clone()]
    for _ in range(n_iters):
        opt.zero_grad()
        fn(xy[0], xy[1]).backward()
        opt.step()
        rows.append(xy.detach().clone())
    return torch.stack(rows)


def _not_views(got):
    if isinstance(got, torch.Tensor) and got.dim() == 2 and len(got) > 1 and torch.equal(got[0], got[-1]):
        fail("every row of the result is the same point: you stored views of `xy`, which the "
             "optimizer then moved; store `xy.detach().clone()` at each step", kind="value")


def _slope(x, y):
    return x + 2 * y


def test_shape_and_starting_row(room):
    """n_iters=5 gives 6 rows; row 0 is the starting point."""
    got, _ = _run(room, _slope, [3.0, -1.0], lr=0.1, momentum=0.0, n_iters=5)
    assert_shape(got, (6, 2), call="opt_fn_with_sgd(fn, xy, n_iters=5)", dims="n_iters+1 2")
    _not_views(got)
    assert_tensor_close(got[0], torch.tensor([3.0, -1.0]),
                        call="row 0 of opt_fn_with_sgd(...) (should be the start)")


def test_constant_slope_hand_checked(room):
    """fn = x + 2y has gradient (1, 2): with lr=0.1 and no momentum each step moves by (-0.1, -0.2)."""
    got, xy = _run(room, _slope, [3.0, -1.0], lr=0.1, momentum=0.0, n_iters=4)
    k = torch.arange(5.0)[:, None]
    expected = torch.tensor([3.0, -1.0]) - k * torch.tensor([0.1, 0.2])
    assert_tensor_close(got, expected, call="opt_fn_with_sgd(x + 2y, (3, -1), lr=0.1, momentum=0, n_iters=4)",
                        dims="n_iters+1 2")
    assert_tensor_close(xy.detach(), expected[-1], call="xy after the call (the last point)")


def test_momentum_builds_up(room):
    """Momentum 0.5 on the same slope: steps of 1, 1.5, 1.75 times (0.1, 0.2)."""
    got, _ = _run(room, _slope, [0.0, 0.0], lr=0.1, momentum=0.5, n_iters=3)
    expected = torch.tensor([0.0, -1.0, -2.5, -4.25])[:, None] * torch.tensor([0.1, 0.2])
    assert_tensor_close(got, expected, call="opt_fn_with_sgd(x + 2y, (0, 0), lr=0.1, momentum=0.5, n_iters=3)",
                        dims="n_iters+1 2")


def test_rows_are_copies_not_views(room):
    """Each row keeps its own point, and the result carries no gradient history."""
    got, _ = _run(room, _slope, [1.0, 1.0], lr=0.1, momentum=0.0, n_iters=3)
    assert_shape(got, (4, 2), call="opt_fn_with_sgd(..., n_iters=3)", dims="n_iters+1 2")
    _not_views(got)
    if got.requires_grad:
        fail("the result requires grad: record detached copies (`xy.detach().clone()`), not "
             "`xy` itself", kind="value")


def test_matches_sgd_on_a_bowl(room):
    """A bowl 0.5(x-1)^2 + 4(y+2)^2 from (-2.5, 2), lr=0.02, momentum=0.9, 60 steps, against SGD."""
    kwargs = dict(lr=0.02, momentum=0.9, n_iters=60)
    got, _ = _run(room, ref.bowl, [-2.5, 2.0], **kwargs)
    expected = _oracle(ref.bowl, [-2.5, 2.0], **kwargs)
    assert_tensor_close(got, expected, call="opt_fn_with_sgd(bowl, (-2.5, 2), lr=0.02, momentum=0.9, n_iters=60)",
                        dims="n_iters+1 2", atol=1e-5)


def test_pathological_curvature_picture(room):
    """The default momentum 0.98 against no momentum on the pathological-curvature loss."""
    fn = ref.pathological_curve_loss
    paths = []
    for momentum in (0.0, 0.98):
        got, _ = _run(room, fn, [2.5, 2.5], lr=0.02, momentum=momentum, n_iters=100)
        expected = _oracle(fn, [2.5, 2.5], lr=0.02, momentum=momentum, n_iters=100)
        assert_tensor_close(got, expected, atol=1e-4,
                            call=f"opt_fn_with_sgd(pathological_curve_loss, (2.5, 2.5), lr=0.02, momentum={momentum})")
        paths.append(got)
    show_picture(ref.trajectory_picture(fn, paths, (-2.7, 2.7), (-5.2, 3.0), size=64),
                 "tanh(x)^2 + 0.01|x| + sigmoid(y) from (2.5, 2.5): red = no momentum (it barely leaves the start), "
                 "green = momentum 0.98 (100 steps, lr 0.02)")
