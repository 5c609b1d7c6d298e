"""Cases for find_nan_module: the NaN layer in a Sequential, execution order vs declaration
order, nested names, inf is not NaN, a healthy model, NaN in the input, hooks removed."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, call, fail


class Log(nn.Module):
    """Elementwise log: NaN wherever its input is negative."""

    def forward(self, x):
        return torch.log(x)


class Blow(nn.Module):
    """Multiplies by 1e30 twice: float32 overflows to +-inf, but no NaN yet."""

    def forward(self, x):
        return x * 1e30 * 1e30


class SelfDiff(nn.Module):
    """x - x: NaN wherever x is infinite."""

    def forward(self, x):
        return x - x


class BackToFront(nn.Module):
    """Declares head before body but runs body first."""

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(3, 2)
        self.body = Log()

    def forward(self, x):
        return self.head(self.body(x))


def _hooks_left(model):
    return [name or "(root)" for name, m in model.named_modules()
            if m._forward_hooks or m._forward_pre_hooks]


def _ask(room, model, x, expected, what):
    torch.manual_seed(fresh_seed(0))
    got = call(room.find_nan_module, model, x)
    assert_equal(got, expected, call=f"find_nan_module({what}, x)")


def test_names_the_nan_layer_in_a_sequential(room):
    """Sequential(Linear, Log, Linear) on inputs that go negative: the culprit is "1"."""
    torch.manual_seed(fresh_seed(0))
    model = nn.Sequential(nn.Linear(4, 4), Log(), nn.Linear(4, 2))
    _ask(room, model, torch.randn(8, 4), "1", "Sequential(Linear, Log, Linear)")


def test_first_in_execution_order(room):
    """head is declared first but body runs first and makes the NaN: the answer is "body"."""
    _ask(room, BackToFront(), torch.tensor([[-1.0, 2.0, 3.0]]), "body",
         "BackToFront() (declares head, body; runs body, head)")


def test_nested_names_use_dots(room):
    """Sequential(Sequential(Linear, Log), Linear): the inner Log, "0.1", not its container "0"."""
    torch.manual_seed(fresh_seed(1))
    model = nn.Sequential(nn.Sequential(nn.Linear(3, 3), Log()), nn.Linear(3, 1))
    _ask(room, model, torch.randn(5, 3), "0.1", "Sequential(Sequential(Linear, Log), Linear)")


def test_inf_is_not_nan(room):
    """Blow makes inf (not NaN); SelfDiff then makes inf - inf = NaN: the answer is "2"."""
    torch.manual_seed(fresh_seed(2))
    model = nn.Sequential(nn.Linear(2, 2), Blow(), SelfDiff(), nn.Linear(2, 2))
    _ask(room, model, torch.randn(3, 2), "2", "Sequential(Linear, Blow, SelfDiff, Linear)")


def test_healthy_model_gives_none(room):
    """A model that never makes NaN: None."""
    torch.manual_seed(fresh_seed(3))
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    _ask(room, model, torch.randn(6, 3), None, "Sequential(Linear, ReLU, Linear)")


def test_nan_in_the_input(room):
    """A NaN already in x: the first layer that runs ("0") outputs it."""
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
    x = torch.tensor([[1.0, float("nan")], [0.5, 0.5]])
    _ask(room, model, x, "0", "Sequential(Linear, ReLU) with a NaN in x")


def test_leaves_no_hooks_behind(room):
    """After a call, with and without a NaN found, no module keeps a hook."""
    torch.manual_seed(fresh_seed(4))
    sick = nn.Sequential(nn.Linear(3, 3), Log(), nn.Sequential(nn.Linear(3, 3), nn.ReLU()))
    call(room.find_nan_module, sick, torch.randn(4, 3))
    left = _hooks_left(sick)
    if left:
        fail(f"hooks are still attached to {left} after find_nan_module returned", kind="value",
             details="Keep the handles from register_forward_hook and call handle.remove() "
                     "on each, in a finally: block.")
    healthy = nn.Sequential(nn.Linear(3, 3), nn.ReLU())
    call(room.find_nan_module, healthy, torch.randn(4, 3))
    left = _hooks_left(healthy)
    if left:
        fail(f"hooks are still attached to {left} after a call that found no NaN",
             kind="value")
