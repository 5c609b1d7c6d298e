"""Cases for ToyModel.calculate_loss: a one-instance example by hand, importance per
feature, the sum over instances, means over batch and features, and the gradient."""

import torch

from arena_dungeon.testing import fresh_seed, as_number, assert_number_close, assert_tensor_close, call, fail
from toy_base import ToyModelConfig


def _loss(room, out, batch, importance):
    _, n_inst, feats = batch.shape
    model = room.ToyModel(ToyModelConfig(n_inst=n_inst, n_features=feats), importance=importance)
    got = call(model.calculate_loss, out, batch)
    if not isinstance(got, torch.Tensor) or got.numel() != 1:
        fail(f"calculate_loss returned {type(got).__name__ if not isinstance(got, torch.Tensor) else tuple(got.shape)}, "
             "expected a scalar tensor (one number for all instances)", kind="shape")
    return got


def _oracle(out, batch, importance):
    B, n_inst, F = batch.shape
    imp = torch.as_tensor(importance, dtype=torch.float32).broadcast_to((n_inst, F))
    total = 0.0
    for i in range(n_inst):
        total += sum(float(imp[i, f] * (batch[b, i, f] - out[b, i, f]) ** 2)
                     for b in range(B) for f in range(F)) / (B * F)
    return total


def test_one_instance_by_hand(room):
    """importance [1, 0.5], batch [[1, 1]], out [[0, 0]]: (1 + 0.5) / 2 = 0.75."""
    batch = torch.tensor([[[1.0, 1.0]]])
    out = torch.zeros(1, 1, 2)
    got = _loss(room, out, batch, torch.tensor([1.0, 0.5]))
    assert_number_close(as_number(got), 0.75, call="calculate_loss(out=[[[0, 0]]], batch=[[[1, 1]]])")


def test_importance_weights_each_feature(room):
    """2 instances x 4 features, an (inst, feats) importance table, batch 5, vs a slow loop."""
    torch.manual_seed(fresh_seed(0))
    imp = torch.rand(2, 4)
    batch, out = torch.rand(5, 2, 4), torch.rand(5, 2, 4)
    got = _loss(room, out, batch, imp)
    assert_number_close(as_number(got), _oracle(out, batch, imp), rtol=1e-5,
                        call="calculate_loss(out, batch) with importance (2, 4)")


def test_sums_over_instances(room):
    """3 identical instances give 3 times the loss of one."""
    torch.manual_seed(fresh_seed(1))
    one_b, one_o = torch.rand(6, 1, 3), torch.rand(6, 1, 3)
    single = as_number(_loss(room, one_o, one_b, 1.0))
    triple = as_number(_loss(room, one_o.repeat(1, 3, 1), one_b.repeat(1, 3, 1), 1.0))
    if abs(triple - 3 * single) > 1e-5 * max(1.0, abs(single)):
        fail(f"one instance scores {single:.5f}; three copies of it score {triple:.5f}, "
             f"expected {3 * single:.5f} (the sum over instances)", kind="value",
             details="Mean over batch and features, then sum over instances.")


def test_means_over_batch_and_features(room):
    """Doubling the batch (same rows twice) or the features (same columns twice) keeps the loss."""
    torch.manual_seed(fresh_seed(2))
    b, o = torch.rand(4, 2, 3), torch.rand(4, 2, 3)
    base = as_number(_loss(room, o, b, 1.0))
    rows = as_number(_loss(room, o.repeat(2, 1, 1), b.repeat(2, 1, 1), 1.0))
    cols = as_number(_loss(room, o.repeat(1, 1, 2), b.repeat(1, 1, 2), 1.0))
    for what, v in (("the batch", rows), ("the features", cols)):
        if abs(v - base) > 1e-5:
            fail(f"repeating {what} twice changed the loss from {base:.5f} to {v:.5f}; a mean "
                 "over batch and features would not change", kind="value")


def test_gradient_wrt_out(room):
    """d loss / d out = -2 I (batch - out) / (B F), for each instance."""
    torch.manual_seed(fresh_seed(3))
    imp = torch.rand(2, 3)
    batch = torch.rand(4, 2, 3)
    out = torch.rand(4, 2, 3, requires_grad=True)
    got = _loss(room, out, batch, imp)
    if not got.requires_grad:
        fail("the loss has no gradient with respect to out", kind="value",
             details="Compute it with torch operations on the tensors you were given.")
    got.backward()
    expected = -2 * imp * (batch - out.detach()) / (4 * 3)
    assert_tensor_close(out.grad, expected, call="out.grad after calculate_loss(out, batch).backward()",
                        dims="batch inst feats", atol=1e-6)
