"""Cases for Sequential: registration names, forward order, len, indexing, empty, nesting."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail


def _layers():
    torch.manual_seed(fresh_seed(0))
    return [nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2)]


def test_parameter_names_match_nn_sequential(room):
    """Sequential(Linear(3, 4), ReLU(), Linear(4, 2)) owns 0.weight, 0.bias, 2.weight, 2.bias."""
    layers = _layers()
    mine = room.Sequential(*layers)
    got = [(n, tuple(p.shape)) for n, p in mine.named_parameters()]
    expected = [(n, tuple(p.shape)) for n, p in nn.Sequential(*layers).named_parameters()]
    if not got:
        fail("Sequential(...) has no parameters: the modules were not registered (use "
             "add_module, not a plain list)", kind="type")
    if got != expected:
        fail(f"parameters are {got}, expected {expected}", kind="value")


def test_forward_applies_modules_in_order(room):
    """Linear(3, 4) -> ReLU -> Linear(4, 2) on a (5, 3) batch, against nn.Sequential."""
    layers = _layers()
    mine = room.Sequential(*layers)
    x = torch.randn(5, 3)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), nn.Sequential(*layers)(x),
                            call="Sequential(Linear(3, 4), ReLU(), Linear(4, 2))(x)",
                            dims="batch out")


def test_order_matters(room):
    """Sequential(add one, double) maps 1 to 4, while (double, add one) maps 1 to 3."""
    class AddOne(nn.Module):
        def forward(self, x):
            return x + 1

    class Double(nn.Module):
        def forward(self, x):
            return x * 2

    x = torch.tensor([1.0])
    assert_tensor_close(call(room.Sequential(AddOne(), Double()), x), torch.tensor([4.0]),
                        call="Sequential(AddOne(), Double())(tensor([1.]))")
    assert_tensor_close(call(room.Sequential(Double(), AddOne()), x), torch.tensor([3.0]),
                        call="Sequential(Double(), AddOne())(tensor([1.]))")


def test_len_and_indexing(room):
    """len(seq) == 3 and seq[0], seq[1], seq[2] are the modules passed in."""
    layers = _layers()
    mine = room.Sequential(*layers)
    assert_equal(len(mine), 3, call="len(Sequential(a, b, c))")
    for i, layer in enumerate(layers):
        if mine[i] is not layer:
            fail(f"seq[{i}] is {type(mine[i]).__name__}, expected the module passed in at "
                 f"position {i} ({type(layer).__name__})", kind="value")


def test_negative_index_counts_from_the_end(room):
    """seq[-1] is the last module and seq[-3] the first."""
    layers = _layers()
    mine = room.Sequential(*layers)
    if mine[-1] is not layers[2] or mine[-3] is not layers[0]:
        fail("seq[-1] / seq[-3] did not return the last / first module", kind="value")


def test_empty_sequential_is_the_identity(room):
    """Sequential() returns its input unchanged and has length 0."""
    mine = room.Sequential()
    x = torch.randn(2, 3)
    assert_tensor_close(call(mine, x), x, call="Sequential()(x)", dims="a b")
    assert_equal(len(mine), 0, call="len(Sequential())")


def test_nested_names(room):
    """Sequential(Sequential(Linear(2, 2)), Linear(2, 1)) names 0.0.weight, ..., 1.bias."""
    torch.manual_seed(fresh_seed(1))
    inner, last = nn.Linear(2, 2), nn.Linear(2, 1)
    mine = room.Sequential(room.Sequential(inner), last)
    got = [n for n, _ in mine.named_parameters()]
    expected = ["0.0.weight", "0.0.bias", "1.weight", "1.bias"]
    if got != expected:
        fail(f"parameters are named {got}, expected {expected}", kind="value")
