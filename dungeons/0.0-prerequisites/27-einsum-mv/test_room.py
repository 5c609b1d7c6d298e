"""Cases for einsum_mv: hand-checked, non-square, square (transpose trap), size 1, dtype."""

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


def _slow_mv(mat, vec):
    out = np.zeros(mat.shape[0], dtype=np.result_type(mat, vec))
    for i in range(mat.shape[0]):
        for j in range(mat.shape[1]):
            out[i] += mat[i, j] * vec[j]
    return out


def test_two_by_three_hand_checked(room):
    """[[1, 2, 3], [4, 5, 6]] times [1, 0, -1] is [-2, -2]."""
    mat = np.array([[1.0, 2, 3], [4, 5, 6]])
    vec = np.array([1.0, 0, -1])
    got = _run(room.einsum_mv, mat, vec)
    _check(got, np.array([-2.0, -2.0]), "einsum_mv((2, 3), (3,))", "m")


def test_non_square_random(room):
    """Random (4, 3) and (2, 5) matrices (seed 0) against a plain double loop."""
    rng = np.random.default_rng(0)
    for m, n in ((4, 3), (2, 5)):
        mat = rng.standard_normal((m, n))
        vec = rng.standard_normal(n)
        got = _run(room.einsum_mv, mat, vec)
        _check(got, _slow_mv(mat, vec), f"einsum_mv(({m}, {n}), ({n},))", "m")


def test_square_matrix_is_not_transposed(room):
    """A non-symmetric 3x3 matrix: multiplying by the transpose gives different numbers."""
    mat = np.array([[1.0, 2, 0], [0, 1, 5], [3, 0, 1]])
    vec = np.array([1.0, 10, 100])
    got = _run(room.einsum_mv, mat, vec)
    _check(got, np.array([21.0, 510, 103]), "einsum_mv((3, 3), (3,))", "m")


def test_size_one_axes(room):
    """A single row (1, 4) gives shape (1,); a single column (3, 1) gives shape (3,)."""
    rng = np.random.default_rng(1)
    for m, n in ((1, 4), (3, 1)):
        mat = rng.standard_normal((m, n))
        vec = rng.standard_normal(n)
        got = _run(room.einsum_mv, mat, vec)
        _check(got, _slow_mv(mat, vec), f"einsum_mv(({m}, {n}), ({n},))", "m")


def test_float64_stays_float64(room):
    """float64 inputs give a float64 result (no silent conversion)."""
    mat = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], dtype=np.float64)
    vec = np.array([1.0, 1.0], dtype=np.float64)
    got = _run(room.einsum_mv, mat, vec)
    _check(got, np.array([0.1 + 0.2, 0.3 + 0.4, 0.5 + 0.6]), "einsum_mv(float64)", "m",
           atol=1e-12)
    if got.dtype != np.float64:
        fail(f"einsum_mv(float64) returned dtype {got.dtype}, expected float64", kind="dtype")


def test_einsum_does_the_work(room):
    """Arrays that refuse `@` and `*` (seed 2): only einsum can multiply them."""
    rng = np.random.default_rng(2)
    mat = rng.standard_normal((3, 4))
    vec = rng.standard_normal(4)
    got = _run(room.einsum_mv, mat.view(_Guarded), vec.view(_Guarded))
    _check(got, _slow_mv(mat, vec), "einsum_mv((3, 4), (4,))", "m")
