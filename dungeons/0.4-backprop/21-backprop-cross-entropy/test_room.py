"""Cases for cross_entropy: hand-checked rows, torch oracle for values and gradients, shapes."""

import math

import numpy as np
import torch
import torch.nn.functional as F

import backprop_framework as framework  # the given module the player's file imports
from arena_dungeon.testing import describe, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _ce(room, logits, labels, label):
    out = room.cross_entropy(logits, labels)
    if not isinstance(out, framework.Tensor):
        fail(f"cross_entropy({label}) returned {describe(out)}, expected a Tensor", kind="type")
    if out.shape != (logits.shape[0],):
        fail(f"cross_entropy({label}) returned shape {out.shape}, expected "
             f"({logits.shape[0]},): one loss per example, no mean or sum", kind="shape",
             details="Pick one entry per row: logprobs[arange(0, batch), true_labels].")
    return out


def _random(seed, batch, classes):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(batch, classes)) * 2, rng.integers(0, classes, size=batch)


def test_hand_checked_rows(room):
    """Rows log([1,1,1,1]), log([1,1,2,4]), log([3,1,.5,.5]) with labels 1, 3, 0."""
    logits = np.log(np.array([[1.0, 1, 1, 1], [1, 1, 2, 4], [3, 1, 0.5, 0.5]]))
    out = _ce(room, framework.Tensor(logits), framework.Tensor(np.array([1, 3, 0])), "3 rows")
    ref.check_array(out.array, [math.log(4), math.log(2), math.log(5 / 3)],
                    call="cross_entropy(3 hand-made rows, labels [1, 3, 0]).array")


def test_random_batch_vs_torch(room):
    """A random (6, 5) batch: per-example losses equal F.cross_entropy(reduction='none')."""
    logits, labels = _random(16, 6, 5)
    out = _ce(room, framework.Tensor(logits), framework.Tensor(labels), "logits (6, 5), labels (6,)")
    expected = F.cross_entropy(torch.tensor(logits), torch.tensor(labels), reduction="none")
    ref.check_array(out.array, expected.numpy(), call="cross_entropy(logits (6, 5), labels).array")


def test_gradient_vs_torch(room):
    """(cross_entropy(logits, labels) * w).sum().backward(): logits.grad equals torch's."""
    logits, labels = _random(17, 4, 3)
    w = np.array([1.0, 0.5, -2.0, 3.0])
    x = framework.Tensor(logits, requires_grad=True)
    out = _ce(room, x, framework.Tensor(labels), "logits (4, 3), labels (4,)")
    (out * framework.Tensor(w)).sum().backward()
    (expected,) = ref.torch_grads(
        lambda t: F.cross_entropy(t, torch.tensor(labels), reduction="none"), [logits], w)
    ref.check_grad(x, expected, name="logits", where="(cross_entropy(logits, labels) * w).sum()",
                   atol=1e-5)


def test_repeated_labels_and_one_row(room):
    """All labels equal (gradients scatter into the same column) and a batch of one row."""
    logits, _ = _random(18, 5, 4)
    labels = np.full(5, 2)
    x = framework.Tensor(logits, requires_grad=True)
    _ce(room, x, framework.Tensor(labels), "logits (5, 4), labels all 2").sum().backward()
    (expected,) = ref.torch_grads(
        lambda t: F.cross_entropy(t, torch.tensor(labels), reduction="none"), [logits], np.ones(5))
    ref.check_grad(x, expected, name="logits", where="cross_entropy(logits, labels all 2).sum()")
    one = _ce(room, framework.Tensor(np.array([[2.0, 0.0, -1.0]])), framework.Tensor(np.array([0])),
              "one row")
    expected_one = F.cross_entropy(torch.tensor([[2.0, 0.0, -1.0]]), torch.tensor([0]),
                                   reduction="none")
    ref.check_array(one.array, expected_one.numpy(), call="cross_entropy([[2, 0, -1]], [0]).array")


def test_all_losses_positive_for_confident_wrong_answers(room):
    """Logits confidently wrong (10 on another class) give losses near 10, not near 0 or -10."""
    logits = np.zeros((3, 4))
    labels = np.array([0, 1, 2])
    logits[np.arange(3), [3, 0, 1]] = 10.0
    out = _ce(room, framework.Tensor(logits), framework.Tensor(labels), "confidently wrong rows")
    expected = F.cross_entropy(torch.tensor(logits), torch.tensor(labels), reduction="none")
    ref.check_array(out.array, expected.numpy(), call="cross_entropy(confidently wrong rows).array")
