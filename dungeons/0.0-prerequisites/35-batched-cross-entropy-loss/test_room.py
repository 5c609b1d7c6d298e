"""Cases for batched_cross_entropy_loss: uniform, -inf logits, large logits, shape, labels, random."""

import math

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

INF = math.inf


def test_uniform_logits_cost_log_c(room):
    """Equal logits over 4 classes: every loss is log 4, whatever the label."""
    logits = torch.zeros(3, 4)
    got = call(room.batched_cross_entropy_loss, logits, torch.tensor([0, 3, 2]))
    assert_tensor_close(got, torch.full((3,), math.log(4)),
                        call="batched_cross_entropy_loss(zeros(3, 4), [0, 3, 2])", dims="batch")


def test_minus_inf_logits(room):
    """A certain right answer costs 0, a 3-way tie log 3, a ruled-out true class inf."""
    logits = torch.tensor([[-INF, 5.0, -INF], [2.0, 2.0, 2.0], [-INF, 0.0, 1.0]])
    got = call(room.batched_cross_entropy_loss, logits, torch.tensor([1, 0, 0]))
    assert_tensor_close(got, torch.tensor([0.0, math.log(3), INF]),
                        call="batched_cross_entropy_loss(logits with -inf, [1, 0, 0])",
                        dims="batch")


def test_large_logits_stay_finite(room):
    """Logits [1000, 0, -1000]: losses 0, 1000 and 2000 for labels 0, 1, 2 (no nan, no inf)."""
    logits = torch.tensor([[1000.0, 0.0, -1000.0]] * 3)
    got = call(room.batched_cross_entropy_loss, logits, torch.tensor([0, 1, 2]))
    assert_tensor_close(got, torch.tensor([0.0, 1000.0, 2000.0]),
                        call="batched_cross_entropy_loss([[1000, 0, -1000]] * 3, [0, 1, 2])",
                        dims="batch", atol=1e-3)


def test_one_loss_per_row(room):
    """6 examples, 4 classes: the result is (6,), not (6, 1) or (6, 6)."""
    logits = torch.arange(24, dtype=torch.float32).reshape(6, 4) % 5
    labels = torch.tensor([0, 1, 2, 3, 0, 1])
    got = call(room.batched_cross_entropy_loss, logits, labels)
    assert_tensor_close(got, F.cross_entropy(logits, labels, reduction="none"),
                        call="batched_cross_entropy_loss((6, 4) logits, 6 labels)", dims="batch")


def test_each_row_uses_its_own_label(room):
    """Square 4x4 logits with labels [3, 0, 2, 1]: picking along the wrong axis gives other losses."""
    logits = torch.tensor([[4.0, 1.0, 0.0, 2.0], [0.0, 3.0, 1.0, 1.0],
                           [2.0, 2.0, 5.0, 0.0], [1.0, 0.0, 0.0, 3.0]])
    labels = torch.tensor([3, 0, 2, 1])
    got = call(room.batched_cross_entropy_loss, logits, labels)
    assert_tensor_close(got, F.cross_entropy(logits, labels, reduction="none"),
                        call="batched_cross_entropy_loss(4x4 logits, [3, 0, 2, 1])", dims="batch")


def test_random_matches_torch_cross_entropy(room):
    """Random (seeded) logits and labels against F.cross_entropy(reduction='none')."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for batch, classes in [(8, 5), (5, 5), (3, 12), (1, 2)]:
        logits = torch.randn(batch, classes, generator=gen) * 4
        labels = torch.randint(0, classes, (batch,), generator=gen)
        got = call(room.batched_cross_entropy_loss, logits, labels)
        assert_tensor_close(got, F.cross_entropy(logits, labels, reduction="none"),
                            call=f"batched_cross_entropy_loss(({batch}, {classes}) random)",
                            dims="batch")


def test_rows_on_very_different_scales(room):
    """Rows near +1000, -1000 and 0 in one batch: each row is shifted by its own max (the
    batch's max sinks the row near -1000 to exp(-2000) = 0, and its loss to inf or nan)."""
    logits = torch.tensor([[1000.0, 999.0, 0.0], [-1000.0, -1001.0, -1000.0], [3.0, 1.0, 2.0]])
    labels = torch.tensor([1, 0, 2])
    got = call(room.batched_cross_entropy_loss, logits, labels)
    expected = F.cross_entropy(logits.double(), labels, reduction="none").float()
    assert_tensor_close(got, expected,
                        call="batched_cross_entropy_loss(rows near +1000, -1000 and 0, [1, 0, 2])",
                        dims="batch", atol=1e-4)
