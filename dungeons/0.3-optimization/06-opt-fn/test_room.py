"""Cases for opt_fn: the hyperparameters reach the optimizer, a home-made optimizer class
works, and SGD, RMSprop and Adam paths on Rosenbrock's banana match a plain loop."""

import torch

from arena_dungeon.testing import assert_shape, assert_tensor_close, fail, load_asset_module, show_picture

ref = load_asset_module(__file__, "reference")
START = [-1.5, 2.5]


def _oracle(fn, start, cls, hyper, n_iters):
    xy = torch.tensor(start, requires_grad=True)
    opt = cls([xy], **hyper)
    rows = [xy.detach().clone()]
    for _ in range(n_iters):
        opt.zero_grad()
        fn(xy[0], xy[1]).backward()
        opt.step()
        rows.append(xy.detach().clone())
    return torch.stack(rows)


def _run(room, fn, start, cls, hyper, n_iters):
    xy = torch.tensor(start, requires_grad=True)
    return room.opt_fn(fn, xy, cls, dict(hyper), n_iters=n_iters)


class SignDescent:
    """A home-made optimizer: p -= lr * sign(grad). Only takes `params` and `lr`."""

    instances: list = []

    def __init__(self, params, lr):
        self.params, self.lr = list(params), lr
        SignDescent.instances.append(self)

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for p in self.params:
            p -= self.lr * p.grad.sign()


def test_shape_and_start(room):
    """n_iters=3 with SGD(lr=0.01): 4 rows, row 0 is the start."""
    got = _run(room, ref.bowl, [0.0, 0.0], torch.optim.SGD, {"lr": 0.01}, 3)
    assert_shape(got, (4, 2), call="opt_fn(bowl, xy, SGD, {'lr': 0.01}, n_iters=3)", dims="n_iters+1 2")
    assert_tensor_close(got[0], torch.tensor([0.0, 0.0]), call="row 0 of opt_fn(...) (the start)")


def test_home_made_optimizer_class(room):
    """A class written here (sign descent, lr=0.25) on the bowl: each step moves each coordinate by 0.25."""
    SignDescent.instances.clear()
    got = _run(room, ref.bowl, [0.0, 0.0], SignDescent, {"lr": 0.25}, 3)
    if len(SignDescent.instances) != 1:
        fail(f"opt_fn built {len(SignDescent.instances)} optimizers for one run, expected exactly "
             "one (built before the loop)", kind="value")
    # the bowl's minimum is at (1, -2): x goes up, y goes down
    expected = torch.tensor([[0.0, 0.0], [0.25, -0.25], [0.5, -0.5], [0.75, -0.75]])
    assert_tensor_close(got, expected, call="opt_fn(bowl, (0, 0), SignDescent, {'lr': 0.25}, n_iters=3)",
                        dims="n_iters+1 2")


def test_hyperparameters_are_passed_on(room):
    """SGD with momentum=0.9 on the bowl: the momentum must reach the optimizer."""
    hyper = {"lr": 0.02, "momentum": 0.9}
    got = _run(room, ref.bowl, [-2.5, 2.0], torch.optim.SGD, hyper, 20)
    assert_tensor_close(got, _oracle(ref.bowl, [-2.5, 2.0], torch.optim.SGD, hyper, 20), atol=1e-5,
                        call="opt_fn(bowl, (-2.5, 2), SGD, {'lr': 0.02, 'momentum': 0.9}, n_iters=20)",
                        dims="n_iters+1 2")


CONFIGS = [(torch.optim.Adam, {"lr": 0.3}),
           (torch.optim.RMSprop, {"lr": 0.01}),
           (torch.optim.SGD, {"lr": 0.001, "momentum": 0.98})]


def test_three_optimizers_on_the_banana(room):
    """Adam, RMSprop and SGD for 100 steps on Rosenbrock's banana from (-1.5, 2.5), against a plain loop."""
    paths = []
    for cls, hyper in CONFIGS:
        got = _run(room, ref.rosenbrocks_banana, START, cls, hyper, 100)
        expected = _oracle(ref.rosenbrocks_banana, START, cls, hyper, 100)
        assert_tensor_close(got, expected, atol=1e-4, rtol=1e-4,
                            call=f"opt_fn(rosenbrocks_banana, (-1.5, 2.5), {cls.__name__}, {hyper})",
                            dims="n_iters+1 2")
        paths.append(got)
    show_picture(ref.trajectory_picture(ref.rosenbrocks_banana, paths, (-2, 2), (-1, 3), size=64,
                                        log_scale=True),
                 "Rosenbrock's banana (minimum at (1, 1)), 100 steps from (-1.5, 2.5): red = "
                 "Adam(lr=0.3), green = RMSprop(lr=0.01), blue = SGD(lr=0.001, momentum=0.98)")
