"""Cases for batched_logsoftmax: rows of 1001..1006, exp sums to 1, tiny probabilities, shift, random."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _slow_logsoftmax(matrix):
    """Row by row in float64 with Python's math: an independent oracle."""
    out = []
    for row in matrix.double().tolist():
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        out.append([v - lse for v in row])
    return torch.tensor(out, dtype=torch.float32)


def test_rows_1001_to_1006(room):
    """[[1001, 1002, 1003], [1004, 1005, 1006]] gives [-2.4076, -1.4076, -0.4076] per row."""
    matrix = torch.arange(1001.0, 1007.0).reshape(2, 3)
    got = call(room.batched_logsoftmax, matrix)
    expected = torch.tensor([[-2.4076059, -1.4076059, -0.4076059]] * 2)
    assert_tensor_close(got, expected, call="batched_logsoftmax([[1001..1003], [1004..1006]])",
                        dims="batch n")


def test_exp_of_each_row_sums_to_one(room):
    """Random (seeded) 5x7 scores: exp(output) sums to 1 along each row, and output <= 0."""
    matrix = torch.randn(5, 7, generator=torch.Generator().manual_seed(fresh_seed(3))) * 3
    got = call(room.batched_logsoftmax, matrix)
    if not isinstance(got, torch.Tensor) or got.shape != matrix.shape:
        assert_tensor_close(got, _slow_logsoftmax(matrix), call="batched_logsoftmax((5, 7))",
                            dims="batch n")
    if (got > 1e-6).any():
        fail("batched_logsoftmax((5, 7) random) returned positive values: log-probabilities "
             "are never above 0", kind="value")
    assert_tensor_close(got.exp().sum(dim=1), torch.ones(5),
                        call="batched_logsoftmax((5, 7) random).exp().sum(dim=1)", dims="batch")


def test_unlikely_entries_stay_finite(room):
    """An entry 200 below its row's max has log-probability about -200, not -inf."""
    matrix = torch.tensor([[0.0, -200.0], [300.0, 100.0], [-50.0, -50.0]])
    got = call(room.batched_logsoftmax, matrix)
    if isinstance(got, torch.Tensor) and got.dtype.is_floating_point and torch.isinf(got).any():
        fail(f"batched_logsoftmax returned -inf where a finite value was expected: "
             f"{got.tolist()}. Either exp overflowed (shift each row by its max) or "
             "log(softmax) lost a probability below ~1e-45 (stay in log space)",
             kind="value")
    assert_tensor_close(got, _slow_logsoftmax(matrix),
                        call="batched_logsoftmax([[0, -200], [300, 100], [-50, -50]])",
                        dims="batch n")


def test_adding_a_constant_changes_nothing(room):
    """Adding the same number (even 5000) to every score leaves the output unchanged."""
    matrix = torch.tensor([[0.5, -1.0, 2.0, 0.0], [1.0, 1.0, 1.0, 4.0]])
    expected = _slow_logsoftmax(matrix)
    for c in [0.12, -5.0, 5000.0]:
        got = call(room.batched_logsoftmax, matrix + c)
        assert_tensor_close(got, expected, call=f"batched_logsoftmax(matrix + {c})",
                            dims="batch n", atol=1e-3)


def test_random_matches_a_slow_loop(room):
    """Random (seeded) square and non-square inputs against a row-by-row float64 loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for batch, n in [(4, 4), (3, 9), (8, 2), (1, 12)]:
        matrix = torch.randn(batch, n, generator=gen) * 5
        got = call(room.batched_logsoftmax, matrix)
        assert_tensor_close(got, _slow_logsoftmax(matrix),
                            call=f"batched_logsoftmax(({batch}, {n}) random)", dims="batch n")


def test_largest_entry_anywhere_in_the_row(room):
    """Rows whose largest entry is not first and that span thousands: shifting by any entry
    but the row max (the first one, say) still leaves exp(2000) to overflow."""
    matrix = torch.tensor([[-1000.0, 1000.0, 0.0], [0.0, -5.0, 700.0]])
    got = call(room.batched_logsoftmax, matrix)
    assert_tensor_close(got, _slow_logsoftmax(matrix),
                        call="batched_logsoftmax([[-1000, 1000, 0], [0, -5, 700]])",
                        dims="batch n", atol=1e-3)


def test_rows_far_below_zero(room):
    """Rows whose every score is near -1000: exp underflows to 0 unless the row is shifted
    up by its max too (shifting only rows whose max is positive gives log 0 = -inf)."""
    matrix = torch.tensor([[-1000.0, -1000.0 + math.log(3), -1002.0], [-5000.0, -5001.0, -5000.5]])
    got = call(room.batched_logsoftmax, matrix)
    assert_tensor_close(got, _slow_logsoftmax(matrix),
                        call="batched_logsoftmax(rows near -1000 and -5000)", dims="batch n")
