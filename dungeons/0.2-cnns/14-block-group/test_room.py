"""Cases for BlockGroup: parameter counts, shapes, and outputs against a reference built here,
with weights copied by position."""

import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_equal, assert_tensor_close, call, fail


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


def _reference(n, cin, cout, stride):
    return nn.Sequential(_Block(cin, cout, stride), *[_Block(cout, cout) for _ in range(n - 1)])


def _count(module):
    return sum(p.numel() for p in module.parameters())


def _check_count(room, n, cin, cout, stride):
    mine = room.BlockGroup(n, cin, cout, stride)
    got, expected = _count(mine), _count(_reference(n, cin, cout, stride))
    if got != expected:
        one = _count(_Block(cout, cout))
        fail(f"BlockGroup({n}, {cin}, {cout}, first_stride={stride}) has {got} parameters, "
             f"expected {expected}", kind="value",
             details=f"One identity block ({cout} -> {cout}) has {one}; the first block "
                     f"({cin} -> {cout}, stride {stride}) has "
                     f"{_count(_Block(cin, cout, stride))}. Is the number of blocks right, and "
                     "does only the first block change channels and stride?")
    return mine


def _randomised_copy(room, n, cin, cout, stride):
    torch.manual_seed(n * 1000 + cin * 10 + cout + stride)
    mine = _check_count(room, n, cin, cout, stride)
    ref = _reference(n, cin, cout, stride)
    with torch.no_grad():
        for name, v in ref.state_dict().items():
            if v.dtype.is_floating_point:
                v.copy_(torch.rand_like(v) + 0.5 if "running_var" in name else torch.randn_like(v) * 0.3)
    ours, theirs = list(ref.state_dict().items()), list(mine.state_dict().items())
    if len(ours) != len(theirs) or any(a.shape != b.shape for (_, a), (_, b) in zip(ours, theirs)):
        fail("the order or shapes of the group's weights and buffers differ from the reference's",
             kind="shape", details="yours: " + str([(k, tuple(v.shape)) for k, v in theirs]))
    mine.load_state_dict({k: v for (k, _), (_, v) in zip(theirs, ours)})
    return mine, ref


def test_two_blocks_changing_channels(room):
    """BlockGroup(2, 4, 8): one projecting block then one identity block."""
    _check_count(room, 2, 4, 8, 1)


def test_two_blocks_with_stride_2(room):
    """BlockGroup(2, 8, 8, first_stride=2): the stride (and the projection) only in block 1."""
    _check_count(room, 2, 8, 8, 2)


def test_five_identity_blocks(room):
    """BlockGroup(5, 4, 4): five blocks, all with identity shortcuts."""
    _check_count(room, 5, 4, 4, 1)


def test_output_shapes(room):
    """(1, 4, 16, 16) -> (1, 8, 8, 8) for BlockGroup(3, 4, 8, 2); (2, 3, 5, 5) stays for (1, 3, 3)."""
    torch.manual_seed(fresh_seed(0))
    with torch.no_grad():
        out = call(room.BlockGroup(3, 4, 8, 2), torch.randn(1, 4, 16, 16))
        assert_equal(tuple(out.shape), (1, 8, 8, 8), call="BlockGroup(3, 4, 8, 2)(x).shape")
        out = call(room.BlockGroup(1, 3, 3), torch.randn(2, 3, 5, 5))
        assert_equal(tuple(out.shape), (2, 3, 5, 5), call="BlockGroup(1, 3, 3)(x).shape")


def test_matches_reference_in_eval_mode(room):
    """BlockGroup(3, 4, 6, 2) with the reference's weights and running stats, in eval mode."""
    mine, ref = _randomised_copy(room, 3, 4, 6, 2)
    mine.eval()
    ref.eval()
    torch.manual_seed(fresh_seed(1))
    x = torch.randn(2, 4, 9, 9)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="BlockGroup(3, 4, 6, 2)(x), eval mode",
                            dims="batch out_feats out_height out_width", atol=1e-4)


def test_matches_reference_in_train_mode(room):
    """BlockGroup(2, 3, 5, 1) with the reference's weights, in train mode (batch statistics)."""
    mine, ref = _randomised_copy(room, 2, 3, 5, 1)
    mine.train()
    ref.train()
    torch.manual_seed(fresh_seed(2))
    x = torch.randn(3, 3, 6, 6)
    with torch.no_grad():
        assert_tensor_close(call(mine, x), ref(x), call="BlockGroup(2, 3, 5)(x), train mode",
                            dims="batch out_feats out_height out_width", atol=1e-4)
