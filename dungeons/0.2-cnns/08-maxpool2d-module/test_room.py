"""Cases for MaxPool2d: no parameters, stride default, padding default, random vs F, repr."""

import random

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call, fail


def test_no_parameters(room):
    """MaxPool2d(2) is an nn.Module with no parameters."""
    mine = room.MaxPool2d(2)
    if not isinstance(mine, nn.Module):
        fail(f"MaxPool2d(2) made a {type(mine).__name__}, expected an nn.Module", kind="type")
    names = [n for n, _ in mine.named_parameters()]
    if names:
        fail(f"MaxPool2d(2) has parameters {names}; pooling learns nothing", kind="value")


def test_stride_defaults_to_kernel_size(room):
    """MaxPool2d(2, padding=0) on arange(16) as 4x4 gives [[5, 7], [13, 15]]."""
    x = torch.arange(16.0).reshape(1, 1, 4, 4)
    got = call(room.MaxPool2d(2, padding=0), x)
    assert_tensor_equal(got, torch.tensor([[[[5.0, 7.0], [13.0, 15.0]]]]),
                        call="MaxPool2d(2, padding=0)(arange(16) as (1, 1, 4, 4))",
                        dims="batch channels out_height out_width")


def test_default_padding_is_one(room):
    """MaxPool2d(3, 2) pads by 1: (2, 3, 7, 7) -> (2, 3, 4, 4), as F.max_pool2d(x, 3, 2, 1)."""
    torch.manual_seed(fresh_seed(0))
    x = torch.randn(2, 3, 7, 7)
    assert_tensor_equal(call(room.MaxPool2d(3, 2), x), F.max_pool2d(x, 3, 2, 1),
                        call="MaxPool2d(3, 2)(x)", dims="batch channels out_height out_width")


def test_random_settings_match_torch(room):
    """Ten random inputs and settings (stride None half the time), against F.max_pool2d."""
    rng = random.Random(0)
    torch.manual_seed(fresh_seed(0))
    for _ in range(10):
        k = rng.randint(2, 4)
        stride = None if rng.random() < 0.5 else rng.randint(1, 3)
        padding = rng.randint(0, k // 2)
        x = torch.randn(rng.randint(1, 3), rng.randint(1, 3), rng.randint(k, 11),
                        rng.randint(k, 11))
        expected = F.max_pool2d(x, k, stride if stride is not None else k, padding)
        got = call(room.MaxPool2d(k, stride, padding), x)
        assert_tensor_close(got, expected,
                            call=f"MaxPool2d({k}, {stride}, {padding})(x) for x {tuple(x.shape)}",
                            dims="batch channels out_height out_width")


def test_extra_repr_shows_the_settings(room):
    """repr(MaxPool2d(3, 2, 1)) shows kernel_size=3, stride=2, padding=1."""
    text = repr(room.MaxPool2d(3, 2, 1))
    for part in ("kernel_size=3", "stride=2", "padding=1"):
        if part not in text:
            fail(f"repr(MaxPool2d(3, 2, 1)) is {text!r}: it should mention {part!r}",
                 kind="value")
