"""Cases for einsum_inner: hand-checked, orthogonal, length 1, dtype, random vs a loop."""

import numpy as np
import torch

from arena_dungeon.testing import assert_number_close, describe, fail


class _Guarded(np.ndarray):
    """An array that refuses `@`, `*`, np.matmul and np.multiply: only einsum may multiply."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if ufunc in (np.multiply, np.matmul):
            op = "`@` / np.matmul" if ufunc is np.matmul else "`*` / np.multiply"
            fail(f"{op} is off-limits in this room: let einsum do the multiplying", kind="rule")
        inputs = tuple(np.asarray(x) if isinstance(x, _Guarded) else x for x in inputs)
        if "out" in kwargs:
            kwargs["out"] = tuple(np.asarray(x) if isinstance(x, _Guarded) else x
                                  for x in kwargs["out"])
        return getattr(ufunc, method)(*inputs, **kwargs)


def _run(fn, *arrays):
    """Call the player's function, failing if it changed an input array in place."""
    before = [np.array(a, copy=True) for a in arrays]
    got = fn(*arrays)
    for i, (b, a) in enumerate(zip(before, arrays)):
        if not np.array_equal(b, np.asarray(a)):
            fail(f"{fn.__name__} changed its argument #{i + 1} in place; build a new array "
                 "instead", kind="mutation")
    return got


def _scalar(got, call):
    """`got` as a float: a number, a numpy scalar or a 0-d array."""
    if isinstance(got, torch.Tensor):
        fail(f"{call} returned a torch tensor {describe(got)}; this room works in numpy, "
             "and einsum on numpy arrays gives numpy back", kind="type")
    if isinstance(got, np.ndarray) and got.ndim > 0:
        fail(f"{call} returned an array of shape {got.shape}, expected a single number: "
             "is an axis still named after the arrow?", kind="shape")
    if not isinstance(got, (np.ndarray, np.generic, int, float)) or isinstance(got, bool):
        fail(f"{call} returned {describe(got)}, expected a number", kind="type")
    return np.asarray(got)


def _slow_inner(a, b):
    total = 0.0
    for i in range(a.shape[0]):
        total += float(a[i]) * float(b[i])
    return total


def test_three_entries_hand_checked(room):
    """[1, 2, 3] . [4, -5, 6] = 4 - 10 + 18 = 12."""
    got = _scalar(_run(room.einsum_inner, np.array([1.0, 2, 3]), np.array([4.0, -5, 6])),
                  "einsum_inner([1, 2, 3], [4, -5, 6])")
    assert_number_close(float(got), 12.0, call="einsum_inner([1, 2, 3], [4, -5, 6])")


def test_orthogonal_vectors_give_zero(room):
    """[1, 1, 0, 0] . [0, 0, 3, 5] = 0, although both sums are positive."""
    got = _scalar(_run(room.einsum_inner, np.array([1.0, 1, 0, 0]), np.array([0.0, 0, 3, 5])),
                  "einsum_inner([1, 1, 0, 0], [0, 0, 3, 5])")
    assert_number_close(float(got), 0.0, call="einsum_inner([1, 1, 0, 0], [0, 0, 3, 5])")


def test_length_one_vectors(room):
    """Two vectors of length 1: the product of their entries."""
    got = _scalar(_run(room.einsum_inner, np.array([-2.5]), np.array([4.0])),
                  "einsum_inner([-2.5], [4.0])")
    assert_number_close(float(got), -10.0, call="einsum_inner([-2.5], [4.0])")


def test_float64_stays_float64(room):
    """float64 inputs give a float64 number."""
    got = _scalar(_run(room.einsum_inner, np.array([0.1, 0.2]), np.array([1.0, 1.0])),
                  "einsum_inner(float64)")
    if got.dtype != np.float64:
        fail(f"einsum_inner(float64) returned dtype {got.dtype}, expected float64",
             kind="dtype")
    assert_number_close(float(got), 0.1 + 0.2, call="einsum_inner(float64)", atol=1e-12)


def test_random_vectors_match_a_loop(room):
    """Random vectors of lengths 3 and 7 (seed 0), passed as arrays that refuse `@` and `*`."""
    rng = np.random.default_rng(0)
    for n in (3, 7):
        a, b = rng.standard_normal(n), rng.standard_normal(n)
        call = f"einsum_inner(random ({n},), random ({n},))"
        got = _scalar(_run(room.einsum_inner, a.view(_Guarded), b.view(_Guarded)), call)
        assert_number_close(float(got), _slow_inner(a, b), call=call, atol=1e-9)
