"""Cases for einsum_outer: hand-checked rectangle, equal lengths, length 1, dtype, random."""

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


def _slow_outer(a, b):
    out = np.zeros((a.shape[0], b.shape[0]), dtype=np.result_type(a, b))
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            out[i, j] = a[i] * b[j]
    return out


def test_three_by_two_hand_checked(room):
    """[1, 2, 3] and [1, 10] give [[1, 10], [2, 20], [3, 30]]: one row per entry of vec1."""
    got = _run(room.einsum_outer, np.array([1.0, 2, 3]), np.array([1.0, 10]))
    _check(got, np.array([[1.0, 10], [2, 20], [3, 30]]), "einsum_outer([1, 2, 3], [1, 10])",
           "m n")


def test_equal_lengths_not_transposed(room):
    """Equal lengths: the transpose has the right shape but the wrong values."""
    a, b = np.array([1.0, 2, 3]), np.array([5.0, 7, 11])
    got = _run(room.einsum_outer, a, b)
    _check(got, _slow_outer(a, b), "einsum_outer([1, 2, 3], [5, 7, 11])", "m n")


def test_length_one_vectors(room):
    """(1,) with (5,) gives a single row (1, 5); (3,) with (1,) gives a single column (3, 1)."""
    rng = np.random.default_rng(1)
    for m, n in ((1, 5), (3, 1)):
        a, b = rng.standard_normal(m), rng.standard_normal(n)
        got = _run(room.einsum_outer, a, b)
        _check(got, _slow_outer(a, b), f"einsum_outer(({m},), ({n},))", "m n")


def test_float64_stays_float64(room):
    """float64 inputs give a float64 result."""
    a, b = np.array([0.1, 0.3]), np.array([3.0])
    got = _run(room.einsum_outer, a, b)
    _check(got, _slow_outer(a, b), "einsum_outer(float64)", "m n", atol=1e-12)
    if got.dtype != np.float64:
        fail(f"einsum_outer(float64) returned dtype {got.dtype}, expected float64",
             kind="dtype")


def test_random_vectors_einsum_only(room):
    """Random (4,) and (6,) vectors (seed 0) that refuse `@` and `*`, against a double loop."""
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(4), rng.standard_normal(6)
    got = _run(room.einsum_outer, a.view(_Guarded), b.view(_Guarded))
    _check(got, _slow_outer(a, b), "einsum_outer((4,), (6,))", "m n")
