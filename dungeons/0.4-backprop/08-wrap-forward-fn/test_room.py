"""Cases for wrap_forward_fn: a function comes back; log and multiply through it (values and
recipes), a non-differentiable function, keyword arguments, three arguments with Tensors at
positions 0 and 2, independent wrappers, and the global switch."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _wrap(room, fn, label, **kw):
    wrapped = call(room.wrap_forward_fn, fn, **kw)
    if not callable(wrapped):
        fail(f"wrap_forward_fn({label}) returned {describe(wrapped)}, expected a function",
             kind="type")
    return wrapped


def _out(room, got, what):
    if not isinstance(got, room.Tensor):
        fail(f"{what} returned {describe(got)}, expected a Tensor (the class given in the "
             "stub)", kind="type")
    return got


def _values(got, expected, what):
    if not isinstance(got.array, np.ndarray):
        fail(f"{what}.array is {describe(got.array)}, expected a numpy array", kind="type")
    assert_tensor_close(torch.tensor(got.array.astype(np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=f"{what}.array", atol=1e-5, rtol=1e-5)


def _recipe(y, what, func):
    if y.requires_grad is not True:
        fail(f"{what} gave requires_grad={y.requires_grad!r}, expected True", kind="value")
    if y.recipe is None:
        fail(f"{what} requires grad but its recipe is None", kind="value")
    if y.recipe.func is not func:
        fail(f"{what}: recipe.func is {getattr(y.recipe.func, '__name__', describe(y.recipe.func))}"
             f", expected the wrapped function {func.__name__} itself", kind="value")
    return y.recipe


def _args_text(args):
    return "(" + ", ".join(describe(a) for a in args) + ")"


def _sum(x, dim=None, keepdim=False):
    return np.sum(x, axis=dim, keepdims=keepdim)


def _fma(a, b, c):
    return a * b + c


def test_wrapped_log(room):
    """log = wrap_forward_fn(np.log): values [0, 1], args (x.array,), kwargs {}, parents {0: x}."""
    log = _wrap(room, np.log, "np.log")
    x = room.Tensor([1.0, np.e], requires_grad=True)
    y = _out(room, call(log, x), "wrap_forward_fn(np.log)(x)")
    _values(y, [0.0, 1.0], "wrap_forward_fn(np.log)(Tensor([1, e]))")
    r = _recipe(y, "wrap_forward_fn(np.log)(x)", np.log)
    if len(r.args) != 1 or r.args[0] is not x.array:
        fail(f"recipe.args is {_args_text(r.args)}, expected (x.array,) with the same array "
             "object", kind="value")
    if r.kwargs != {} or r.parents != {0: x}:
        fail(f"recipe.kwargs is {r.kwargs!r} and parents has keys {list(r.parents)}; "
             "expected {} and {0: x}", kind="value")


def test_wrapped_multiply_with_a_number(room):
    """multiply = wrap_forward_fn(np.multiply): 3 * x gives args (3, x.array), parents {1: x}."""
    multiply = _wrap(room, np.multiply, "np.multiply")
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    y = _out(room, call(multiply, 3, x), "multiply(3, x)")
    _values(y, [3.0, 6.0], "multiply(3, x)")
    r = _recipe(y, "multiply(3, x)", np.multiply)
    if len(r.args) != 2 or r.args[0] != 3 or r.args[1] is not x.array:
        fail(f"recipe.args is {_args_text(r.args)}, expected (3, x.array)", kind="value")
    if r.parents != {1: x}:
        fail(f"recipe.parents has keys {list(r.parents)}, expected {{1: x}}: keys are the "
             "argument positions", kind="value")


def test_not_differentiable(room):
    """eq = wrap_forward_fn(np.equal, is_differentiable=False): values, but no grad, no recipe."""
    eq = _wrap(room, np.equal, "np.equal, is_differentiable=False", is_differentiable=False)
    a = room.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = room.Tensor([1.0, 0.0, 3.0], requires_grad=True)
    y = _out(room, call(eq, a, b), "eq(a, b)")
    if not isinstance(y.array, np.ndarray) or y.array.tolist() != [True, False, True]:
        fail(f"eq(a, b).array is {getattr(y.array, 'tolist', lambda: y.array)()!r}, expected "
             "[True, False, True]", kind="value")
    if y.requires_grad or y.recipe is not None:
        fail(f"a non-differentiable function gave requires_grad={y.requires_grad!r} and "
             f"recipe {'None' if y.recipe is None else 'set'}; expected False and None",
             kind="value")


def test_keyword_arguments(room):
    """_sum(x, dim=1, keepdim=True): shape (2, 1), kwargs recorded; positional dim=0 gives (3,)."""
    wsum = _wrap(room, _sum, "_sum")
    x = room.Tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    y = _out(room, call(wsum, x, dim=1, keepdim=True), "wsum(x, dim=1, keepdim=True)")
    _values(y, [[3.0], [12.0]], "wsum(x, dim=1, keepdim=True)")
    r = _recipe(y, "wsum(x, dim=1, keepdim=True)", _sum)
    if r.kwargs != {"dim": 1, "keepdim": True}:
        fail(f"recipe.kwargs is {r.kwargs!r}, expected {{'dim': 1, 'keepdim': True}}",
             kind="value")
    if len(r.args) != 1 or r.args[0] is not x.array:
        fail(f"recipe.args is {_args_text(r.args)}, expected (x.array,)", kind="value")
    y0 = _out(room, call(wsum, x, 0), "wsum(x, 0)")
    _values(y0, [3.0, 5.0, 7.0], "wsum(x, 0)")


def test_three_arguments(room):
    """_fma(x, 2.0, z) = x * 2 + z: parents {0: x, 2: z}, args (x.array, 2.0, z.array)."""
    fma = _wrap(room, _fma, "_fma")
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    z = room.Tensor([10.0, 20.0])
    y = _out(room, call(fma, x, 2.0, z), "fma(x, 2.0, z)")
    _values(y, [12.0, 24.0], "fma(x, 2.0, z)")
    r = _recipe(y, "fma(x, 2.0, z) with x requiring grad", _fma)
    if len(r.args) != 3 or r.args[0] is not x.array or r.args[1] != 2.0 \
            or r.args[2] is not z.array:
        fail(f"recipe.args is {_args_text(r.args)}, expected (x.array, 2.0, z.array)",
             kind="value")
    if list(r.parents) != [0, 2] or r.parents[0] is not x or r.parents[2] is not z:
        fail(f"recipe.parents has keys {list(r.parents)}, expected {{0: x, 2: z}}",
             kind="value")


def test_wrappers_are_independent(room):
    """Wrap np.log, then np.exp: each still calls its own numpy function."""
    log = _wrap(room, np.log, "np.log")
    exp = _wrap(room, np.exp, "np.exp")
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    _values(_out(room, call(log, x), "log(x)"), np.log([1.0, 2.0]),
            "log(x) (wrapped before exp)")
    _values(_out(room, call(exp, x), "exp(x)"), np.exp([1.0, 2.0]), "exp(x)")


def test_tracking_switched_off(room):
    """grad_tracking_enabled = False: no grad, no recipe."""
    multiply = _wrap(room, np.multiply, "np.multiply")
    x = room.Tensor([1.0, 2.0], requires_grad=True)
    room.grad_tracking_enabled = False
    try:
        y = _out(room, call(multiply, x, x), "multiply(x, x)")
    finally:
        room.grad_tracking_enabled = True
    if y.requires_grad or y.recipe is not None:
        fail("with grad_tracking_enabled = False, multiply(x, x) gave "
             f"requires_grad={y.requires_grad!r} and recipe "
             f"{'None' if y.recipe is None else 'set'}; expected False and None", kind="value")
    _values(y, [1.0, 4.0], "multiply(x, x) with tracking off")
