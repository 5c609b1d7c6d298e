"""Cases for BatchNorm2d: state layout, train-mode maths (biased variance), running-stat
updates with momentum, eval mode, and no mutation of the input."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, describe, fail


def _col(v):
    return v.reshape(1, -1, 1, 1)


def _oracle(x, mean, var, weight, bias, eps=1e-5):
    return (x - _col(mean)) / torch.sqrt(_col(var) + eps) * _col(weight) + _col(bias)


def _batch_stats(x):
    mean = x.mean(dim=(0, 2, 3))
    var = ((x - _col(mean)) ** 2).mean(dim=(0, 2, 3))  # biased: divide by N
    return mean, var


def _make(room, *args, **kwargs):
    bn = room.BatchNorm2d(*args, **kwargs)
    if not isinstance(bn, nn.Module):
        fail(f"BatchNorm2d(...) made a {type(bn).__name__}, expected an nn.Module", kind="type")
    return bn


def _buffer(bn, name):
    buffers = dict(bn.named_buffers())
    if name not in buffers:
        fail(f"BatchNorm2d has no buffer `{name}` (buffers: {list(buffers)}): create it with "
             "self.register_buffer(...)", kind="type")
    return buffers[name]


def test_parameters_and_buffers(room):
    """Parameters weight=1, bias=0; buffers running_mean=0, running_var=1, num_batches_tracked=0."""
    bn = _make(room, 3)
    ref = nn.BatchNorm2d(3)
    params = [(n, tuple(p.shape)) for n, p in bn.named_parameters()]
    expected = [(n, tuple(p.shape)) for n, p in ref.named_parameters()]
    if params != expected:
        fail(f"parameters are {params}, expected {expected}", kind="value")
    buffers = [(n, tuple(b.shape)) for n, b in bn.named_buffers()]
    expected = [(n, tuple(b.shape)) for n, b in ref.named_buffers()]
    if buffers != expected:
        fail(f"buffers are {buffers}, expected {expected}", kind="value",
             details="Use self.register_buffer(name, tensor) for running_mean, running_var and "
                     "num_batches_tracked, in that order.")
    for name, value in [("weight", torch.ones(3)), ("bias", torch.zeros(3))]:
        assert_tensor_close(getattr(bn, name).detach(), value, call=f"BatchNorm2d(3).{name}")
    assert_tensor_close(bn.running_mean, torch.zeros(3), call="BatchNorm2d(3).running_mean")
    assert_tensor_close(bn.running_var, torch.ones(3), call="BatchNorm2d(3).running_var")
    nbt = bn.num_batches_tracked
    if nbt.dtype != torch.int64 or nbt.item() != 0:
        fail(f"num_batches_tracked is {describe(nbt)} = {nbt.item()}, expected int64 0",
             kind="dtype")


def test_biased_variance_hand_checked(room):
    """One channel holding 0, 1, 2, 3: mean 1.5, biased variance 1.25 in output and running_var."""
    bn = _make(room, 1, momentum=1.0)
    x = torch.tensor([[[[0.0, 1.0]]], [[[2.0, 3.0]]]])  # (2, 1, 1, 2)
    got = call(bn, x)
    expected = (x - 1.5) / torch.sqrt(torch.tensor(1.25 + 1e-5))
    assert_tensor_close(got, expected, call="BatchNorm2d(1)(x) on 0, 1, 2, 3",
                        dims="batch channels height width")
    assert_tensor_close(_buffer(bn, "running_var").detach(), torch.tensor([1.25]),
                        call="running_var after one batch with momentum=1")


def test_train_mode_normalises_each_channel(room):
    """Train mode on a random (4, 3, 3, 2) batch with a set weight and bias, against the formula."""
    torch.manual_seed(fresh_seed(0))
    bn = _make(room, 3)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
    x = torch.randn(4, 3, 3, 2) * torch.tensor([1.0, 3.0, 0.2]).reshape(1, 3, 1, 1) + 2.0
    mean, var = _batch_stats(x)
    got = call(bn, x)
    assert_tensor_close(got, _oracle(x, mean, var, bn.weight.detach(), bn.bias.detach()),
                        call="BatchNorm2d(3)(x) in train mode", dims="batch channels height width",
                        atol=1e-5)


def test_running_stats_follow_momentum(room):
    """After one batch: running_mean = 0.1*mean, running_var = 0.9 + 0.1*var, count 1, no grad."""
    torch.manual_seed(fresh_seed(1))
    bn = _make(room, 2)
    x = (torch.randn(3, 2, 4, 4) * 2 + 1).requires_grad_(True)
    call(bn, x)
    mean, var = _batch_stats(x.detach())
    rm, rv = _buffer(bn, "running_mean"), _buffer(bn, "running_var")
    assert_tensor_close(rm.detach(), 0.1 * mean, call="running_mean after one batch")
    assert_tensor_close(rv.detach(), 0.9 + 0.1 * var, call="running_var after one batch",
                        atol=1e-5)
    assert_equal(int(_buffer(bn, "num_batches_tracked")), 1,
                 call="num_batches_tracked after one batch")
    if rm.requires_grad or rv.requires_grad:
        fail("the running statistics require grad after a forward pass: update them under "
             "torch.no_grad() (or from detached statistics)", kind="value",
             details="Otherwise every batch's graph stays attached to the buffers.")


def test_momentum_closed_form_over_30_batches(room):
    """momentum=0.6, one batch 30 times: running_mean = (1 - 0.4^(i+1)) * mean after call i."""
    torch.manual_seed(fresh_seed(2))
    bn = _make(room, 3, momentum=0.6)
    x = torch.randn(8, 3, 2, 2) + torch.tensor([-2.0, 0.5, 3.0]).reshape(1, 3, 1, 1)
    mean, _ = _batch_stats(x)
    for i in range(30):
        call(bn, x)
        assert_tensor_close(_buffer(bn, "running_mean").detach(), (1 - 0.4 ** (i + 1)) * mean,
                            call=f"running_mean after {i + 1} batches", atol=1e-5)
    assert_equal(int(_buffer(bn, "num_batches_tracked")), 30,
                 call="num_batches_tracked after 30 batches")


def test_eval_mode_uses_running_stats(room):
    """In eval mode the output uses running_mean/var, and no buffer changes."""
    torch.manual_seed(fresh_seed(3))
    bn = _make(room, 2)
    with torch.no_grad():
        _buffer(bn, "running_mean").copy_(torch.tensor([0.5, -1.0]))
        _buffer(bn, "running_var").copy_(torch.tensor([4.0, 0.25]))
        bn.weight.copy_(torch.tensor([2.0, 1.0]))
        bn.bias.copy_(torch.tensor([0.0, 1.0]))
    bn.eval()
    x = torch.randn(5, 2, 3, 3)
    got = call(bn, x)
    expected = _oracle(x, torch.tensor([0.5, -1.0]), torch.tensor([4.0, 0.25]),
                       torch.tensor([2.0, 1.0]), torch.tensor([0.0, 1.0]))
    assert_tensor_close(got, expected, call="BatchNorm2d(2).eval()(x)",
                        dims="batch channels height width", atol=1e-5)
    assert_tensor_close(_buffer(bn, "running_mean").detach(), torch.tensor([0.5, -1.0]),
                        call="running_mean after an eval-mode forward (should not change)")
    assert_tensor_close(_buffer(bn, "running_var").detach(), torch.tensor([4.0, 0.25]),
                        call="running_var after an eval-mode forward (should not change)")
    assert_equal(int(_buffer(bn, "num_batches_tracked")), 0,
                 call="num_batches_tracked after an eval-mode forward")
