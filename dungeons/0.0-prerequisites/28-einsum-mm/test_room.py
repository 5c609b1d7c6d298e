"""Cases for einsum_mm: hand-checked, all-different sizes, square (transpose trap), size 1, dtype."""

import numpy as np
import torch

from arena_dungeon.testing import assert_tensor_close, describe, fail


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


def _check(got, expected, call, dims, atol=1e-9):
    """`got` must be a numpy array shaped and valued like `expected` (same dtype kind)."""
    if isinstance(got, torch.Tensor):
        fail(f"{call} returned a torch tensor {describe(got)}; this room works in numpy, "
             "and einsum on numpy arrays gives numpy back", kind="type")
    if not isinstance(got, np.ndarray):
        fail(f"{call} returned {describe(got)}, expected an array of shape {expected.shape}",
             kind="type")
    assert_tensor_close(torch.from_numpy(np.ascontiguousarray(got)),
                        torch.from_numpy(np.ascontiguousarray(expected)),
                        call=call, dims=dims, atol=atol, rtol=1e-9)


def _slow_mm(a, b):
    out = np.zeros((a.shape[0], b.shape[1]), dtype=np.result_type(a, b))
    for i in range(a.shape[0]):
        for k in range(b.shape[1]):
            for j in range(a.shape[1]):
                out[i, k] += a[i, j] * b[j, k]
    return out


def test_two_by_three_hand_checked(room):
    """[[1, 2, 3], [4, 5, 6]] times [[1, 0], [0, 1], [1, 0]] is [[4, 2], [10, 5]]."""
    a = np.array([[1.0, 2, 3], [4, 5, 6]])
    b = np.array([[1.0, 0], [0, 1], [1, 0]])
    got = _run(room.einsum_mm, a, b)
    _check(got, np.array([[4.0, 2], [10, 5]]), "einsum_mm((2, 3), (3, 2))", "m p")


def test_all_sizes_different(room):
    """Random (2, 3) x (3, 4) and (5, 2) x (2, 3) (seed 0) against a triple loop."""
    rng = np.random.default_rng(0)
    for m, n, p in ((2, 3, 4), (5, 2, 3)):
        a = rng.standard_normal((m, n))
        b = rng.standard_normal((n, p))
        got = _run(room.einsum_mm, a, b)
        _check(got, _slow_mm(a, b), f"einsum_mm(({m}, {n}), ({n}, {p}))", "m p")


def test_square_matrices_not_transposed(room):
    """Non-symmetric 3x3 matrices: a transposed operand or output gives other numbers."""
    rng = np.random.default_rng(1)
    a = rng.integers(-5, 6, size=(3, 3)).astype(np.float64)
    b = rng.integers(-5, 6, size=(3, 3)).astype(np.float64)
    got = _run(room.einsum_mm, a, b)
    _check(got, _slow_mm(a, b), "einsum_mm((3, 3), (3, 3))", "m p")


def test_size_one_axes(room):
    """A row times a column (1, 4) x (4, 1) is (1, 1); a column times a row is (3, 3)."""
    rng = np.random.default_rng(2)
    for m, n, p in ((1, 4, 1), (3, 1, 3)):
        a = rng.standard_normal((m, n))
        b = rng.standard_normal((n, p))
        got = _run(room.einsum_mm, a, b)
        _check(got, _slow_mm(a, b), f"einsum_mm(({m}, {n}), ({n}, {p}))", "m p")


def test_float64_stays_float64(room):
    """float64 inputs give a float64 result (no silent conversion)."""
    a = np.array([[0.1, 0.2]], dtype=np.float64)
    b = np.array([[1.0, 2.0, 0.0], [1.0, 0.0, 3.0]], dtype=np.float64)
    got = _run(room.einsum_mm, a, b)
    _check(got, np.array([[0.1 + 0.2, 0.2, 0.6000000000000001]]), "einsum_mm(float64)", "m p",
           atol=1e-12)
    if got.dtype != np.float64:
        fail(f"einsum_mm(float64) returned dtype {got.dtype}, expected float64", kind="dtype")


def test_einsum_does_the_work(room):
    """Arrays that refuse `@` and `*` (seed 3): only einsum can multiply them."""
    rng = np.random.default_rng(3)
    a = rng.standard_normal((2, 3))
    b = rng.standard_normal((3, 4))
    got = _run(room.einsum_mm, a.view(_Guarded), b.view(_Guarded))
    _check(got, _slow_mm(a, b), "einsum_mm((2, 3), (3, 4))", "m p")
