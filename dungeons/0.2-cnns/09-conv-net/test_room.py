"""Cases for ConvNet: parameter count, layer names and order, shapes inside, forward."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail

NAMES = ["conv1", "relu1", "maxpool1", "conv2", "relu2", "maxpool2", "flatten", "fc1",
         "relu3", "fc2"]


def _reference():
    torch.manual_seed(fresh_seed(0))
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))


def _loaded(room):
    ref = _reference()
    mine = room.ConvNet()
    names = [n for n, _ in mine.named_children()]
    if names != NAMES:
        fail(f"ConvNet()'s sub-modules are {names}, expected {NAMES}", kind="value")
    state = {f"{NAMES[int(k.split('.')[0])]}.{k.split('.')[1]}": v
             for k, v in ref.state_dict().items()}
    try:
        mine.load_state_dict(state)
    except RuntimeError as exc:
        fail("could not load the reference weights: " + " ".join(line.strip() for line in str(exc).splitlines()[:2]),
             kind="shape", details=str(exc))
    return mine, ref


def test_has_53002_parameters(room):
    """320 + 18,496 + 32,896 + 1,290 = 53,002 parameters."""
    n = sum(p.numel() for p in room.ConvNet().parameters())
    if n == 0:
        fail("ConvNet() has no parameters: assign the layers to attributes of self",
             kind="type")
    assert_equal(n, 53002, call="the parameter count of ConvNet()")


def test_layers_named_and_ordered(room):
    """The ten sub-modules are conv1, relu1, maxpool1, ..., fc2, in the brief's order."""
    mine = room.ConvNet()
    names = [n for n, _ in mine.named_children()]
    if names != NAMES:
        fail(f"ConvNet()'s sub-modules are {names}, expected {NAMES}", kind="value")


def test_shapes_inside_the_network(room):
    """For (3, 1, 8, 8): maxpool1 gives (3, 32, 4, 4), maxpool2 (3, 64, 2, 2), flatten (3, 256)."""
    mine = room.ConvNet()
    expected = {"conv1": (3, 32, 8, 8), "maxpool1": (3, 32, 4, 4), "conv2": (3, 64, 4, 4),
                "maxpool2": (3, 64, 2, 2), "flatten": (3, 256), "fc1": (3, 128),
                "fc2": (3, 10)}
    seen = {}

    def record(name):
        def hook(module, inputs, output):
            seen.setdefault(name, tuple(output.shape))
        return hook

    handles = [getattr(mine, name).register_forward_hook(record(name))
               for name in expected if isinstance(getattr(mine, name, None), nn.Module)]
    crash = None
    try:
        with torch.no_grad():
            call(mine, torch.zeros(3, 1, 8, 8))
    except RuntimeError as exc:
        crash = str(exc).splitlines()[0]
    finally:
        for h in handles:
            h.remove()
    for name, shape in expected.items():
        if name not in seen and crash is not None:
            fail(f"the forward pass crashed before {name} produced its output: {crash}",
                 kind="shape", details=f"shapes seen so far: {seen}")
        if seen.get(name) != shape:
            fail(f"after {name} the activations have shape {seen.get(name)}, expected {shape}",
                 kind="shape", details=f"all shapes seen: {seen}")


def test_forward_matches_reference(room):
    """With the reference's weights loaded, logits on 4 random images agree."""
    mine, ref = _loaded(room)
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(4, 1, 8, 8)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ConvNet()(x) for x (4, 1, 8, 8)",
                            dims="batch classes", atol=1e-5)


def test_single_image(room):
    """One image (1, 1, 8, 8) gives logits (1, 10)."""
    mine, ref = _loaded(room)
    x = torch.zeros(1, 1, 8, 8)
    x[0, 0, 1:7, 4] = 1.0
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ConvNet()(x) for x (1, 1, 8, 8)",
                            dims="batch classes", atol=1e-5)
