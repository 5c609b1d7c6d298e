"""Cases for forward_and_back: the hand-checked example, shapes of the three gradients,
random inputs against torch.autograd, and a c with one value per element."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _check(got, expected, what):
    if not isinstance(got, np.ndarray):
        fail(f"{what} is {describe(got)}, expected a numpy array of shape "
             f"{np.shape(expected)}", kind="type")
    assert_tensor_close(torch.tensor(np.asarray(got, dtype=np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=what, atol=1e-6, rtol=1e-5)


def _run(room, a, b, c, label):
    got = call(room.forward_and_back, a, b, c)
    if not isinstance(got, tuple) or len(got) != 3:
        fail(f"forward_and_back({label}) returned {describe(got)}, expected a tuple of 3 "
             "arrays (dg_da, dg_db, dg_dc)", kind="type")
    return got


def _torch_grads(a, b, c):
    ts = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (a, b, c)]
    at, bt, ct = ts
    torch.log(at * bt * torch.log(ct)).sum().backward()
    return [t.grad.numpy() for t in ts]


def _compare(room, a, b, c, label):
    got = _run(room, a, b, c, label)
    for name, g, e in zip(["dg_da", "dg_db", "dg_dc"], got, _torch_grads(a, b, c)):
        _check(g, e, f"{name} from forward_and_back({label})")


def test_hand_checked_example(room):
    """a = [1, 2, 3], b = [2, 3, 1], c = [10]: [1, 1/2, 1/3], [1/2, 1/3, 1], [0.13028834]."""
    a, b, c = np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 1.0]), np.array([10.0])
    label = "a=[1, 2, 3], b=[2, 3, 1], c=[10]"
    dg_da, dg_db, dg_dc = _run(room, a, b, c, label)
    _check(dg_da, np.array([1.0, 1 / 2, 1 / 3]), f"dg_da from forward_and_back({label})")
    _check(dg_db, np.array([1 / 2, 1 / 3, 1.0]), f"dg_db from forward_and_back({label})")
    _check(dg_dc, np.array([0.13028834]), f"dg_dc from forward_and_back({label})")


def test_dg_dc_sums_over_elements(room):
    """c of shape (1,) feeds all 4 elements of g: dg_dc = 4 / (c log c), shape (1,)."""
    a, b, c = np.full(4, 2.0), np.full(4, 0.5), np.array([np.e])
    _, _, dg_dc = _run(room, a, b, c, "a=[2]*4, b=[0.5]*4, c=[e]")
    _check(dg_dc, np.array([4 / np.e]), "dg_dc from forward_and_back(a=[2]*4, b=[0.5]*4, c=[e])")


def test_random_against_torch(room):
    """Random positive a, b of shape (5,), c of shape (1,), against torch.autograd."""
    rng = np.random.default_rng(0)
    a, b = rng.uniform(0.5, 3.0, size=5), rng.uniform(0.5, 3.0, size=5)
    c = rng.uniform(1.5, 6.0, size=1)
    _compare(room, a, b, c, "random a (5,), b (5,), c (1,)")


def test_c_with_one_value_per_element(room):
    """c of shape (4,): each element of g depends on its own c, against torch.autograd."""
    rng = np.random.default_rng(1)
    a, b = rng.uniform(0.5, 3.0, size=4), rng.uniform(0.5, 3.0, size=4)
    c = rng.uniform(1.5, 6.0, size=4)
    _compare(room, a, b, c, "random a, b, c of shape (4,)")
