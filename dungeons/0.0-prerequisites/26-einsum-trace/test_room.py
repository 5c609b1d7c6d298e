"""Cases for einsum_trace: hand-checked, off-diagonal ignored, 1x1, dtype, random vs a loop."""

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
    """`got` as a numpy scalar: a number, a numpy scalar or a 0-d array."""
    if isinstance(got, torch.Tensor):
        fail(f"{call} returned a torch tensor {describe(got)}; this room works in numpy, "
             "and einsum on numpy arrays gives numpy back", kind="type")
    if isinstance(got, np.ndarray) and got.ndim > 0:
        fail(f"{call} returned an array of shape {got.shape}, expected a single number: "
             "is an axis still named after the arrow?", kind="shape")
    if not isinstance(got, (np.ndarray, np.generic, int, float)) or isinstance(got, bool):
        fail(f"{call} returned {describe(got)}, expected a number", kind="type")
    return np.asarray(got)


def _slow_trace(mat):
    total = 0.0
    for i in range(mat.shape[0]):
        total += float(mat[i, i])
    return total


def test_two_by_two_hand_checked(room):
    """[[1, 2], [3, 4]] has trace 1 + 4 = 5."""
    mat = np.array([[1, 2], [3, 4]])
    got = _scalar(_run(room.einsum_trace, mat), "einsum_trace([[1, 2], [3, 4]])")
    assert_number_close(float(got), 5.0, call="einsum_trace([[1, 2], [3, 4]])")


def test_off_diagonal_entries_are_ignored(room):
    """Zeros on the diagonal and big numbers elsewhere: the trace is 0."""
    mat = np.array([[0.0, 100.0, 200.0], [300.0, 0.0, 400.0], [500.0, 600.0, 0.0]])
    got = _scalar(_run(room.einsum_trace, mat), "einsum_trace(zero diagonal, 3x3)")
    assert_number_close(float(got), 0.0, call="einsum_trace(zero diagonal, 3x3)")


def test_one_by_one_matrix(room):
    """A 1x1 matrix is its own trace."""
    mat = np.array([[7.5]])
    got = _scalar(_run(room.einsum_trace, mat), "einsum_trace([[7.5]])")
    assert_number_close(float(got), 7.5, call="einsum_trace([[7.5]])")


def test_float64_stays_float64(room):
    """A float64 matrix gives a float64 number, not a rounded or converted one."""
    mat = np.array([[0.1, 2.0], [3.0, 0.2]], dtype=np.float64)
    got = _scalar(_run(room.einsum_trace, mat), "einsum_trace(float64 2x2)")
    if got.dtype != np.float64:
        fail(f"einsum_trace(float64 2x2) returned dtype {got.dtype}, expected float64",
             kind="dtype")
    assert_number_close(float(got), 0.1 + 0.2, call="einsum_trace(float64 2x2)", atol=1e-12)


def test_random_matrices_match_a_loop(room):
    """Random matrices of sizes 2, 3 and 6 (seed 0) against a plain loop over the diagonal."""
    rng = np.random.default_rng(0)
    for n in (2, 3, 6):
        mat = rng.standard_normal((n, n)).view(_Guarded)
        call = f"einsum_trace(random {n}x{n})"
        got = _scalar(_run(room.einsum_trace, mat), call)
        assert_number_close(float(got), _slow_trace(np.asarray(mat)), call=call, atol=1e-9)
