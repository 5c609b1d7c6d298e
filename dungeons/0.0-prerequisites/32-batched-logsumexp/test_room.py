"""Cases for batched_logsumexp: hand-checked rows, +-1000, mixed scales, one column, shape, random."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail


def _check_finite(got, what):
    if isinstance(got, torch.Tensor) and got.dtype.is_floating_point and not torch.isfinite(got).all():
        bad = (~torch.isfinite(got)).nonzero().reshape(-1).tolist()
        fail(f"{what} returned inf or nan in rows {bad}: {got.tolist()}. exp overflowed "
             "(or every exp underflowed to 0 before the log)", kind="nan", got=describe(got))


def test_hand_checked_small_rows(room):
    """Four zeros give log 4; [0, log 3] gives log 4; a single 2.5 gives 2.5."""
    matrix = torch.tensor([[0.0, 0.0, 0.0, 0.0], [0.0, math.log(3), -math.inf, -math.inf],
                           [2.5, -math.inf, -math.inf, -math.inf]])
    got = call(room.batched_logsumexp, matrix)
    expected = torch.tensor([math.log(4), math.log(4), 2.5])
    assert_tensor_close(got, expected, call="batched_logsumexp(3x4 hand-made rows)", dims="batch")


def test_rows_of_plus_and_minus_1000(room):
    """Rows of +1000 and -1000 give 1000 + log 4 and -1000 + log 4, not inf or -inf."""
    matrix = torch.tensor([[1000.0] * 4, [-1000.0] * 4])
    got = call(room.batched_logsumexp, matrix)
    _check_finite(got, "batched_logsumexp([[1000]*4, [-1000]*4])")
    expected = torch.tensor([1000 + math.log(4), -1000 + math.log(4)])
    assert_tensor_close(got, expected, call="batched_logsumexp([[1000]*4, [-1000]*4])",
                        dims="batch")


def test_rows_on_very_different_scales(room):
    """Each row must be shifted by its own max: a global max sinks the low row to -inf."""
    matrix = torch.tensor([[1000.0, 999.0, 0.0], [-1000.0, -1001.0, -1000.0], [3.0, 1.0, 2.0]])
    got = call(room.batched_logsumexp, matrix)
    _check_finite(got, "batched_logsumexp(rows near +1000, -1000 and 0)")
    expected = torch.logsumexp(matrix.double(), dim=1).float()
    assert_tensor_close(got, expected, call="batched_logsumexp(rows near +1000, -1000 and 0)",
                        dims="batch")


def test_one_column(room):
    """n = 1: the logsumexp of a single value is the value itself."""
    matrix = torch.tensor([[-3.0], [0.5], [42.0]])
    got = call(room.batched_logsumexp, matrix)
    assert_tensor_close(got, torch.tensor([-3.0, 0.5, 42.0]),
                        call="batched_logsumexp([[-3], [0.5], [42]])", dims="batch")


def test_one_value_per_row(room):
    """A (3, 7) input gives shape (3,): reduce the last axis, and drop it."""
    matrix = torch.arange(21, dtype=torch.float32).reshape(3, 7) / 10
    got = call(room.batched_logsumexp, matrix)
    assert_tensor_close(got, torch.logsumexp(matrix, dim=1),
                        call="batched_logsumexp((3, 7) input)", dims="batch")


def test_random_matches_torch_logsumexp(room):
    """Random (seeded) inputs of several shapes against torch.logsumexp."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for batch, n in [(10, 20), (6, 6), (1, 50), (25, 3)]:
        matrix = torch.randn(batch, n, generator=gen) * 8
        got = call(room.batched_logsumexp, matrix)
        assert_tensor_close(got, torch.logsumexp(matrix, dim=1),
                            call=f"batched_logsumexp(({batch}, {n}) random)", dims="batch")


def test_largest_entry_anywhere_in_the_row(room):
    """Rows whose largest entry is not first and that span thousands: shifting by any entry
    but the row max (the first one, say) still leaves exp(2000) to overflow."""
    matrix = torch.tensor([[-1000.0, 1000.0, 0.0], [0.0, -5.0, 700.0], [-3000.0, -2000.0, -2500.0]])
    got = call(room.batched_logsumexp, matrix)
    _check_finite(got, "batched_logsumexp(rows with the max in the middle or at the end)")
    expected = torch.logsumexp(matrix.double(), dim=1).float()
    assert_tensor_close(got, expected,
                        call="batched_logsumexp(rows with the max in the middle or at the end)",
                        dims="batch")
