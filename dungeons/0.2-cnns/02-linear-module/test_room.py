"""Cases for Linear: parameters (names, shapes, order, Parameter-ness), init bound, forward."""

import math

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, describe, fail


def _layout(module):
    return [(name, tuple(p.shape)) for name, p in module.named_parameters()]


def _check_layout(mine, ref, what):
    got, expected = _layout(mine), _layout(ref)
    if not got:
        fail(f"{what} has no parameters at all: wrap the tensors in nn.Parameter(...) so the "
             "module registers them", kind="type",
             details="A plain tensor stored on self is invisible to parameters(), state_dict() "
                     "and optimisers.")
    if got != expected:
        fail(f"{what} has parameters {got}, expected {expected} (names, shapes and order of "
             "nn.Linear's)", kind="shape",
             details="Name them `weight` then `bias`; weight is (out_features, in_features). "
                     "With bias=False there is no bias parameter: set self.bias = None.")


def test_parameter_names_shapes_and_order(room):
    """Linear(5, 3) owns weight (3, 5) then bias (3,), both nn.Parameters."""
    mine = room.Linear(5, 3)
    _check_layout(mine, nn.Linear(5, 3), "Linear(5, 3)")
    if not isinstance(mine.weight, nn.Parameter) or not isinstance(mine.bias, nn.Parameter):
        fail("Linear(5, 3).weight and .bias must be nn.Parameter", kind="type")


def test_no_bias_means_bias_is_none(room):
    """Linear(4, 2, bias=False) has only a weight, and .bias is None."""
    mine = room.Linear(4, 2, bias=False)
    _check_layout(mine, nn.Linear(4, 2, bias=False), "Linear(4, 2, bias=False)")
    if getattr(mine, "bias", "missing") is not None:
        fail(f"Linear(4, 2, bias=False).bias is {describe(getattr(mine, 'bias', 'missing'))}, "
             "expected None", kind="value")
    x = torch.randn(3, 4)
    with torch.no_grad():
        got = call(mine, x)
    assert_tensor_close(got, x @ mine.weight.detach().T, call="Linear(4, 2, bias=False)(x)",
                        dims="batch out")


def test_init_is_uniform_within_the_fan_in_bound(room):
    """Linear(400, 100): weights and biases fill [-1/20, 1/20] (bound 1/sqrt(in_features))."""
    torch.manual_seed(fresh_seed(0))
    mine = room.Linear(400, 100)
    bound = 1 / math.sqrt(400)
    for name in ("weight", "bias"):
        p = getattr(mine, name).detach()
        lo, hi = p.min().item(), p.max().item()
        if hi > bound + 1e-6 or lo < -bound - 1e-6:
            fail(f"{name} ranges over [{lo:.4f}, {hi:.4f}], outside +-1/sqrt(400) = +-{bound:.4f}",
                 kind="value", details="Draw uniformly in [-b, b] with b = 1/sqrt(in_features). "
                                       "torch.randn is not bounded.")
        need = 0.97 if name == "weight" else 0.85
        if hi < need * bound or lo > -need * bound:
            fail(f"{name} only ranges over [{lo:.4f}, {hi:.4f}]; expected it to fill "
                 f"[-{bound:.4f}, {bound:.4f}]", kind="value",
                 details="The bound is 1/sqrt(in_features) (here 1/20), not 1/in_features or "
                         "1/sqrt(out_features). And it is symmetric around 0.")
    w = mine.weight.detach()
    if abs(w.std().item() - bound / math.sqrt(3)) > 0.05 * bound:
        fail(f"weight std is {w.std().item():.4f}; a uniform draw in [-b, b] has std "
             f"b/sqrt(3) = {bound / math.sqrt(3):.4f}", kind="value")
    if abs(w.mean().item()) > 0.02 * bound:
        fail(f"weight mean is {w.mean().item():.4f}, expected about 0: centre the uniform "
             "draw on 0", kind="value")


def test_forward_matches_nn_linear_after_loading(room):
    """nn.Linear(512, 64)'s weights load into Linear(512, 64); outputs agree on (10, 512)."""
    torch.manual_seed(fresh_seed(1))
    ref = nn.Linear(512, 64)
    mine = room.Linear(512, 64)
    _check_layout(mine, ref, "Linear(512, 64)")
    mine.load_state_dict(ref.state_dict())
    x = torch.randn(10, 512)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="Linear(512, 64)(x)", dims="batch out",
                            atol=1e-5)


def test_many_leading_dims(room):
    """x of shape (2, 3, 4, 6) maps to (2, 3, 4, 5): only the last axis is mixed."""
    torch.manual_seed(fresh_seed(2))
    ref = nn.Linear(6, 5)
    mine = room.Linear(6, 5)
    mine.load_state_dict(ref.state_dict())
    x = torch.randn(2, 3, 4, 6)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="Linear(6, 5)(x) for x (2, 3, 4, 6)",
                            dims="a b c out")


def test_extra_repr_names_the_sizes(room):
    """repr(Linear(7, 2, bias=False)) mentions in_features=7, out_features=2, bias=False."""
    text = repr(room.Linear(7, 2, bias=False))
    for part in ("in_features=7", "out_features=2", "bias=False"):
        if part not in text:
            fail(f"repr(Linear(7, 2, bias=False)) is {text!r}: it should mention {part!r}",
                 kind="value", details="Return the text from extra_repr(); nn.Module puts it "
                                       "inside Linear(...).")
