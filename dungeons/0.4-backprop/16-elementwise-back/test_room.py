"""Cases for the add/subtract/true_divide backward functions: broadcasting, floats, the framework."""

import operator

import numpy as np

from arena_dungeon.testing import call, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")

OPS = {"add": (np.add, operator.add), "subtract": (np.subtract, operator.sub),
       "true_divide": (np.true_divide, operator.truediv)}


def _back(room, name):
    fn = getattr(room, name, None)
    if fn is None:
        fail(f"no function `{name}` in your file: write all six backward functions",
             kind="type")
    return fn


def _check_op(room, op, x, y, grad_out, label):
    np_fn, py_fn = OPS[op]
    out = np_fn(x, y)
    expected = ref.torch_grads(py_fn, [x, y], grad_out)
    for position, arg in enumerate((x, y)):
        if not isinstance(arg, np.ndarray):
            continue
        name = f"{op}_back{position}"
        got = call(_back(room, name), grad_out, out, x, y)
        ref.check_array(got, expected[position], call=f"{name}({label})")


def test_add_broadcast_hand_checked(room):
    """x (4,) + y (3, 1), grad_out all ones: x gets 3 per element, y gets 4 per element."""
    x, y = np.arange(4.0), np.arange(3.0).reshape(3, 1)
    got0 = call(_back(room, "add_back0"), np.ones((3, 4)), x + y, x, y)
    ref.check_array(got0, [3.0, 3, 3, 3], call="add_back0(ones (3, 4), out, x (4,), y (3, 1))")
    got1 = call(_back(room, "add_back1"), np.ones((3, 4)), x + y, x, y)
    ref.check_array(got1, [[4.0], [4], [4]], call="add_back1(ones (3, 4), out, x (4,), y (3, 1))")


def test_subtract_broadcast_hand_checked(room):
    """x (4,) - y (3, 1), grad_out all ones: x gets 3 per element, y gets -4."""
    x, y = np.arange(4.0), np.arange(3.0).reshape(3, 1)
    got0 = call(_back(room, "subtract_back0"), np.ones((3, 4)), x - y, x, y)
    ref.check_array(got0, [3.0, 3, 3, 3], call="subtract_back0(ones (3, 4), out, x (4,), y (3, 1))")
    got1 = call(_back(room, "subtract_back1"), np.ones((3, 4)), x - y, x, y)
    ref.check_array(got1, [[-4.0], [-4], [-4]],
                    call="subtract_back1(ones (3, 4), out, x (4,), y (3, 1))")


def test_divide_broadcast_hand_checked(room):
    """x = [3, 6, 9, 18] / y = [[1], [2], [3]]: x gets 1 + 1/2 + 1/3, y gets -36 / y**2."""
    x, y = np.array([3.0, 6.0, 9.0, 18.0]), np.array([[1.0], [2.0], [3.0]])
    got0 = call(_back(room, "true_divide_back0"), np.ones((3, 4)), x / y, x, y)
    ref.check_array(got0, np.full(4, 1 + 1 / 2 + 1 / 3),
                    call="true_divide_back0(ones (3, 4), out, x (4,), y (3, 1))")
    got1 = call(_back(room, "true_divide_back1"), np.ones((3, 4)), x / y, x, y)
    ref.check_array(got1, [[-36.0], [-9.0], [-4.0]],
                    call="true_divide_back1(ones (3, 4), out, x (4,), y (3, 1))")


def test_random_broadcast_all_six_vs_torch(room):
    """x (2, 1, 4) op y (3, 1) with a random grad_out (2, 3, 4), against torch.autograd."""
    rng = np.random.default_rng(8)
    x = rng.normal(size=(2, 1, 4))
    y = rng.uniform(0.5, 2.0, size=(3, 1))
    grad_out = rng.normal(size=(2, 3, 4))
    for op in OPS:
        _check_op(room, op, x, y, grad_out, "grad_out (2, 3, 4), out, x (2, 1, 4), y (3, 1)")


def test_float_arguments(room):
    """One argument a plain float (a / 2.0, 5.0 - b, 2.0 / b): only the array gets a gradient."""
    rng = np.random.default_rng(9)
    a = rng.uniform(0.5, 2.0, size=(2, 3))
    grad_out = rng.normal(size=(2, 3))
    for op in OPS:
        _check_op(room, op, a, 2.0, grad_out, "grad_out (2, 3), out, x (2, 3), y = 2.0")
        _check_op(room, op, 5.0, a, grad_out, "grad_out (2, 3), out, x = 5.0, y (2, 3)")


def test_expression_in_the_framework(room):
    """Registered in a copy of the framework: ((a + b) / (a - b) - 1.0 / b).sum() vs torch."""
    fw = ref.fresh()
    for op, (np_fn, _) in OPS.items():
        for position in (0, 1):
            fw.BACK_FUNCS.add_back_func(np_fn, position, _back(room, f"{op}_back{position}"))
    av = np.array([[3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    bv = np.array([1.0, 2.0, -1.5])
    a, b = fw.Tensor(av, requires_grad=True), fw.Tensor(bv, requires_grad=True)
    ((a + b) / (a - b) - 1.0 / b).sum().backward()
    ga, gb = ref.torch_grads(lambda s, t: (s + t) / (s - t) - 1.0 / t, [av, bv], np.ones((2, 3)))
    ref.check_grad(a, ga, name="a", where="((a + b) / (a - b) - 1 / b).sum()")
    ref.check_grad(b, gb, name="b", where="((a + b) / (a - b) - 1 / b).sum()")


def test_zero_numerators(room):
    """x holds zeros, y does not: d(x / y)/dx is 1 / y wherever x is, zero included (out / x
    would be 0 / 0 there)."""
    x = np.array([[0.0, 2.0, 0.0], [-1.5, 0.0, 3.0]])
    y = np.array([0.5, -4.0, 2.0])
    grad_out = np.array([[1.0, 2.0, -1.0], [0.5, 3.0, 1.0]])
    _check_op(room, "true_divide", x, y, grad_out, "grad_out (2, 3), out, x (2, 3) with zeros, y (3,)")
