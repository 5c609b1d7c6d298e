"""Cases for initialize_weights: the statistics of each layer type's weights (mean, std within
0.005; every weight is set to 0.5 first), batch norm, nesting, untouched biases, and in-place operation."""

import torch
from einops.layers.torch import Rearrange
from torch import nn

from arena_dungeon.testing import call, describe, fail


def _stats(w):
    w = w.detach()
    return w.mean().item(), w.std().item()


def _check(w, mean, std, label, tol=0.005):
    m, s = _stats(w)
    if abs(m - mean) > tol or abs(s - std) > tol:
        fail(f"{label} has mean {m:.4f} and std {s:.4f}, expected mean {mean} and std {std}",
             kind="value",
             details="All weights were set to 0.5 before the call: a layer your loop never "
                     "reached still reads mean 0.5, std 0." if s == 0 else
                     "Draw it with nn.init.normal_(weight, mean, std)."
                     if abs(s - std) > tol else "")


def _init(room, model, label):
    """Fill every weight with 0.5 first, so a layer left untouched stands out."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(getattr(m, "weight", None), torch.Tensor):
                m.weight.fill_(0.5)
    torch.manual_seed(0)
    out = call(room.initialize_weights, model)
    if out is not None:
        fail(f"initialize_weights({label}) returned {describe(out)}, expected None: change "
             "the model in place", kind="type")


def test_linear_weights(room):
    """Linear(50, 50): weight mean 0, std 0.02."""
    layer = nn.Linear(50, 50)
    _init(room, layer, "nn.Linear(50, 50)")
    _check(layer.weight, 0.0, 0.02, "Linear(50, 50).weight")


def test_conv_weights(room):
    """Conv2d(50, 50, 4, 2, 1): weight mean 0, std 0.02."""
    layer = nn.Conv2d(50, 50, 4, 2, 1)
    _init(room, layer, "nn.Conv2d(50, 50, 4, 2, 1)")
    _check(layer.weight, 0.0, 0.02, "Conv2d(50, 50, 4, 2, 1).weight")


def test_conv_transpose_weights(room):
    """ConvTranspose2d(50, 50, 4, 2, 1): weight mean 0, std 0.02 (it is not a Conv2d subclass)."""
    layer = nn.ConvTranspose2d(50, 50, 4, 2, 1)
    _init(room, layer, "nn.ConvTranspose2d(50, 50, 4, 2, 1)")
    _check(layer.weight, 0.0, 0.02, "ConvTranspose2d(50, 50, 4, 2, 1).weight")


def test_batchnorm_weight_and_bias(room):
    """BatchNorm2d(2000): weight mean 1, std 0.02; bias exactly 0."""
    bn = nn.BatchNorm2d(2000)
    with torch.no_grad():
        bn.bias.fill_(0.3)
    _init(room, bn, "nn.BatchNorm2d(2000)")
    _check(bn.weight, 1.0, 0.02, "BatchNorm2d(2000).weight")
    if not torch.equal(bn.bias.detach(), torch.zeros(2000)):
        fail(f"BatchNorm2d(2000).bias has values from {bn.bias.min().item():.3g} to "
             f"{bn.bias.max().item():.3g}, expected all 0", kind="value")


def test_nested_model(room):
    """A Sequential inside a Sequential (like a DCGAN): every layer at every depth is initialised."""
    torch.manual_seed(1)
    model = nn.Sequential(
        nn.Sequential(nn.ConvTranspose2d(40, 40, 4, 2, 1), nn.BatchNorm2d(40), nn.ReLU()),
        nn.Sequential(nn.Conv2d(40, 40, 4, 2, 1), nn.LeakyReLU(0.2)),
        Rearrange("b c h w -> b (c h w)"),
        nn.Sequential(nn.Sequential(nn.Linear(40, 60, bias=False))),
    )
    _init(room, model, "a nested nn.Sequential")
    _check(model[0][0].weight, 0.0, 0.02, "model[0][0] (ConvTranspose2d).weight")
    _check(model[0][1].weight, 1.0, 0.02, "model[0][1] (BatchNorm2d).weight", tol=0.01)
    _check(model[1][0].weight, 0.0, 0.02, "model[1][0] (Conv2d).weight")
    _check(model[3][0][0].weight, 0.0, 0.02, "model[3][0][0] (Linear, two levels down).weight")


def test_other_biases_untouched(room):
    """Conv and Linear biases keep their values, and the parameters stay the same objects."""
    torch.manual_seed(2)
    model = nn.Sequential(nn.Conv2d(8, 8, 3), nn.Linear(30, 30))
    before = [p.detach().clone() for p in (model[0].bias, model[1].bias)]
    ids = [id(p) for p in model.parameters()]
    _init(room, model, "nn.Sequential(Conv2d, Linear)")
    if [id(p) for p in model.parameters()] != ids:
        fail("initialize_weights replaced parameter objects: fill them in place "
             "(nn.init.normal_), so an optimiser built earlier still sees them", kind="value")
    for name, b, p in zip(("Conv2d", "Linear"), before, (model[0].bias, model[1].bias)):
        if not torch.equal(p.detach(), b):
            fail(f"the {name}'s bias changed; DCGAN initialisation only sets those layers' "
                 "weights", kind="value")
