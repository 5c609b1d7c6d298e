"""Cases for ResNet34: the exact parameter count and layout, output shapes, other group lists,
and logits against a reference built here (small configurations, weights copied by position).
The full-size model is built once and only run on one 64x64 image."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail

DEFAULT = ([3, 4, 6, 3], [64, 128, 256, 512], [1, 2, 2, 2], 1000)


class _Block(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.left = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False),
                                  nn.BatchNorm2d(cout), nn.ReLU(),
                                  nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.right = nn.Identity() if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return torch.relu(self.left(x) + self.right(x))


def _reference(blocks, feats, strides, n_classes):
    ins = [64] + feats[:-1]
    groups = [nn.Sequential(_Block(i, o, s), *[_Block(o, o) for _ in range(n - 1)])
              for n, i, o, s in zip(blocks, ins, feats, strides)]
    return nn.Sequential(
        nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.MaxPool2d(3, 2, 1), *groups, nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(feats[-1], n_classes))


def _count(module):
    return sum(p.numel() for p in module.parameters())


_CACHE = {}


def _default(room):
    if "model" not in _CACHE:
        torch.manual_seed(fresh_seed(0))
        _CACHE["model"] = room.ResNet34()
    return _CACHE["model"]


def _layout(module):
    return [tuple(v.shape) for v in module.state_dict().values()]


def _check_layout(mine, ref, what):
    got, want = _layout(mine), _layout(ref)
    if got != want:
        first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        names = list(mine.state_dict())
        ref_names = list(ref.state_dict())
        fail(f"{what}: {len(got)} weights and buffers, expected {len(want)}; the first "
             f"difference is at position {first}", kind="shape",
             details=f"yours there: {names[first] if first < len(names) else '(none)'} "
                     f"{got[first] if first < len(got) else ''}\nexpected: "
                     f"{ref_names[first] if first < len(ref_names) else '(none)'} "
                     f"{want[first] if first < len(want) else ''}")


def _randomised_pair(room, blocks, feats, strides, n_classes):
    torch.manual_seed(sum(feats) + n_classes)
    mine = room.ResNet34(blocks, feats, strides, n_classes)
    ref = _reference(blocks, feats, strides, n_classes)
    _check_layout(mine, ref, f"ResNet34({blocks}, {feats}, {strides}, {n_classes})")
    with torch.no_grad():
        for name, v in ref.state_dict().items():
            if v.dtype.is_floating_point:
                v.copy_(torch.rand_like(v) + 0.5 if "running_var" in name
                        else torch.randn_like(v) * 0.2)
    theirs = list(mine.state_dict())
    mine.load_state_dict(dict(zip(theirs, ref.state_dict().values())))
    return mine, ref


def test_parameter_count_is_21_797_672(room):
    """ResNet34() with the default lists has exactly 21,797,672 parameters."""
    n = _count(_default(room))
    if n == 0:
        fail("ResNet34() has no parameters: register the stages as attributes", kind="type")
    assert_equal(n, 21_797_672, call="the parameter count of ResNet34()")


def test_weights_in_the_standard_order(room):
    """Every weight and buffer of ResNet34(), in order, has the reference's shape."""
    torch.manual_seed(fresh_seed(0))
    _check_layout(_default(room), _reference(*DEFAULT), "ResNet34()")


def test_output_shape_on_a_64x64_image(room):
    """ResNet34().eval() maps one (1, 3, 64, 64) image to logits (1, 1000)."""
    model = _default(room).eval()
    torch.manual_seed(fresh_seed(1))
    with torch.no_grad():
        out = call(model, torch.randn(1, 3, 64, 64))
    assert_equal(tuple(out.shape), (1, 1000), call="ResNet34()(x).shape for x (1, 3, 64, 64)")


def test_custom_group_lists(room):
    """ResNet34([2, 1], [16, 32], [1, 2], n_classes=5): two groups, 5 classes; count and shape."""
    args = ([2, 1], [16, 32], [1, 2], 5)
    torch.manual_seed(fresh_seed(2))
    mine = room.ResNet34(*args)
    assert_equal(_count(mine), _count(_reference(*args)),
                 call="the parameter count of ResNet34([2, 1], [16, 32], [1, 2], 5)")
    with torch.no_grad():
        out = call(mine.eval(), torch.randn(2, 3, 32, 32))
    assert_equal(tuple(out.shape), (2, 5), call="ResNet34([2, 1], ...)(x).shape for x (2, 3, 32, 32)")


def test_logits_match_reference_in_eval_mode(room):
    """ResNet34([1, 1, 1, 1], [8, 16, 32, 64], [1, 2, 2, 2], 7) with copied weights, eval mode."""
    mine, ref = _randomised_pair(room, [1, 1, 1, 1], [8, 16, 32, 64], [1, 2, 2, 2], 7)
    mine.eval()
    ref.eval()
    torch.manual_seed(fresh_seed(3))
    x = torch.randn(2, 3, 40, 40)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ResNet34(small)(x), eval mode",
                            dims="batch n_classes", atol=1e-4, rtol=1e-4)


def test_logits_match_reference_in_train_mode(room):
    """ResNet34([2, 1], [8, 12], [1, 2], 3) with copied weights, train mode (batch statistics)."""
    mine, ref = _randomised_pair(room, [2, 1], [8, 12], [1, 2], 3)
    mine.train()
    ref.train()
    torch.manual_seed(fresh_seed(4))
    x = torch.randn(4, 3, 24, 24)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ResNet34(small)(x), train mode",
                            dims="batch n_classes", atol=1e-4, rtol=1e-4)
