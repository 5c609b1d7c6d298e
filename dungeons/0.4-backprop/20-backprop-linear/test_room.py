"""Cases for Linear: registered Parameters, init range, forward values, gradients vs torch."""

import numpy as np
import torch

import backprop_framework as framework  # the given module the player's file imports
from arena_dungeon.testing import describe, fail, load_asset_module

ref = load_asset_module(__file__, "framework_reference")


def _layer(room, *args, **kwargs):
    np.random.seed(0)
    layer = room.Linear(*args, **kwargs)
    if not isinstance(layer, framework.Module):
        fail(f"Linear(...) is {describe(layer)}, expected a Module", kind="type")
    return layer


def _param(room, layer, name, shape):
    p = getattr(layer, name, None)
    if not isinstance(p, framework.Parameter):
        fail(f"Linear(3, 4).{name} is {describe(p)}, expected a Parameter of shape {shape}",
             kind="type", details="Wrap the Tensor: Parameter(Tensor(array)).")
    if p.shape != shape:
        fail(f"Linear(3, 4).{name} has shape {p.shape}, expected {shape} "
             "(weight is (out_features, in_features), like torch.nn.Linear)", kind="shape")
    return p


def test_parameters_are_registered(room):
    """Linear(3, 4): weight (4, 3) and bias (4,) are Parameters that parameters() yields."""
    layer = _layer(room, 3, 4)
    w = _param(room, layer, "weight", (4, 3))
    b = _param(room, layer, "bias", (4,))
    if not (w.requires_grad and b.requires_grad):
        fail("the weight and bias must require grad", kind="value")
    got = list(layer.parameters())
    if len(got) != 2 or got[0] is not w or got[1] is not b:
        fail(f"list(Linear(3, 4).parameters()) has {len(got)} items, expected [weight, bias]",
             kind="value", details="Call super().__init__() first, then assign Parameters "
                                   "as attributes: Module.__setattr__ registers them.")


def test_no_bias(room):
    """Linear(3, 4, bias=False): bias is None and parameters() yields only the weight."""
    layer = _layer(room, 3, 4, bias=False)
    if getattr(layer, "bias", "missing") is not None:
        fail(f"Linear(3, 4, bias=False).bias is {describe(getattr(layer, 'bias', None))}, "
             "expected None", kind="value")
    got = list(layer.parameters())
    if len(got) != 1:
        fail(f"Linear(3, 4, bias=False) has {len(got)} parameters, expected 1", kind="value")
    out = layer(framework.Tensor(np.ones((2, 3))))
    ref.check_array(out.array, np.ones((2, 3)) @ layer.weight.array.T,
                    call="Linear(3, 4, bias=False)(ones (2, 3)).array")


def test_init_range(room):
    """Linear(100, 400): weights and biases spread uniformly over [-0.1, 0.1]."""
    layer = _layer(room, 100, 400)
    for name in ("weight", "bias"):
        arr = getattr(layer, name).array
        lo, hi = float(arr.min()), float(arr.max())
        if lo < -0.1 - 1e-6 or hi > 0.1 + 1e-6:
            fail(f"Linear(100, 400).{name} ranges over [{lo:.4f}, {hi:.4f}], expected inside "
                 "[-0.1, 0.1] = ±1/sqrt(in_features)", kind="value")
        if hi < 0.09 or lo > -0.09 or arr.std() < 0.045:
            fail(f"Linear(100, 400).{name} ranges over [{lo:.4f}, {hi:.4f}] (std "
                 f"{arr.std():.4f}), expected a uniform spread over [-0.1, 0.1] (std 0.058)",
                 kind="value")


def test_forward_values(room):
    """Linear(3, 4) on a (5, 3) input equals x @ weight.T + bias computed with numpy."""
    layer = _layer(room, 3, 4)
    xv = np.random.default_rng(14).normal(size=(5, 3)).astype(np.float32)
    out = layer(framework.Tensor(xv))
    if not isinstance(out, framework.Tensor):
        fail(f"Linear(3, 4)(x) returned {describe(out)}, expected a Tensor", kind="type")
    ref.check_array(out.array, xv @ layer.weight.array.T + layer.bias.array,
                    call="Linear(3, 4)(x (5, 3)).array", dims="5 4")


def test_backward_matches_torch(room):
    """(layer(x) * g).sum().backward(): weight, bias and x gradients equal torch.nn.Linear's."""
    layer = _layer(room, 3, 4)
    rng = np.random.default_rng(15)
    xv, g = rng.normal(size=(5, 3)).astype(np.float32), rng.normal(size=(5, 4))
    x = framework.Tensor(xv, requires_grad=True)
    out = layer(x)
    if not out.requires_grad:
        fail("layer(x) does not require grad: the output must be built with framework ops",
             kind="value")
    (out * framework.Tensor(g)).sum().backward()
    tl = torch.nn.Linear(3, 4).double()
    with torch.no_grad():
        tl.weight.copy_(torch.tensor(layer.weight.array))
        tl.bias.copy_(torch.tensor(layer.bias.array))
    tx = torch.tensor(xv, dtype=torch.float64, requires_grad=True)
    (tl(tx) * torch.tensor(g)).sum().backward()
    ref.check_grad(layer.weight, tl.weight.grad.numpy(), name="weight", where="(layer(x) * g).sum()")
    ref.check_grad(layer.bias, tl.bias.grad.numpy(), name="bias", where="(layer(x) * g).sum()")
    ref.check_grad(x, tx.grad.numpy(), name="x", where="(layer(x) * g).sum()")


def test_inside_a_bigger_module(room):
    """Two Linears inside a Module: parameters() finds all four, in assignment order."""

    class Net(framework.Module):
        def __init__(self):
            super().__init__()
            self.first = room.Linear(3, 5)
            self.second = room.Linear(5, 2)

        def forward(self, x):
            return self.second(framework.relu(self.first(x)))

    np.random.seed(1)
    net = Net()
    params = list(net.parameters())
    expected = [net.first.weight, net.first.bias, net.second.weight, net.second.bias]
    if len(params) != 4 or any(p is not e for p, e in zip(params, expected)):
        fail(f"a Module holding Linear(3, 5) and Linear(5, 2) has {len(params)} parameters, "
             "expected 4: first.weight, first.bias, second.weight, second.bias", kind="value")
    out = net(framework.Tensor(np.ones((2, 3))))
    if getattr(out, "shape", None) != (2, 2):
        fail(f"the two-layer net returned {describe(out)} of shape "
             f"{getattr(out, 'shape', None)}, expected (2, 2)", kind="shape")
