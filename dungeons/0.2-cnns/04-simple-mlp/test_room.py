"""Cases for SimpleMLP: parameter count, names and order, forward against a reference."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail

NAMES = ["flatten", "linear1", "relu", "linear2"]


class _Reference(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear1 = nn.Linear(64, 100)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(100, 10)

    def forward(self, x):
        return self.linear2(self.relu(self.linear1(self.flatten(x))))


def _loaded(room):
    torch.manual_seed(fresh_seed(0))
    ref = _Reference()
    mine = room.SimpleMLP()
    try:
        mine.load_state_dict(ref.state_dict())
    except RuntimeError as exc:
        fail("could not load the reference weights: " + " ".join(line.strip() for line in str(exc).splitlines()[:2]),
             kind="shape", details="Parameters must be named linear1.weight, linear1.bias, "
                                   "linear2.weight, linear2.bias with nn.Linear's shapes.")
    return mine, ref


def test_has_7510_parameters(room):
    """(64 + 1) * 100 + (100 + 1) * 10 = 7,510 parameters in all."""
    n = sum(p.numel() for p in room.SimpleMLP().parameters())
    if n == 0:
        fail("SimpleMLP() has no parameters: assign the layers to attributes of self "
             "(not a plain list) so the module registers them", kind="type")
    assert_equal(n, 7510, call="the parameter count of SimpleMLP()")


def test_submodules_named_and_ordered(room):
    """The children are flatten, linear1, relu, linear2, in that order, of the right kinds."""
    mine = room.SimpleMLP()
    names = [n for n, _ in mine.named_children()]
    if names != NAMES:
        fail(f"SimpleMLP()'s sub-modules are {names}, expected {NAMES}", kind="value")
    kinds = [type(m).__name__ for _, m in mine.named_children()]
    if kinds != ["Flatten", "Linear", "ReLU", "Linear"]:
        fail(f"the sub-modules are of types {kinds}, expected Flatten, Linear, ReLU, Linear",
             kind="type")
    layout = [(n, tuple(p.shape)) for n, p in mine.named_parameters()]
    expected = [(n, tuple(p.shape)) for n, p in _Reference().named_parameters()]
    if layout != expected:
        fail(f"parameters are {layout}, expected {expected}", kind="shape")


def test_forward_matches_reference(room):
    """With the reference's weights loaded, logits on 5 random images agree."""
    mine, ref = _loaded(room)
    torch.manual_seed(fresh_seed(1))
    x = torch.rand(5, 8, 8)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="SimpleMLP()(x) for x (5, 8, 8)",
                            dims="batch classes")


def test_single_image_batch(room):
    """A batch of one image (1, 8, 8) gives logits (1, 10)."""
    mine, ref = _loaded(room)
    x = torch.zeros(1, 8, 8)
    x[0, 2:6, 3] = 1.0
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="SimpleMLP()(x) for x (1, 8, 8)",
                            dims="batch classes")


def test_relu_sits_between_the_linears(room):
    """Inputs chosen so linear1's outputs are partly negative: ReLU must clip them."""
    mine, ref = _loaded(room)
    torch.manual_seed(fresh_seed(2))
    x = torch.randn(16, 8, 8) * 3
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="SimpleMLP()(x) for x (16, 8, 8)",
                            dims="batch classes")
