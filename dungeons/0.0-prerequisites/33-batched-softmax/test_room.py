"""Cases for batched_softmax: hand-checked, rows sum to 1, shift invariance, order, large scores,
rows spanning thousands, random."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail


def _as_tensor(got, what, shape):
    if not isinstance(got, torch.Tensor):
        fail(f"{what} returned {type(got).__name__}, expected a tensor of shape {shape}",
             kind="type")
    if tuple(got.shape) != tuple(shape):
        fail(f"{what} returned shape {tuple(got.shape)}, expected {tuple(shape)} (same as the "
             "input)", kind="shape")
    return got


def test_hand_checked_log_one_to_four(room):
    """Scores log(1..4) give probabilities (1..4)/10."""
    matrix = torch.log(torch.tensor([[1.0, 2.0, 3.0, 4.0]]))
    got = call(room.batched_softmax, matrix)
    assert_tensor_close(got, torch.tensor([[0.1, 0.2, 0.3, 0.4]]),
                        call="batched_softmax(log([[1, 2, 3, 4]]))", dims="batch n")


def test_rows_sum_to_one(room):
    """Random (seeded) 4x6 scores: every row sums to 1 and every value is in [0, 1]."""
    matrix = torch.randn(4, 6, generator=torch.Generator().manual_seed(fresh_seed(1))) * 3
    got = _as_tensor(call(room.batched_softmax, matrix), "batched_softmax((4, 6) random)", (4, 6))
    if got.min() < 0 or got.max() > 1 + 1e-6:
        fail(f"batched_softmax returned values outside [0, 1] (min {got.min():.4g}, max "
             f"{got.max():.4g})", kind="value")
    assert_tensor_close(got.sum(dim=1), torch.ones(4),
                        call="batched_softmax((4, 6) random).sum(dim=1)", dims="batch")


def test_adding_a_constant_changes_nothing(room):
    """Adding 0.12, 3.4, -5 or 6.7 to every score leaves the probabilities unchanged."""
    matrix = torch.tensor([[0.5, -1.0, 2.0], [0.0, 0.0, 1.0]])
    expected = torch.exp(matrix.double()) / torch.exp(matrix.double()).sum(1, keepdim=True)
    for c in [0.12, 3.4, -5.0, 6.7]:
        got = call(room.batched_softmax, matrix + c)
        assert_tensor_close(got, expected.float(), call=f"batched_softmax(matrix + {c})",
                            dims="batch n")


def test_order_is_preserved(room):
    """Within each row, a bigger score never gets a smaller probability."""
    matrix = torch.randn(5, 8, generator=torch.Generator().manual_seed(fresh_seed(2)))
    got = _as_tensor(call(room.batched_softmax, matrix), "batched_softmax((5, 8) random)", (5, 8))
    in_score_order = got.gather(1, matrix.argsort(dim=1))
    if (in_score_order.diff(dim=1) < 0).any():
        fail("batched_softmax((5, 8) random) changed the order of scores within a row: softmax "
             "must be increasing along each row", kind="value")


def test_large_scores_stay_finite(room):
    """Scores near +-1000 give proper probabilities, not nan (exp(1000) overflows)."""
    matrix = torch.tensor([[1000.0, 1000.0 + math.log(3)], [-1000.0, -1000.0 + math.log(3)],
                           [0.0, math.log(3)]])
    got = call(room.batched_softmax, matrix)
    assert_tensor_close(got, torch.tensor([[0.25, 0.75]] * 3),
                        call="batched_softmax(rows near +1000, -1000 and 0)", dims="batch n")


def test_rows_that_span_thousands(room):
    """A row from -1000 to +1000: only the row max makes every exp safe (the mean or the min
    of such a row still leaves exp(1000) or exp(2000), which overflow)."""
    matrix = torch.tensor([[1000.0, -1000.0, 1000.0 - math.log(3)],
                           [-3000.0, 0.0, -1500.0]])
    got = call(room.batched_softmax, matrix)
    assert_tensor_close(got, torch.tensor([[0.75, 0.0, 0.25], [0.0, 1.0, 0.0]]),
                        call="batched_softmax(rows spanning thousands)", dims="batch n")


def test_random_matches_torch_softmax(room):
    """Random (seeded) square and non-square inputs against torch.softmax(dim=-1)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for batch, n in [(5, 5), (3, 8), (7, 2), (1, 10)]:
        matrix = torch.randn(batch, n, generator=gen) * 4
        got = call(room.batched_softmax, matrix)
        assert_tensor_close(got, torch.softmax(matrix, dim=-1),
                            call=f"batched_softmax(({batch}, {n}) random)", dims="batch n")
