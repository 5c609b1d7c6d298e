"""Cases for ResidualBlock: parameter counts (no needless projection), shapes, the final ReLU,
and outputs against a reference built here, with weights copied by position."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail


def _reference(cin, cout, stride):
    left = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(), nn.Conv2d(cout, cout, 3, 1, 1, bias=False),
                         nn.BatchNorm2d(cout))
    if stride == 1 and cin == cout:
        right = nn.Identity()
    else:
        right = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.left, self.right = left, right

        def forward(self, x):
            return torch.relu(self.left(x) + self.right(x))

    return Block()


def _count(module):
    return sum(p.numel() for p in module.parameters())


def _check_count(room, cin, cout, stride):
    mine = room.ResidualBlock(cin, cout, stride)
    got, expected = _count(mine), _count(_reference(cin, cout, stride))
    what = f"ResidualBlock({cin}, {cout}, first_stride={stride})"
    if got != expected:
        needs = not (stride == 1 and cin == cout)
        extra = got - expected
        proj = cin * cout + 2 * cout
        if not needs and extra == proj:
            why = ("the right branch has a 1x1 conv + batch norm, but here the shapes already "
                   "agree: use nn.Identity()")
        elif needs and extra == -proj:
            why = "the right branch is missing its 1x1 conv + batch norm: the shapes differ here"
        elif extra > 0 and extra % cout == 0 and extra // cout in (2, 3):
            why = "the convs seem to have biases: pass bias=False"
        else:
            why = "compare your layers with the brief, one by one"
        fail(f"{what} has {got} parameters, expected {expected}: {why}", kind="value")
    return mine


def _randomised_copy(room, cin, cout, stride):
    """The player's block holding the same random weights and running stats as a reference."""
    torch.manual_seed(cin * 100 + cout * 10 + stride)
    mine = _check_count(room, cin, cout, stride)
    ref = _reference(cin, cout, stride)
    with torch.no_grad():
        for name, v in ref.state_dict().items():
            if v.dtype.is_floating_point:
                v.copy_(torch.rand_like(v) + 0.5 if "running_var" in name else torch.randn_like(v) * 0.5)
    ours = list(ref.state_dict().items())
    theirs = list(mine.state_dict().items())
    layout = [(k, tuple(v.shape)) for k, v in theirs]
    want = [(k, tuple(v.shape)) for k, v in ours]
    if len(theirs) != len(ours) or any(a[1] != b[1] for a, b in zip(layout, want)):
        fail("the order or shapes of the block's weights and buffers differ from the brief's",
             kind="shape", details=f"yours:    {layout}\nexpected: {want}\n"
                                   "Declare left before right, and each branch's layers in order.")
    mine.load_state_dict({k: v for (k, _), (_, v) in zip(theirs, ours)})
    return mine, ref


def test_identity_shortcut_owns_no_parameters(room):
    """ResidualBlock(8, 8): two 3x3 convs and two batch norms, 1,184 parameters, nothing more."""
    _check_count(room, 8, 8, 1)


def test_projection_when_channels_change(room):
    """ResidualBlock(4, 8): the shortcut needs a 1x1 conv (4 -> 8) and a batch norm: 944 parameters."""
    _check_count(room, 4, 8, 1)


def test_projection_when_stride_is_2(room):
    """ResidualBlock(8, 8, first_stride=2): same channels, but stride 2 needs the 1x1 conv too."""
    _check_count(room, 8, 8, 2)


def test_output_shapes(room):
    """(1, 3, 64, 64) through (3, 3, 1) stays put; (2, 4, 9, 9) through (4, 8, 2) gives (2, 8, 5, 5)."""
    torch.manual_seed(fresh_seed(0))
    with torch.no_grad():
        out = call(room.ResidualBlock(3, 3), torch.randn(1, 3, 64, 64))
        assert_equal(tuple(out.shape), (1, 3, 64, 64), call="ResidualBlock(3, 3)(x).shape")
        out = call(room.ResidualBlock(4, 8, 2), torch.randn(2, 4, 9, 9))
        assert_equal(tuple(out.shape), (2, 8, 5, 5), call="ResidualBlock(4, 8, 2)(x).shape")


def test_output_is_relu_of_the_sum(room):
    """The block's output is never negative: a ReLU comes after left(x) + right(x)."""
    mine, _ = _randomised_copy(room, 4, 4, 1)
    torch.manual_seed(fresh_seed(5))
    with torch.no_grad():
        out = call(mine, torch.randn(2, 4, 6, 6))
    if out.min() < 0:
        fail(f"the output has negative values (min {out.min().item():.3f}): apply a ReLU to "
             "left(x) + right(x)", kind="value")


def test_matches_reference_in_train_mode(room):
    """With the same weights, (3, 4, 7, 7) through (4, 6, 2) matches the reference in train mode."""
    mine, ref = _randomised_copy(room, 4, 6, 2)
    mine.train()
    ref.train()
    torch.manual_seed(fresh_seed(6))
    x = torch.randn(3, 4, 7, 7)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ResidualBlock(4, 6, 2)(x), train mode",
                            dims="batch out_feats out_height out_width", atol=1e-4)


def test_matches_reference_in_eval_mode(room):
    """With the same weights and running stats, (2, 5, 6, 6) through (5, 5, 1) matches in eval mode."""
    mine, ref = _randomised_copy(room, 5, 5, 1)
    mine.eval()
    ref.eval()
    torch.manual_seed(fresh_seed(7))
    x = torch.randn(2, 5, 6, 6)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="ResidualBlock(5, 5)(x), eval mode",
                            dims="batch out_feats out_height out_width", atol=1e-4)
